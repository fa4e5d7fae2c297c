import { publishDocumentedJourney, shopper } from '../../support/shop-journeys';
import { startStack, type Stack } from '../../support/stack';

// docs/journeys/loyalty-threshold.json: loyalty_points crossing 1000 upward gives a reward code (pool
// `loyalty-reward`), congratulates with it and sets tier = gold (VIPs keep theirs), once per crossing.
const CONGRATS = (name: string) => `${name}, you reached 1000 points`;

describe('loyalty threshold journey (docs/journeys/loyalty-threshold.json)', () => {
  let stack: Stack;
  let shop: ReturnType<typeof shopper>;

  beforeAll(async () => {
    stack = await startStack({ label: 'shop_loyalty', clockStart: '2026-06-01T09:00:00Z' });
    shop = shopper(stack);
    await publishDocumentedJourney(stack, 'loyalty-threshold');
  });

  afterAll(() => stack?.stop());

  const profileOf = async (userId: string) => {
    const response = await stack.request('GET', `/api/customers/by-external-id/${userId}`);
    expect(response.status).toBe(200);
    return response.body.attributes as Record<string, unknown>;
  };

  it('should congratulate once when points cross 1000, and not while they stay above', async () => {
    await shop.identify('pia', { firstName: 'Pia', loyalty_points: 400 });
    await shop.identify('pia', { loyalty_points: 900 });
    await stack.advanceClock('PT1M');
    expect(shop.subjectsTo('pia')).toEqual([]);

    await shop.identify('pia', { loyalty_points: 1100 });
    await stack.advanceClock('PT1M');
    expect(shop.subjectsTo('pia')).toEqual([CONGRATS('Pia')]);
    expect(shop.mailsTo('pia')[0]?.text).toContain('You now have 1100 loyalty points');
    const [reward] = await shop.couponsOf('pia');
    expect(reward).toMatchObject({
      pool: 'loyalty-reward',
      nodeId: 'reward-coupon',
      code: expect.stringMatching(/^GOLD-/),
    });
    expect(reward?.expiresAt?.toISOString()).toBe(new Date(Number(reward?.issuedAt) + 30 * 86_400_000).toISOString());
    expect(shop.mailsTo('pia')[0]?.text).toContain(
      `20% off your next order with the code ${reward?.code}, valid until`,
    );
    expect(await profileOf('pia')).toMatchObject({ tier: 'gold', loyalty_points: 1100 });

    await shop.identify('pia', { loyalty_points: 1250 });
    await shop.identify('pia', { loyalty_points: 3000 });
    await stack.advanceClock('P1D');
    expect(shop.subjectsTo('pia')).toEqual([CONGRATS('Pia')]);

    const { enrollments } = await shop.timeline('pia');
    expect(enrollments).toHaveLength(1);
    expect(enrollments[0]?.steps[0]).toMatchObject({ code: 'enrollment.entered' });
    expect(enrollments[0]?.steps.find((step) => step.code === 'trigger.threshold-crossed')?.params).toMatchObject({
      attribute: 'loyalty_points',
      threshold: 1000,
      after: 1100,
    });
  });

  it('should congratulate again when points drop below 1000 and cross it again', async () => {
    await shop.identify('quin', { firstName: 'Quin', loyalty_points: 950 });
    await shop.identify('quin', { loyalty_points: 1000 });
    await stack.advanceClock('PT1M');
    expect(shop.subjectsTo('quin')).toEqual([CONGRATS('Quin')]);

    // Points spent on a reward: below the threshold, then earned back.
    await shop.identify('quin', { loyalty_points: 200 });
    await stack.advanceClock('P30D');
    expect(shop.subjectsTo('quin')).toHaveLength(1);
    await shop.identify('quin', { loyalty_points: 1020 });
    await stack.advanceClock('PT1M');

    expect(shop.subjectsTo('quin')).toEqual([CONGRATS('Quin'), CONGRATS('Quin')]);
    // A new reward each crossing, never the same code.
    const rewards = (await shop.couponsOf('quin')).map((coupon) => coupon.code);
    expect(rewards).toHaveLength(2);
    expect(new Set(rewards).size).toBe(2);
    expect(shop.mailsTo('quin')[1]?.text).toContain(rewards[1]);
    expect((await shop.timeline('quin')).enrollments.map((passage) => passage.status)).toEqual([
      'completed',
      'completed',
    ]);
  });

  it('should reward a VIP but keep their tier', async () => {
    await shop.identify('val', { firstName: 'Val', tier: 'vip', loyalty_points: 990 });
    await shop.identify('val', { loyalty_points: 1010 });
    await stack.advanceClock('PT1M');

    expect(shop.subjectsTo('val')).toEqual([CONGRATS('Val')]);
    expect(await shop.couponsOf('val')).toHaveLength(1);
    expect(await profileOf('val')).toMatchObject({ tier: 'vip' });
    expect((await shop.timeline('val')).enrollments[0]).toMatchObject({ status: 'completed', nodeId: 'keep-vip' });
  });

  it('should leave customers alone whose points change without crossing 1000', async () => {
    await shop.identify('rui', { firstName: 'Rui', loyalty_points: 10 });
    await shop.identify('rui', { loyalty_points: 999 });
    await shop.identify('rui', { loyalty_points: 998 });
    // Text is not a number: a bad import cannot congratulate anyone.
    await shop.identify('rui', { loyalty_points: '1500' });
    await stack.advanceClock('PT1M');

    expect(shop.subjectsTo('rui')).toEqual([]);
    expect((await shop.timeline('rui')).enrollments).toEqual([]);
    expect(await profileOf('rui')).not.toHaveProperty('tier');
  });
});
