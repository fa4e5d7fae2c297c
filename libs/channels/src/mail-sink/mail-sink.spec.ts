import { SmtpEmailTransport } from '../email/smtp-email.transport';
import type { CapturedMail } from './captured-mail';
import { MailSink } from './mail-sink';

describe('MailSink', () => {
  const sut = new MailSink();
  let urls: { smtpUrl: string; httpUrl: string | null };
  let transport: SmtpEmailTransport;

  const send = (n: number, subject: string) =>
    transport.send({
      from: 'shop@shop.test',
      to: `c${n}@example.test`,
      subject,
      html: `<p onclick="x()">body ${n}</p><script>alert(1)</script>`,
      text: `body ${n}`,
      messageId: `<d${n}@rapport.local>`,
    });

  beforeAll(async () => {
    urls = await sut.start({ smtpPort: 0, httpPort: 0 });
    transport = new SmtpEmailTransport({ url: urls.smtpUrl, maxConnections: 1 });
  });
  beforeEach(() => sut.clear());
  afterAll(async () => {
    transport.close();
    await sut.stop();
  });

  it('should report both urls on random ports when started with port 0', () => {
    expect(urls.smtpUrl).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
    expect(urls.httpUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('should resolve waitFor with a matching mail when it arrives after the call', async () => {
    const waiting = sut.waitFor((m) => m.to.includes('c2@example.test'), { timeoutMs: 2000 });
    await send(1, 'one');
    await send(2, 'two');

    await expect(waiting).resolves.toMatchObject({ subject: 'two', messageId: '<d2@rapport.local>' });
  });

  it('should reject waitForCount with a clear message when too few mails arrive in time', async () => {
    await expect(sut.waitForCount(1, { timeoutMs: 50 })).rejects.toThrow(/timed out after 50 ms waiting for 1 message/);
  });

  it('should serve the captured mails as JSON when GET /api/messages is called', async () => {
    await send(1, 'json please');

    const res = await fetch(`${urls.httpUrl}/api/messages`);
    const body = (await res.json()) as CapturedMail[];

    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(body).toHaveLength(1);
    expect(body[0]).toMatchObject({
      id: expect.any(String),
      subject: 'json please',
      to: ['c1@example.test'],
      text: 'body 1',
    });
    expect(Date.parse(body[0]?.receivedAt ?? '')).not.toBeNaN();
  });

  it('should list subjects escaped, newest first, when GET / is called', async () => {
    await send(1, 'older');
    await send(2, '<img src=x onerror=alert(1)> & more');

    const res = await fetch(`${urls.httpUrl}/`);
    const html = await res.text();

    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62; &#38; more');
    expect(html).not.toContain('<img src=x');
    expect(html.indexOf('onerror')).toBeLessThan(html.indexOf('older'));
  });

  it('should show the body in a sandboxed srcdoc iframe when a message page is opened', async () => {
    await send(1, 'detail');
    const [mail] = sut.messages();

    const html = await (await fetch(`${urls.httpUrl}/messages/${mail?.id}`)).text();

    expect(html).toContain('<iframe sandbox="" srcdoc="&#60;p onclick=&#34;x()&#34;&#62;body 1');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('<th>message-id</th><td>&#60;d1@rapport.local&#62;</td>');
  });

  it('should clear the captured mails when DELETE /api/messages is called', async () => {
    await send(1, 'to be cleared');

    const res = await fetch(`${urls.httpUrl}/api/messages`, { method: 'DELETE' });

    expect(res.status).toBe(204);
    expect(sut.messages()).toEqual([]);
  });

  it('should answer 404 when the message does not exist', async () => {
    expect((await fetch(`${urls.httpUrl}/messages/nope`)).status).toBe(404);
  });
});
