import { createServer, Socket, type AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { MailSink } from '../mail-sink/mail-sink';
import { EmailSendError } from './email-send.error';
import { SmtpEmailTransport, type OutgoingEmail } from './smtp-email.transport';

const mail = (n: number, overrides: Partial<OutgoingEmail> = {}): OutgoingEmail => ({
  from: 'Rapport <hello@shop.test>',
  to: `customer${n}@example.test`,
  subject: `Happy birthday #${n} – 10% off`,
  html: `<p>Hello <b>#${n}</b></p>`,
  text: `Hello #${n}`,
  messageId: `<delivery-${n}@rapport.local>`,
  headers: { 'X-Rapport-Delivery': `delivery-${n}`, 'List-Unsubscribe': `<https://shop.test/u/${n}>` },
  ...overrides,
});

const freePort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
};

describe('SmtpEmailTransport', () => {
  const sink = new MailSink();
  let smtpUrl: string;
  let sut: SmtpEmailTransport;

  beforeAll(async () => {
    ({ smtpUrl } = await sink.start({ smtpPort: 0 }));
  });
  beforeEach(() => {
    sink.clear();
    sut = new SmtpEmailTransport({ url: smtpUrl, maxConnections: 1 });
  });
  afterEach(() => sut.close());
  afterAll(() => sink.stop());

  it('should deliver exactly the given mails when sending three through the sink', async () => {
    const results = [];
    for (const n of [1, 2, 3]) results.push(await sut.send(mail(n)));

    const received = await sink.waitForCount(3, { timeoutMs: 2000 });
    expect(results.map((r) => r.messageId)).toEqual([
      '<delivery-1@rapport.local>',
      '<delivery-2@rapport.local>',
      '<delivery-3@rapport.local>',
    ]);
    expect(results[0]).toMatchObject({ accepted: ['customer1@example.test'], rejected: [] });
    expect(received).toHaveLength(3);
    received.forEach((got, i) => {
      const n = i + 1;
      expect(got).toMatchObject({
        messageId: `<delivery-${n}@rapport.local>`,
        to: [`customer${n}@example.test`],
        subject: `Happy birthday #${n} – 10% off`,
        html: `<p>Hello <b>#${n}</b></p>`,
        text: `Hello #${n}`,
      });
      expect(got.from).toContain('hello@shop.test');
      expect(got.headers['message-id']).toBe(`<delivery-${n}@rapport.local>`);
      expect(got.headers['x-rapport-delivery']).toBe(`delivery-${n}`);
      expect(got.headers['list-unsubscribe']).toBe(`<https://shop.test/u/${n}>`);
    });
  });

  it('should turn Nagle off on its SMTP socket when it connects', async () => {
    // Nagle plus delayed ACKs costs ~40 ms per SMTP round trip; Nodemailer >= 10.1 disables it.
    // This guards that behaviour across upgrades (the timing itself belongs in a benchmark).
    const spy = jest.spyOn(Socket.prototype, 'setNoDelay');
    const sinkPort = Number(new URL(smtpUrl).port);
    try {
      await sut.send(mail(1));
      const clientCalls = spy.mock.calls.filter((_, i) => (spy.mock.contexts[i] as Socket).remotePort === sinkPort);
      expect(clientCalls).toContainEqual([true]);
    } finally {
      spy.mockRestore();
    }
  });

  it('should resolve verify when the server is reachable', async () => {
    await expect(sut.verify()).resolves.toBeUndefined();
  });

  it('should throw a retryable EmailSendError when nothing listens on the port', async () => {
    const closed = new SmtpEmailTransport({ url: `smtp://127.0.0.1:${await freePort()}` });
    try {
      const error = await closed.send(mail(1)).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(EmailSendError);
      expect(error).toMatchObject({ kind: 'retryable' });
      await expect(closed.verify()).rejects.toMatchObject({ kind: 'retryable' });
    } finally {
      closed.close();
    }
  });

  it('should throw a permanent EmailSendError with the reply code when the server rejects the recipient', async () => {
    const strict = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      disableReverseLookup: true,
      logger: false,
      onRcptTo: (_address, _session, callback) =>
        callback(Object.assign(new Error('5.1.1 No such user'), { responseCode: 550 })),
    });
    await new Promise<void>((resolve) => strict.listen(0, '127.0.0.1', resolve));
    const client = new SmtpEmailTransport({ url: `smtp://127.0.0.1:${(strict.server.address() as AddressInfo).port}` });
    try {
      await expect(client.send(mail(1))).rejects.toMatchObject({ kind: 'permanent', responseCode: 550 });
    } finally {
      client.close();
      await new Promise<void>((resolve) => strict.close(resolve));
    }
  });

  it('should refuse a url that is not smtp or smtps when constructed', () => {
    expect(() => new SmtpEmailTransport({ url: 'http://mail.test' })).toThrow(EmailSendError);
  });
});
