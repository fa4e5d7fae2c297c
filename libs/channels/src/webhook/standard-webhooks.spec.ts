import {
  generateWebhookSecret,
  isWebhookSecret,
  signWebhook,
  verifyWebhook,
  type IncomingHeaders,
  type WebhookHeaders,
} from './standard-webhooks';

// Test vector from the reference library's own tests
// (standard-webhooks/standard-webhooks, libraries/javascript/src/webhook.test.ts, "sign function works").
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: new Date(1614265330 * 1000),
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

const now = new Date('2025-06-01T10:00:00Z');
const secret = 'whsec_' + Buffer.from('rapport-test-secret-0123456789').toString('base64');
const oldSecret = 'whsec_' + Buffer.from('the-secret-before-rotation').toString('base64');
const body = JSON.stringify({ type: 'journey.step', data: { customerId: 'c-1', tier: 'gold' } });
const signed = (overrides: Partial<Parameters<typeof signWebhook>[0]> = {}) =>
  signWebhook({ id: 'delivery-1', timestamp: now, body, secret, ...overrides });

describe('signWebhook', () => {
  it('should produce the reference signature when signing the spec test vector', () => {
    const sut = signWebhook(VECTOR);

    expect(sut).toEqual({
      'webhook-id': VECTOR.id,
      'webhook-timestamp': '1614265330',
      'webhook-signature': VECTOR.signature,
    });
  });

  it('should accept the bare base64 secret when the whsec_ prefix is omitted', () => {
    const sut = signWebhook({ ...VECTOR, secret: VECTOR.secret.slice('whsec_'.length) });

    expect(sut['webhook-signature']).toBe(VECTOR.signature);
  });

  it('should truncate the timestamp to whole unix seconds when the date has milliseconds', () => {
    const sut = signed({ timestamp: new Date('2025-06-01T10:00:00.999Z') });

    expect(sut['webhook-timestamp']).toBe(String(Date.parse('2025-06-01T10:00:00Z') / 1000));
  });

  it.each([[''], ['whsec_'], ['whsec_not base64!']])('should throw when the secret is %j', (bad) => {
    expect(() => signed({ secret: bad })).toThrow(/whsec_/);
  });

  it('should throw when the id contains whitespace', () => {
    expect(() => signed({ id: 'a b' })).toThrow(/whitespace/);
  });
});

describe('verifyWebhook', () => {
  it('should accept the spec test vector when verified at its own time', () => {
    const sut = verifyWebhook({
      headers: signWebhook(VECTOR),
      body: VECTOR.body,
      secrets: [VECTOR.secret],
      now: VECTOR.timestamp,
    });

    expect(sut).toEqual({ ok: true });
  });

  it('should accept a round trip when the body is given as a Buffer', () => {
    const sut = verifyWebhook({ headers: signed(), body: Buffer.from(body), secrets: [secret], now });

    expect(sut).toEqual({ ok: true });
  });

  it('should accept the message when any of the rotated secrets signed it', () => {
    const headers = signed({ secret: oldSecret });

    expect(verifyWebhook({ headers, body, secrets: [secret, oldSecret], now })).toEqual({ ok: true });
    expect(verifyWebhook({ headers, body, secrets: [secret], now })).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('should accept the message when one of several space-separated signatures matches', () => {
    const good = signed()['webhook-signature'];
    const other = signed({ secret: oldSecret })['webhook-signature'];
    const headers = { ...signed(), 'webhook-signature': `v2,${good.slice(3)} ${other} v1,AAAA ${good}` };

    expect(verifyWebhook({ headers, body, secrets: [secret], now })).toEqual({ ok: true });
  });

  it('should match header names case-insensitively when they arrive capitalised', () => {
    const h = signed();
    const headers = {
      'Webhook-Id': h['webhook-id'],
      'Webhook-Timestamp': h['webhook-timestamp'],
      'WEBHOOK-SIGNATURE': h['webhook-signature'],
    };

    expect(verifyWebhook({ headers, body, secrets: [secret], now })).toEqual({ ok: true });
  });

  it.each([
    ['5 minutes old', -300, true],
    ['5 minutes ahead', 300, true],
    ['5 minutes and 1 second old', -301, false],
    ['5 minutes and 1 second ahead', 301, false],
  ])('should decide staleness at the tolerance edge when the timestamp is %s', (_, offsetSeconds, ok) => {
    const headers = signed({ timestamp: new Date(now.getTime() + offsetSeconds * 1000) });

    const sut = verifyWebhook({ headers, body, secrets: [secret], now });

    expect(sut).toEqual(ok ? { ok: true } : { ok: false, reason: 'stale' });
  });

  it('should honour a custom tolerance when one is given', () => {
    const headers = signed({ timestamp: new Date(now.getTime() - 61_000) });

    expect(verifyWebhook({ headers, body, secrets: [secret], now, toleranceSeconds: 60 })).toEqual({
      ok: false,
      reason: 'stale',
    });
  });

  it.each<[string, (h: WebhookHeaders) => IncomingHeaders, string]>([
    ['the body was changed', (h) => h, body.replace('gold', 'platinum')],
    ['the id was changed', (h) => ({ ...h, 'webhook-id': 'delivery-2' }), body],
    [
      'the timestamp was moved',
      (h) => ({ ...h, 'webhook-timestamp': String(Number(h['webhook-timestamp']) + 1) }),
      body,
    ],
    ['the signature is truncated', (h) => ({ ...h, 'webhook-signature': h['webhook-signature'].slice(0, 12) }), body],
    ['the signature has no version', (h) => ({ ...h, 'webhook-signature': h['webhook-signature'].slice(3) }), body],
    ['the signature is v2', (h) => ({ ...h, 'webhook-signature': 'v2' + h['webhook-signature'].slice(2) }), body],
    ['the signature is "v1,"', (h) => ({ ...h, 'webhook-signature': 'v1,' }), body],
    ['the signature is not base64', (h) => ({ ...h, 'webhook-signature': 'v1,@@@@' }), body],
    ['the signature is hex', (h) => ({ ...h, 'webhook-signature': 'v1,' + 'ab'.repeat(32) }), body],
  ])('should refuse with bad-signature when %s', (_, tamper, sentBody) => {
    const sut = verifyWebhook({ headers: tamper(signed()), body: sentBody, secrets: [secret], now });

    expect(sut).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it.each<[string, IncomingHeaders]>([
    ['no headers at all', {}],
    ['the id is missing', { 'webhook-timestamp': '1748772000', 'webhook-signature': 'v1,AAAA' }],
    ['the timestamp is missing', { 'webhook-id': 'x', 'webhook-signature': 'v1,AAAA' }],
    ['the signature is missing', { 'webhook-id': 'x', 'webhook-timestamp': '1748772000' }],
    ['the timestamp is not a number', { 'webhook-id': 'x', 'webhook-timestamp': 'hello', 'webhook-signature': 'v1,A' }],
    ['the timestamp is negative', { 'webhook-id': 'x', 'webhook-timestamp': '-1', 'webhook-signature': 'v1,A' }],
    ['the timestamp is huge', { 'webhook-id': 'x', 'webhook-timestamp': '9'.repeat(40), 'webhook-signature': 'v1,A' }],
    ['the values are blank', { 'webhook-id': ' ', 'webhook-timestamp': '', 'webhook-signature': '' }],
  ])('should refuse with missing-headers when %s', (_, headers) => {
    const sut = verifyWebhook({ headers, body, secrets: [secret], now });

    expect(sut).toEqual({ ok: false, reason: 'missing-headers' });
  });

  it.each<[string, Partial<Parameters<typeof verifyWebhook>[0]>]>([
    ['no secret is configured', { secrets: [] }],
    ['the only secret is malformed', { secrets: ['whsec_%%%'] }],
    ['secrets is not an array', { secrets: 'nope' as unknown as string[] }],
    ['the body is not a string', { body: { parsed: true } as unknown as string }],
  ])('should refuse without throwing when %s', (_, overrides) => {
    const sut = verifyWebhook({ headers: signed(), body, secrets: [secret], now, ...overrides });

    expect(sut).toEqual({ ok: false, reason: 'bad-signature' });
  });
});

describe('generateWebhookSecret', () => {
  it('should make distinct well-formed secrets that sign and verify when called twice', () => {
    const a = generateWebhookSecret();
    const b = generateWebhookSecret();

    expect(a).not.toBe(b);
    expect([a, b].every(isWebhookSecret)).toBe(true);
    expect(verifyWebhook({ headers: signed({ secret: a }), body, secrets: [a], now })).toEqual({ ok: true });
  });
});
