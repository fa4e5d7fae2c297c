import { publishDocumentedJourney, shopper } from '../../support/shop-journeys';
import { startStack, type Stack } from '../../support/stack';

// docs/journeys/value-tiers.json: on Newsletter Opened, one email per value tier, `else` for anyone else.
const SUBJECT = {
  'most-valuable': (name: string) => `${name}, early access for you`,
  'most-growable': (name: string) => `${name}, complete your routine`,
  'below-zero': (name: string) => `${name}, our tips of the month`,
  else: (name: string) => `${name}, thanks for reading`,
};

describe('value tiers journey (docs/journeys/value-tiers.json)', () => {
  let stack: Stack;
  let shop: ReturnType<typeof shopper>;

  beforeAll(async () => {
    stack = await startStack({ label: 'shop_tiers', clockStart: '2026-06-01T09:00:00Z' });
    shop = shopper(stack);
    await publishDocumentedJourney(stack, 'value-tiers');
  });

  afterAll(() => stack?.stop());

  it.each([
    { userId: 'val', firstName: 'Val', tier: 'most-valuable', branch: 'most-valuable' },
    { userId: 'gro', firstName: 'Gro', tier: 'most-growable', branch: 'most-growable' },
    { userId: 'bel', firstName: 'Bel', tier: 'below-zero', branch: 'below-zero' },
    { userId: 'ona', firstName: 'Ona', tier: 'occasional', branch: 'else' },
    { userId: 'nia', firstName: 'Nia', tier: undefined, branch: 'else' },
  ] as const)(
    'should send only the $branch email when the value tier is $tier',
    async ({ userId, firstName, tier, branch }) => {
      await shop.identify(userId, tier === undefined ? { firstName } : { firstName, value_tier: tier });

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
    // Rescored by the RFM job (a later issue; identify stands in for it).
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
