import { generateWebhookSecret, signWebhook } from './standard-webhooks';
import { WebhookReceiver } from './webhook-receiver';

describe('WebhookReceiver', () => {
  const secret = generateWebhookSecret();
  const now = new Date('2025-06-01T10:00:00Z');
  const sut = new WebhookReceiver({ secrets: [secret], now: () => now, maxBodyBytes: 1024 });
  let url: string;

  beforeAll(async () => {
    ({ url } = await sut.start());
  });
  beforeEach(() => sut.clear());
  afterAll(() => sut.stop());

  it('should answer the script in order and then 200 when several requests arrive', async () => {
    sut.script({ status: 503, headers: { 'retry-after': '2' } }, { status: 404, body: 'gone' });

    const answers = [];
    for (let i = 0; i < 3; i++) {
      const res = await fetch(url, { method: 'POST', body: '{}' });
      answers.push([res.status, res.headers.get('retry-after'), await res.text()]);
    }

    expect(answers).toEqual([
      [503, '2', ''],
      [404, null, 'gone'],
      [200, null, ''],
    ]);
    expect(sut.requests().map((r) => [r.seq, r.status])).toEqual([
      [1, 503],
      [2, 404],
      [3, 200],
    ]);
  });

  it('should record a verified request when it is signed with the secret', async () => {
    const body = JSON.stringify({ hello: 'world' });
    await fetch(`${url}/in`, {
      method: 'POST',
      body,
      headers: signWebhook({ id: 'm1', timestamp: now, body, secret }),
    });

    const [got] = await sut.waitForCount(1, { timeoutMs: 2000 });

    expect(got).toMatchObject({ path: '/in', body: { hello: 'world' }, verification: { ok: true } });
  });

  it('should record an unsigned request with missing-headers when it has no signature', async () => {
    await fetch(url, { method: 'POST', body: 'not json' });

    const [got] = sut.requests();

    expect(got).toMatchObject({
      rawBody: 'not json',
      body: undefined,
      verification: { ok: false, reason: 'missing-headers' },
      status: 200,
    });
  });

  it('should answer 413 and record nothing when the body is over the limit', async () => {
    const res = await fetch(url, { method: 'POST', body: 'x'.repeat(2048) });

    expect(res.status).toBe(413);
    expect(sut.requests()).toHaveLength(0);
  });

  it('should reject waitForCount when too few requests arrive in time', async () => {
    await expect(sut.waitForCount(1, { timeoutMs: 20 })).rejects.toThrow(/timed out after 20 ms waiting for 1/);
  });
});
