import { publishDocumentedJourney, shopper } from '../../support/shop-journeys';
import { startStack, type Stack } from '../../support/stack';

// docs/journeys/value-tiers.json: on Newsletter Opened, one email per value tier, `else` for anyone else. The tiers
// come from the orders: RFM quintiles of the shop's customers and the default tier rules (docs/insights.md).
const SUBJECT = {
  'most-valuable': (name: string) => `${name}, early access for you`,
  'most-growable': (name: string) => `${name}, complete your routine`,
  'below-zero': (name: string) => `${name}, our tips of the month`,
  else: (name: string) => `${name}, thanks for reading`,
};

describe('value tiers journey (docs/journeys/value-tiers.json)', () => {
  let stack: Stack;
  let shop: ReturnType<typeof shopper>;
  let counter = 0;
  /** Orders at `daysAgo` before 1 June 09:00, one /v1/batch. */
  const orders = async (userId: string, ...items: { daysAgo: number; total: number }[]) => {
    const response = await stack.track('/v1/batch', {
      batch: items.map((item) => {
        counter += 1;
        return {
          type: 'track',
          userId,
          event: 'Order Completed',
          messageId: `tier-order-${counter}`,
          timestamp: new Date(Date.parse('2026-06-01T09:00:00Z') - item.daysAgo * 86_400_000).toISOString(),
          properties: { total: item.total, products: [{ product_id: `p${counter}`, price: item.total, quantity: 1 }] },
        };
      }),
    });
    expect(response.status).toBe(200);
  };

  beforeAll(async () => {
    stack = await startStack({ label: 'shop_tiers', clockStart: '2026-06-01T09:00:00Z' });
    shop = shopper(stack);
    // The workers score a new workspace at once; let that run end before the shop's orders arrive.
    for (let tries = 0; !(await stack.request('GET', '/api/settings/value-tiers')).body.nextScoringAt; tries += 1) {
      if (tries > 100) throw new Error('the workers never scored the workspace');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await publishDocumentedJourney(stack, 'value-tiers');
    await shop.identify('val', { firstName: 'Val' });
    await shop.identify('gro', { firstName: 'Gro' });
    // What serving Bel costs (returns, support) is more than she spent.
    await shop.identify('bel', { firstName: 'Bel', cost_to_serve: 80 });
    await shop.identify('ona', { firstName: 'Ona' });
    await shop.identify('nia', { firstName: 'Nia' });
    // Val: six orders of 100, the last 2 days ago. Gro: a first order yesterday. Bel: two small ones. Ona: one,
    // long ago. Nia: none.
    await orders('val', ...[2, 20, 40, 60, 80, 100].map((daysAgo) => ({ daysAgo, total: 100 })));
    await orders('gro', { daysAgo: 1, total: 20 });
    await orders('bel', { daysAgo: 10, total: 15 }, { daysAgo: 40, total: 15 });
    await orders('ona', { daysAgo: 200, total: 200 });
    expect((await stack.request('POST', '/api/insights/score')).status).toBe(200);
  });

  afterAll(() => stack?.stop());

  it.each([
    { userId: 'val', firstName: 'Val', tier: 'most-valuable', branch: 'most-valuable', scored: 'most-valuable' },
    { userId: 'gro', firstName: 'Gro', tier: 'most-growable', branch: 'most-growable', scored: 'most-growable' },
    { userId: 'bel', firstName: 'Bel', tier: 'below-zero', branch: 'below-zero', scored: 'below-zero' },
    { userId: 'ona', firstName: 'Ona', tier: 'other', branch: 'else', scored: 'other' },
    { userId: 'nia', firstName: 'Nia', tier: undefined, branch: 'else', scored: 'without a tier (no orders)' },
  ] as const)(
    'should send only the $branch email when the orders score the customer $scored',
    async ({ userId, firstName, tier, branch }) => {
      const profile = await stack.request('GET', `/api/customers/by-external-id/${userId}`);
      expect(profile.body.attributes.value_tier).toBe(tier);

      expect((await shop.track(userId, 'Newsletter Opened', { issue: '2026-23' })).enrolled).toBe(1);
      await stack.advanceClock('PT1M');

      expect(shop.subjectsTo(userId)).toEqual([SUBJECT[branch](firstName)]);
      const [passage] = (await shop.timeline(userId)).enrollments;
      expect(passage?.status).toBe('completed');
      const split = passage?.steps.find((step) => step.nodeId === 'by-tier');
      expect(split?.code).toBe(branch === 'else' ? 'split.no-branch-matched' : 'split.branch-matched');
      expect(passage?.deliveries).toHaveLength(1);
    },
  );

  it('should follow the tier the customer has when they open the next newsletter', async () => {
    await shop.identify('tom', { firstName: 'Tom', value_tier: 'most-growable' });
    await shop.track('tom', 'Newsletter Opened', { issue: '2026-23' });
    await stack.advanceClock('P7D');
    // A tier the shop sets itself is followed too (Tom has no orders, so scoring leaves it alone).
    await shop.identify('tom', { value_tier: 'most-valuable' });
    await shop.track('tom', 'Newsletter Opened', { issue: '2026-24' });
    await stack.advanceClock('PT1M');

    expect(shop.subjectsTo('tom')).toEqual([SUBJECT['most-growable']('Tom'), SUBJECT['most-valuable']('Tom')]);
  });

  it('should send nothing for other events', async () => {
    await shop.identify('ivy', { firstName: 'Ivy', value_tier: 'most-valuable' });

    expect((await shop.track('ivy', 'Newsletter Clicked', { issue: '2026-23' })).enrolled).toBe(0);
    await stack.advanceClock('PT1M');

    expect(shop.subjectsTo('ivy')).toEqual([]);
  });
});
