import { seededRandom } from '@rapport/journey';
import { nth, publishDocumentedJourney, shopper, type Enrollment } from '../../support/shop-journeys';
import { startStack, type Stack } from '../../support/stack';

// docs/journeys/holdout.json: on Sample Received, 10% control (nothing sent), 90% asked how the sample was;
// goal Order Completed within 30 days, measured for both groups.
const CUSTOMERS = 200;
const userIds = Array.from({ length: CUSTOMERS }, (_, i) => `s${String(i).padStart(3, '0')}`);

type Report = {
  entered: number;
  converted: number;
  groups: Record<string, { entered: number; converted: number; conversionRate: number | null }>;
  currentByNode: Record<string, number>;
};

describe('holdout journey (docs/journeys/holdout.json)', () => {
  let stack: Stack;
  let shop: ReturnType<typeof shopper>;
  let journeyId: string;
  const passages = new Map<string, Enrollment>();
  const passageOf = (userId: string): Enrollment => {
    const passage = passages.get(userId);
    if (!passage) throw new Error(`${userId} has no passage`);
    return passage;
  };
  const groupOf = (userId: string) =>
    passages.get(userId)?.steps.find((step) => step.code === 'holdout.assigned')?.params['group'];
  const inGroup = (group: string) => userIds.filter((userId) => groupOf(userId) === group);
  const report = async (): Promise<Report> => (await stack.request('GET', `/api/journeys/${journeyId}/report`)).body;

  beforeAll(async () => {
    stack = await startStack({ label: 'shop_holdout', clockStart: '2026-06-01T09:00:00Z' });
    shop = shopper(stack);
    journeyId = await publishDocumentedJourney(stack, 'holdout');

    const received = await stack.track('/v1/batch', {
      batch: userIds.flatMap((userId) => [
        {
          type: 'identify',
          userId,
          messageId: `id-${userId}`,
          traits: { email: shop.emailOf(userId), firstName: userId },
        },
        {
          type: 'track',
          userId,
          messageId: `sample-${userId}`,
          event: 'Sample Received',
          properties: { sku: 'SERUM-5ML' },
        },
      ]),
    });
    expect(received.body).toMatchObject({ stored: 2 * CUSTOMERS, enrolled: CUSTOMERS });
    await stack.advanceClock('PT5M');
    for (let i = 0; i < userIds.length; i += 20) {
      const batch = userIds.slice(i, i + 20);
      const timelines = await Promise.all(batch.map((userId) => shop.timeline(userId)));
      batch.forEach((userId, j) => passages.set(userId, nth(nth(timelines, j).enrollments, 0)));
    }
  });

  afterAll(() => stack?.stop());

  it('should hold back about 10% as control, who receive nothing, and ask everyone else once', async () => {
    const control = inGroup('control');
    const treatment = inGroup('treatment');
    expect(control.length + treatment.length).toBe(CUSTOMERS);
    // Binomial(200, 0.1): mean 20, standard deviation 4.2; this range is 4 deviations wide on each side.
    expect(control.length).toBeGreaterThanOrEqual(3);
    expect(control.length).toBeLessThanOrEqual(37);

    for (const userId of control) expect(shop.mailsTo(userId)).toEqual([]);
    for (const userId of treatment) expect(shop.subjectsTo(userId)).toEqual([`${userId}, how was your sample?`]);
    expect(stack.mail.messages()).toHaveLength(treatment.length);
    for (const userId of control) {
      expect(passages.get(userId)).toMatchObject({ status: 'completed', nodeId: 'control-exit', deliveries: [] });
    }
  });

  it('should report the same group sizes as the customer timelines', async () => {
    const figures = await report();

    expect(figures.entered).toBe(CUSTOMERS);
    expect(figures.groups['control']?.entered).toBe(inGroup('control').length);
    expect(figures.groups['treatment']?.entered).toBe(inGroup('treatment').length);
    expect(figures.groups['all']).toBeUndefined();
    expect(figures.currentByNode).toEqual({});
  });

  it('should take the path its seeded draw gives, so a replay of the enrollment lands in the same group', async () => {
    // The engine seeds each activation with `${enrollment id}:${seq}`; entry runs the holdout in the first one.
    for (const userId of userIds) {
      const passage = passageOf(userId);
      const assigned = nth(
        passage.steps.filter((step) => step.code === 'holdout.assigned'),
        0,
      );
      const draw = seededRandom(`${passage.id}:0`)();
      expect(assigned.params['draw']).toBe(Math.floor(draw * 10_000) / 100);
      expect(assigned.params['group']).toBe(draw * 100 < 10 ? 'control' : 'treatment');
    }
    // The same Sample Received again (a client retry) is acknowledged, not replayed into a new passage.
    const first = nth(userIds, 0);
    const again = await stack.track('/v1/track', {
      userId: first,
      messageId: `sample-${first}`,
      event: 'Sample Received',
      properties: { sku: 'SERUM-5ML' },
    });
    expect(again.body).toMatchObject({ duplicates: 1, enrolled: 0 });
    // A second sample does not re-draw either: each customer enters once and keeps their group.
    expect((await shop.track(first, 'Sample Received', { sku: 'CREAM-5ML' })).enrolled).toBe(0);
    await stack.advanceClock('PT1M');
    expect((await shop.timeline(first)).enrollments).toHaveLength(1);
  });

  it('should count conversions in both groups when customers order within 30 days, and not after', async () => {
    const control = inGroup('control');
    const treatment = inGroup('treatment');
    const controlBuyers = control.slice(0, 2);
    const treatmentBuyers = treatment.slice(0, 9);
    await stack.advanceClock('P3D');
    for (const userId of [...controlBuyers, ...treatmentBuyers]) {
      await shop.track(userId, 'Order Completed', { total: 42 });
    }
    // Ordering twice converts once.
    await shop.track(nth(treatmentBuyers, 0), 'Order Completed', { total: 10 });
    // Day 31: outside the window.
    await stack.advanceClock('P28D');
    await shop.track(nth(control, 2), 'Order Completed', { total: 42 });
    await shop.track(nth(treatment, 9), 'Order Completed', { total: 42 });
    await stack.advanceClock('PT1M');

    const figures = await report();
    expect(figures.groups['control']).toEqual({
      entered: control.length,
      converted: 2,
      conversionRate: Math.round((2 / control.length) * 10_000) / 10_000,
    });
    expect(figures.groups['treatment']).toEqual({
      entered: treatment.length,
      converted: 9,
      conversionRate: Math.round((9 / treatment.length) * 10_000) / 10_000,
    });
    expect(figures.converted).toBe(11);
    // Measuring is not leaving: nobody got extra mail because of the goal.
    expect(stack.mail.messages()).toHaveLength(treatment.length);
  });
});
