import { randomBytes } from 'node:crypto';
import { WorkspaceRepository } from '@rapport/persistence';
import { startStack, type Stack } from '../support/stack';

describe('rate limits per key', () => {
  let stack: Stack;
  const otherWriteKey = `wk_${randomBytes(12).toString('hex')}`;

  beforeAll(async () => {
    stack = await startStack({ label: 'rate_limits', env: { RATE_LIMIT_TRACKING: '5', RATE_LIMIT_WEBHOOKS: '3' } });
    await new WorkspaceRepository(stack.db.dataSource).create({
      name: 'Other shop',
      writeKey: otherWriteKey,
      apiKey: `sk_${randomBytes(16).toString('hex')}`,
      emailFrom: 'other@example.com',
      now: new Date('2026-06-01T09:00:00Z'),
    });
  });

  afterAll(() => stack?.stop());

  const track = (writeKey: string, messageId: string) =>
    fetch(`${stack.apiUrl}/v1/track`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`,
      },
      body: JSON.stringify({ userId: 'flood', event: 'Viewed', messageId }),
    });

  it('should answer 429 with Retry-After over the limit, store only what it accepted, and not slow another key', async () => {
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => track(stack.writeKey, `burst-${i}`)));
    const other = await track(otherWriteKey, 'other-1');

    const refused = burst.filter((response) => response.status === 429);
    const accepted = burst.filter((response) => response.status === 200);
    expect(refused.length).toBeGreaterThan(0);
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.length).toBeLessThan(20);
    expect(Number(refused[0]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused[0]!.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect(other.status).toBe(200);
    const stored = await stack.db.dataSource.query(`SELECT count(*)::int AS n FROM events WHERE name = 'Viewed'`);
    expect(stored[0].n).toBe(accepted.length + 1);
  });

  it('should accept the key again once its window has passed', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100));

    const sut = await track(stack.writeKey, 'after-wait');

    expect(sut.status).toBe(200);
  });

  it('should limit each shop webhook source before checking signatures, leaving other sources alone', async () => {
    const [flooded, quiet] = await Promise.all(
      ['Flooded', 'Quiet'].map(
        async (name) => (await stack.request('POST', '/api/settings/shop-sources', { name, scheme: 'shopify' })).body,
      ),
    );
    const post = (key: string) =>
      fetch(`${stack.apiUrl}/webhooks/shop/${key}`, { method: 'POST', body: '{}' }).then((response) => response);

    const burst = await Promise.all(Array.from({ length: 12 }, () => post(flooded.key)));
    const other = await post(quiet.key);

    expect(burst.filter((response) => response.status === 429).length).toBeGreaterThan(0);
    // Unsigned: within the limit the answer is the signature's 401, never a stored request.
    expect(new Set(burst.map((response) => response.status))).toEqual(new Set([401, 429]));
    expect(other.status).toBe(401);
  });
});
