import { startStack, type Stack } from '../support/stack';

const couponJourney = {
  name: 'Welcome coupon',
  nodes: [
    { id: 'signed-up', kind: 'event-trigger', config: { event: 'Signed Up' } },
    { id: 'coupon', kind: 'issue-coupon', config: { pool: 'welcome' } },
    { id: 'mail', kind: 'send-email', config: { template: 'coupon' } },
    { id: 'done', kind: 'exit', config: {} },
  ],
  edges: [
    { from: 'signed-up', output: 'next', to: 'coupon' },
    { from: 'coupon', output: 'next', to: 'mail' },
    { from: 'mail', output: 'next', to: 'done' },
  ],
};

describe('unique coupons', () => {
  let stack: Stack;
  const users = Array.from({ length: 8 }, (_, i) => `buyer-${i}`);

  beforeAll(async () => {
    stack = await startStack({ label: 'coupons', workers: 2, clockStart: '2026-06-01T08:00:00Z' });
    await stack.request('PUT', '/api/templates/coupon', {
      name: 'Coupon',
      subject: 'Your code {{coupon.code}}',
      html: '<p>Use {{coupon.code}} before {{coupon.expiresAt}}</p>',
    });
    for (const userId of [...users, 'late']) {
      await stack.track('/v1/identify', {
        userId,
        messageId: `id-${userId}`,
        traits: { email: `${userId}@example.com` },
      });
    }
  });

  afterAll(() => stack?.stop());

  it('should refuse to publish a journey whose coupon pool does not exist', async () => {
    const created = await stack.request('POST', '/api/journeys', couponJourney);
    const sut = await stack.request('POST', `/api/journeys/${created.body.id}/publish`);

    expect(sut.status).toBe(422);
    expect(sut.body.error.problems).toContainEqual(
      expect.objectContaining({ code: 'coupon-pool.unknown', nodeId: 'coupon' }),
    );
  });

  it('should give each customer their own code, never one twice, and stop with a reason when the pool is empty', async () => {
    const pool = await stack.request('POST', '/api/coupon-pools', {
      key: 'welcome',
      name: 'Welcome 10%',
      source: 'generated',
      prefix: 'HELLO',
      count: 8,
      validDays: 14,
      lowWarningAt: 3,
    });
    expect(pool.status).toBe(201);
    expect(pool.body.codes).toEqual({ added: 8, duplicates: 0 });
    const created = await stack.request('POST', '/api/journeys', couponJourney);
    expect((await stack.request('POST', `/api/journeys/${created.body.id}/publish`)).status).toBe(201);

    await stack.track('/v1/batch', {
      batch: [...users, 'late'].map((userId) => ({
        type: 'track',
        userId,
        event: 'Signed Up',
        messageId: `su-${userId}`,
      })),
    });
    await stack.advanceClock('PT1M');

    const codes = stack.mail.messages().map((mail) => mail.subject.replace('Your code ', ''));
    expect(codes).toHaveLength(8);
    expect(new Set(codes).size).toBe(8);
    expect(codes.every((code) => /^HELLO-[ACDEFGHJKMNPQRTUVWXY34679]{8}$/.test(code))).toBe(true);
    expect(stack.mail.messages()[0]?.html).toContain('2026-06-15');

    const stock = await stack.request('GET', '/api/coupon-pools');
    expect(stock.body.pools).toMatchObject([{ key: 'welcome', total: 8, remaining: 0, warning: 'empty' }]);
    const served = new Set(stack.mail.messages().flatMap((mail) => mail.to));
    const [unlucky, ...others] = [...users, 'late'].filter((userId) => !served.has(`${userId}@example.com`));
    expect(others).toEqual([]);
    const passage = (await stack.request('GET', `/api/customers/by-external-id/${unlucky}/timeline`)).body
      .enrollments[0];
    expect(passage).toMatchObject({ status: 'failed', nodeId: 'coupon', deliveries: [] });
    expect(passage.steps.at(-1)).toMatchObject({
      code: 'coupon.pool-empty',
      message: expect.stringContaining('no codes left'),
    });
  });

  it('should add imported codes once and warn while few are left', async () => {
    const sut = await stack.request('POST', '/api/coupon-pools/welcome/codes', { csv: 'code\nVIP-1\nVIP-2\nVIP-2\n' });
    expect(sut.body).toEqual({ added: 2, duplicates: 0 });
    expect((await stack.request('POST', '/api/coupon-pools/welcome/codes', { codes: ['VIP-1'] })).body).toEqual({
      added: 0,
      duplicates: 1,
    });
    const stock = await stack.request('GET', '/api/coupon-pools');
    expect(stock.body.pools).toMatchObject([{ key: 'welcome', total: 10, remaining: 2, warning: 'low' }]);
  });
});
