import { createServer, type AddressInfo } from 'node:net';
import type { HostLookup } from './address-guard';
import { generateWebhookSecret, verifyWebhook } from './standard-webhooks';
import { WebhookReceiver } from './webhook-receiver';
import { WebhookSendError } from './webhook-send.error';
import { backoffDelay, parseRetryAfter, sendWebhook, type SendWebhookInput } from './webhook-sender';

const now = new Date('2025-06-01T10:00:00Z');
const secret = generateWebhookSecret();
const payload = { type: 'journey.win-back', data: { customerId: 'c-42', name: 'Zoë', churnRiskAt: '2025-06-01' } };

const freePort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
};

const sendError = async (promise: Promise<unknown>): Promise<WebhookSendError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof WebhookSendError)) throw new Error(`expected a WebhookSendError, got ${String(error)}`);
  return error;
};

describe('sendWebhook', () => {
  const receiver = new WebhookReceiver({ secrets: [secret], now: () => now });
  let baseUrl: string;
  const input = (overrides: Partial<SendWebhookInput> = {}): SendWebhookInput => ({
    url: `${baseUrl}/hooks/team-alert?source=rapport`,
    body: payload,
    id: 'delivery-7f3a',
    secret,
    now,
    timeoutMs: 2000,
    allowPrivate: true,
    ...overrides,
  });

  beforeAll(async () => {
    ({ url: baseUrl } = await receiver.start());
  });
  beforeEach(() => receiver.clear());
  afterAll(() => receiver.stop());

  it('should POST signed JSON and resolve with the status when the receiver answers 200', async () => {
    const sut = await sendWebhook(input());

    expect(sut).toEqual({ status: 200, durationMs: expect.any(Number) });
    const [got, ...rest] = receiver.requests();
    expect(rest).toHaveLength(0);
    expect(got).toMatchObject({
      method: 'POST',
      path: '/hooks/team-alert?source=rapport',
      body: payload,
      verification: { ok: true },
    });
    expect(got?.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'Rapport-Webhooks/1',
      'webhook-id': 'delivery-7f3a',
      'webhook-timestamp': String(now.getTime() / 1000),
      'webhook-signature': expect.stringMatching(/^v1,[A-Za-z0-9+/]{43}=$/),
    });
    expect(got?.rawBody).toBe(JSON.stringify(payload));
  });

  it('should connect to the pinned address and keep the original Host header when the host name is resolved', async () => {
    const port = new URL(baseUrl).port;
    const lookup = jest.fn<ReturnType<HostLookup>, Parameters<HostLookup>>(async () => [
      { address: '127.0.0.1', family: 4 },
    ]);

    const sut = await sendWebhook(input({ url: `http://hooks.example.test:${port}/x`, lookup }));

    expect(sut.status).toBe(200);
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(receiver.requests()[0]?.headers.host).toBe(`hooks.example.test:${port}`);
  });

  it('should throw retryable with retryAfterMs and then succeed when the receiver answers 503 then 200', async () => {
    receiver.script({ status: 503, headers: { 'retry-after': '2' }, body: 'maintenance' }, { status: 200 });

    const first = await sendError(sendWebhook(input()));
    const second = await sendWebhook(input());

    expect(first).toMatchObject({ kind: 'retryable', status: 503, retryAfterMs: 2000 });
    expect(first.message).toContain('maintenance');
    expect(second.status).toBe(200);
    expect(receiver.requests().map((r) => [r.status, r.headers['webhook-id']])).toEqual([
      [503, 'delivery-7f3a'],
      [200, 'delivery-7f3a'],
    ]);
  });

  it('should read an HTTP-date Retry-After relative to now when the receiver answers 429', async () => {
    receiver.script({ status: 429, headers: { 'retry-after': new Date(now.getTime() + 90_000).toUTCString() } });

    const sut = await sendError(sendWebhook(input()));

    expect(sut).toMatchObject({ kind: 'retryable', status: 429, retryAfterMs: 90_000 });
  });

  it('should throw retryable without retryAfterMs when a 500 carries no Retry-After', async () => {
    receiver.script({ status: 500 });

    const sut = await sendError(sendWebhook(input()));

    expect(sut).toMatchObject({ kind: 'retryable', status: 500, retryAfterMs: undefined });
  });

  it.each([[404], [400], [410], [401]])('should throw permanent when the receiver answers %i', async (status) => {
    receiver.script({ status, body: 'no such hook' });

    const sut = await sendError(sendWebhook(input()));

    expect(sut).toMatchObject({ kind: 'permanent', status, retryable: false });
  });

  it('should throw permanent without following it when the receiver answers a redirect', async () => {
    receiver.script({ status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data' } });

    const sut = await sendError(sendWebhook(input()));

    expect(sut).toMatchObject({ kind: 'permanent', status: 302 });
    expect(sut.message).toContain('not followed');
    expect(receiver.requests()).toHaveLength(1);
  });

  it('should throw retryable ETIMEDOUT when the receiver does not answer within the timeout', async () => {
    receiver.script({ status: 200, delayMs: 60_000 });

    const sut = await sendError(sendWebhook(input({ timeoutMs: 50 })));

    expect(sut).toMatchObject({ kind: 'retryable', code: 'ETIMEDOUT', status: undefined });
    expect(receiver.requests()).toHaveLength(1);
  });

  it('should refuse and send nothing when the URL is loopback and private addresses are not allowed', async () => {
    const sut = await sendError(sendWebhook(input({ allowPrivate: false })));

    expect(sut).toMatchObject({ kind: 'refused', code: 'blocked-address', retryable: false });
    expect(receiver.requests()).toHaveLength(0);
  });

  it('should refuse and send nothing when a host name resolves to loopback and private addresses are not allowed', async () => {
    const lookup: HostLookup = async () => [{ address: '127.0.0.1', family: 4 }];
    const port = new URL(baseUrl).port;

    const sut = await sendError(
      sendWebhook(input({ url: `http://evil.example.test:${port}/`, lookup, allowPrivate: false })),
    );

    expect(sut).toMatchObject({ kind: 'refused', code: 'blocked-address' });
    expect(receiver.requests()).toHaveLength(0);
  });

  it('should refuse when the URL is not http(s)', async () => {
    const sut = await sendError(sendWebhook(input({ url: 'file:///etc/passwd' })));

    expect(sut).toMatchObject({ kind: 'refused', code: 'unsupported-scheme' });
  });

  it('should throw retryable ECONNREFUSED when nothing listens on the port', async () => {
    const port = await freePort();

    const sut = await sendError(sendWebhook(input({ url: `http://127.0.0.1:${port}/` })));

    expect(sut).toMatchObject({ kind: 'retryable', code: 'ECONNREFUSED' });
  });

  it('should throw permanent and send nothing when the secret is malformed', async () => {
    const sut = await sendError(sendWebhook(input({ secret: 'not-a-secret!' })));

    expect(sut.kind).toBe('permanent');
    expect(receiver.requests()).toHaveLength(0);
  });

  it('should throw permanent when a strict receiver holds another secret and answers 401', async () => {
    const strict = new WebhookReceiver({
      secrets: [generateWebhookSecret()],
      requireValidSignature: true,
      now: () => now,
    });
    const { url } = await strict.start();
    try {
      const sut = await sendError(sendWebhook(input({ url })));

      expect(sut).toMatchObject({ kind: 'permanent', status: 401 });
      expect(sut.message).toContain('bad-signature');
      expect(strict.requests()[0]?.verification).toEqual({ ok: false, reason: 'bad-signature' });
    } finally {
      await strict.stop();
    }
  });

  it('should sign the exact bytes sent when the body has non-ASCII characters', async () => {
    await sendWebhook(input());

    const [got] = receiver.requests();
    expect(got?.rawBody).toContain('Zoë');
    expect(got && verifyWebhook({ headers: got.headers, body: got.rawBody, secrets: [secret], now })).toEqual({
      ok: true,
    });
  });
});

describe('parseRetryAfter', () => {
  it.each<[string | undefined, number | undefined]>([
    ['2', 2000],
    [' 120 ', 120_000],
    ['0', 0],
    [new Date(now.getTime() + 30_000).toUTCString(), 30_000],
    [new Date(now.getTime() - 30_000).toUTCString(), 0],
    ['999999999', 24 * 3600 * 1000],
    [undefined, undefined],
    ['', undefined],
    ['soon', undefined],
    ['-5', undefined],
    ['1.5', undefined],
  ])('should read %j as %j when now is fixed', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe('backoffDelay', () => {
  it.each<[number, number | undefined, number]>([
    [1, undefined, 2_000],
    [2, undefined, 4_000],
    [5, undefined, 32_000],
    [11, undefined, 2_048_000],
    [12, undefined, 3_600_000],
    [50, undefined, 3_600_000],
    [0, undefined, 2_000],
    [Number.NaN, undefined, 2_000],
    [1, 10_000, 10_000],
    [5, 10_000, 32_000],
    [12, 2 * 3_600_000, 2 * 3_600_000],
    [1, 365 * 24 * 3_600_000, 24 * 3_600_000],
  ])('should wait %j attempts with Retry-After %j as %j ms when computed', (attempt, retryAfterMs, expected) => {
    expect(backoffDelay(attempt, retryAfterMs)).toBe(expected);
  });
});
