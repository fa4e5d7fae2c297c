import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeTwilio } from './fake-twilio.server';
import { verifyTwilioSignature } from './twilio-signature';

const SID = `AC${'1'.repeat(32)}`;
const TOKEN = 'fake-spec-token';
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

type Call = { path?: string; form?: Record<string, string>; headers?: Record<string, string>; method?: string };

describe('FakeTwilio', () => {
  const sut = new FakeTwilio({ accountSid: SID, authToken: TOKEN });
  let baseUrl: string;

  const call = async ({ path = `/2010-04-01/Accounts/${SID}/Messages.json`, form, headers, method }: Call = {}) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: method ?? (form ? 'POST' : 'GET'),
      headers: { Authorization: basic(SID, TOKEN), ...headers },
      ...(form ? { body: new URLSearchParams(form) } : {}),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
  const message = (n: number, extra: Record<string, string> = {}) => ({
    To: `+1555000${String(n).padStart(4, '0')}`,
    From: '+15550001111',
    Body: `Message ${n}`,
    ...extra,
  });

  beforeAll(async () => {
    ({ baseUrl } = await sut.start());
  });
  beforeEach(() => sut.clear());
  afterAll(() => sut.stop());

  it('should create a queued message with its segment count when the request is valid', async () => {
    const reply = await call({ form: message(1, { Body: '😀'.repeat(40) }) });

    expect(reply.status).toBe(201);
    expect(reply.json).toMatchObject({ account_sid: SID, status: 'queued', num_segments: '2', to: '+15550000001' });
    expect(sut.messages()).toEqual([expect.objectContaining({ sid: reply.json['sid'], numSegments: 2 })]);
  });

  it.each([
    ['no credentials', { headers: { Authorization: '' } }],
    ['the wrong token', { headers: { Authorization: basic(SID, 'wrong') } }],
    ['another account in the path', { path: `/2010-04-01/Accounts/AC999/Messages.json` }],
  ])('should answer 401 with code 20003 when the request has %s', async (_case, overrides) => {
    const reply = await call({ form: message(1), ...overrides });

    expect(reply).toEqual({ status: 401, json: expect.objectContaining({ code: 20003, status: 401 }) });
    expect(sut.messages()).toHaveLength(0);
  });

  it.each([
    ['no Body', { Body: '' }, 21602],
    ['no To', { To: '' }, 21604],
    ['no From', { From: '' }, 21603],
    ['a To that is not E.164', { To: '555-0100' }, 21211],
    ['a Body over 1600 characters', { Body: 'x'.repeat(1601) }, 21617],
  ])('should answer 400 with the Twilio code when the message has %s', async (_case, extra, code) => {
    const reply = await call({ form: message(1, extra) });

    expect(reply).toEqual({ status: 400, json: expect.objectContaining({ code, status: 400 }) });
  });

  it('should answer 404 in Twilio error JSON when the path is unknown', async () => {
    const reply = await call({ path: '/2010-04-01/Calls.json' });

    expect(reply).toEqual({ status: 404, json: expect.objectContaining({ code: 20404 }) });
  });

  it('should fail exactly the next N requests when failures are injected', async () => {
    sut.failNext(2, 503);

    const statuses = [];
    for (let n = 1; n <= 3; n++) statuses.push((await call({ form: message(n) })).status);

    expect(statuses).toEqual([503, 503, 201]);
    expect(sut.messages()).toHaveLength(1);
  });

  it('should report the delivered status on GET when a message without callback is delivered', async () => {
    const created = await call({ form: message(1) });
    const sid = String(created.json['sid']);

    const callback = await sut.deliver(sid);
    const fetched = await call({ path: `/2010-04-01/Accounts/${SID}/Messages/${sid}.json` });

    expect(callback).toBeNull();
    expect(fetched.json).toMatchObject({ sid, status: 'delivered' });
  });

  it('should reject deliver when the sid is unknown', async () => {
    await expect(sut.deliver('SMnope')).rejects.toThrow('FakeTwilio: no message SMnope');
  });

  it('should resolve waitForCount when enough messages arrive and reject naming the count when they do not', async () => {
    const waiting = sut.waitForCount(2, { timeoutMs: 5_000 });
    await call({ form: message(1) });
    await call({ form: message(2) });

    await expect(waiting).resolves.toHaveLength(2);
    await expect(sut.waitForCount(3, { timeoutMs: 10 })).rejects.toThrow(/waiting for 3 message\(s\) \(have 2\)/);
  });

  it('should forget the oldest message and its idempotency token when the store is full', async () => {
    const small = new FakeTwilio({ accountSid: SID, authToken: TOKEN, maxStoredMessages: 2 });
    const { baseUrl: smallUrl } = await small.start();
    const post = (n: number) =>
      fetch(`${smallUrl}/2010-04-01/Accounts/${SID}/Messages.json`, {
        method: 'POST',
        headers: { Authorization: basic(SID, TOKEN), 'I-Twilio-Idempotency-Token': `k${n}` },
        body: new URLSearchParams(message(n)),
      });

    for (const n of [1, 2, 3, 1]) await post(n);
    await small.stop();

    expect(small.messages().map((m) => m.idempotencyToken)).toEqual(['k3', 'k1']);
  });

  describe('with autoDeliver', () => {
    let receiver: Server;
    let callbackUrl: string;
    let onCallback: (c: { ok: boolean; params: Record<string, string> }) => void = () => undefined;

    beforeAll(async () => {
      receiver = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const params = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
          const signature = req.headers['x-twilio-signature'];
          res.writeHead(204).end();
          onCallback({ ok: verifyTwilioSignature({ authToken: TOKEN, url: callbackUrl, params, signature }), params });
        });
      });
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      callbackUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/status`;
    });
    afterAll(() => new Promise((resolve) => receiver.close(resolve)));

    it('should post a signed delivered callback when a message with StatusCallback is created', async () => {
      const auto = new FakeTwilio({ accountSid: SID, authToken: TOKEN, autoDeliver: true });
      const { baseUrl: autoUrl } = await auto.start();
      const callback = new Promise<{ ok: boolean; params: Record<string, string> }>(
        (resolve) => (onCallback = resolve),
      );

      const response = await fetch(`${autoUrl}/2010-04-01/Accounts/${SID}/Messages.json`, {
        method: 'POST',
        headers: { Authorization: basic(SID, TOKEN) },
        body: new URLSearchParams(message(1, { StatusCallback: callbackUrl })),
      });
      const { sid } = (await response.json()) as { sid: string };
      const received = await callback;
      await auto.stop();

      expect(received).toEqual({
        ok: true,
        params: expect.objectContaining({ MessageSid: sid, MessageStatus: 'delivered', AccountSid: SID }),
      });
      expect(auto.messages()[0]?.status).toBe('delivered');
    });
  });
});
