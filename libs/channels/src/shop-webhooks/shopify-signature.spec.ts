import { signShopifyWebhook, verifyShopifyWebhook, type VerifyShopifyInput } from './shopify-signature';

const secret = 'shpss_0123456789abcdef0123456789abcdef';
const rotated = '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';
const now = new Date('2026-06-01T09:00:00Z');
const body = '{"id":820982911946154508,"email":"jon@example.com"}';

const delivery = (overrides: Partial<VerifyShopifyInput> = {}, headers: Record<string, string> = {}) =>
  verifyShopifyWebhook({
    headers: {
      'x-shopify-hmac-sha256': signShopifyWebhook(body, secret),
      'x-shopify-webhook-id': 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
      'x-shopify-triggered-at': '2026-06-01T08:59:58.877041743Z',
      ...headers,
    },
    body,
    secrets: [secret],
    now,
    ...overrides,
  });

describe('signShopifyWebhook', () => {
  it('should produce the base64 HMAC-SHA256 of the raw body when signing with the app secret', () => {
    // Independent reference: `printf '%s' "$body" | openssl dgst -sha256 -hmac "$secret" -binary | base64`
    expect(signShopifyWebhook('hello', 'secret')).toBe('iKqz7ejTrflNJquQ07r9SiCDBww7zOnAFO4EpEOEfAs=');
  });
});

describe('verifyShopifyWebhook', () => {
  it('should accept a delivery signed with the secret when it was triggered moments ago', () => {
    expect(delivery()).toEqual({ ok: true });
  });

  it('should accept a body given as a Buffer when it is the exact bytes signed', () => {
    expect(delivery({ body: Buffer.from(body) })).toEqual({ ok: true });
  });

  it('should accept either secret when two are active during a rotation', () => {
    const headers = { 'x-shopify-hmac-sha256': signShopifyWebhook(body, rotated) };

    expect(delivery({ secrets: [secret, rotated] }, headers)).toEqual({ ok: true });
    expect(delivery({ secrets: [secret] }, headers)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it.each([
    ['the body changed by one character', { body: body.replace('jon', 'jim') }, {}],
    ['the signature is of another length', {}, { 'x-shopify-hmac-sha256': 'AAAA' }],
    ['the signature is hex rather than base64', {}, { 'x-shopify-hmac-sha256': 'ab'.repeat(32) }],
    ['the signature is not base64 at all', {}, { 'x-shopify-hmac-sha256': '!!not-base64!!' }],
    ['no secret is configured', { secrets: [] }, {}],
  ])('should refuse with bad-signature when %s', (_, overrides, headers) => {
    expect(delivery(overrides, headers)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it.each([
    ['x-shopify-hmac-sha256', { 'x-shopify-hmac-sha256': '' }],
    ['x-shopify-webhook-id', { 'x-shopify-webhook-id': ' ' }],
    ['x-shopify-triggered-at', { 'x-shopify-triggered-at': '' }],
    ['x-shopify-triggered-at', { 'x-shopify-triggered-at': 'yesterday' }],
  ])('should refuse with missing-headers naming %s when it is blank or unreadable', (header, headers) => {
    expect(delivery({}, headers)).toEqual({ ok: false, reason: 'missing-headers', header });
  });

  it('should match header names case-insensitively when they arrive capitalised', () => {
    const sut = verifyShopifyWebhook({
      headers: {
        'X-Shopify-Hmac-Sha256': signShopifyWebhook(body, secret),
        'X-Shopify-Webhook-Id': 'w-1',
        'X-Shopify-Triggered-At': now.toISOString(),
      },
      body,
      secrets: [secret],
      now,
    });

    expect(sut).toEqual({ ok: true });
  });

  it.each([
    ['48 hours old (Shopify still retrying)', '2026-05-30T09:00:00Z', true],
    ['48 hours and 1 second old', '2026-05-30T08:59:59Z', false],
    ['5 minutes ahead of our clock', '2026-06-01T09:05:00Z', true],
    ['5 minutes and 1 second ahead', '2026-06-01T09:05:01Z', false],
  ])('should decide staleness at the edge when the delivery was triggered %s', (_, triggeredAt, ok) => {
    const sut = delivery({}, { 'x-shopify-triggered-at': triggeredAt });

    expect(sut).toEqual(ok ? { ok: true } : { ok: false, reason: 'stale' });
  });

  it('should report a bad signature rather than staleness when an old delivery is also forged', () => {
    const sut = delivery(
      {},
      { 'x-shopify-triggered-at': '2020-01-01T00:00:00Z', 'x-shopify-hmac-sha256': 'A'.repeat(43) + '=' },
    );

    expect(sut).toEqual({ ok: false, reason: 'bad-signature' });
  });
});
