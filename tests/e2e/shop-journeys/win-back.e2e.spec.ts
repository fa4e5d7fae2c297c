import { minuteBefore, publishDocumentedJourney, setClock, shopper } from '../../support/shop-journeys';
import { startStack, type Stack } from '../../support/stack';

// docs/journeys/win-back.json: churn_risk_at reached (10:00 local) -> offer -> up to 14 days for an order; silence
// ends at the `team-alert` exit (the outgoing webhook comes with the channels issue).
const OFFER = (name: string) => `${name}, we miss you`;

describe('win-back journey (docs/journeys/win-back.json)', () => {
  let stack: Stack;
  let shop: ReturnType<typeof shopper>;

  beforeAll(async () => {
    // Monday 1 June 2026, 09:00 UTC.
    stack = await startStack({ label: 'shop_winback', clockStart: '2026-06-01T09:00:00Z' });
    shop = shopper(stack);
    await publishDocumentedJourney(stack, 'win-back');
    // churn_risk_at is computed in a later issue; here the shop sets it.
    await shop.identify('wes', { firstName: 'Wes', timezone: 'Europe/London', churn_risk_at: '2026-06-10' });
    await shop.identify('xia', { firstName: 'Xia', timezone: 'Asia/Tokyo', churn_risk_at: '2026-06-10' });
  });

  afterAll(() => stack?.stop());

  it('should send the offer at 10:00 local on the churn-risk date', async () => {
    // 10:00 in Tokyo (UTC+9), then 10:00 in London (UTC+1).
    await setClock(stack, minuteBefore('2026-06-10T01:00:00Z'));
    expect(shop.subjectsTo('xia')).toEqual([]);
    await setClock(stack, '2026-06-10T01:00:00Z');
    expect(shop.subjectsTo('xia')).toEqual([OFFER('Xia')]);

    await setClock(stack, minuteBefore('2026-06-10T09:00:00Z'));
    expect(shop.subjectsTo('wes')).toEqual([]);
    await setClock(stack, '2026-06-10T09:00:00Z');
    expect(shop.subjectsTo('wes')).toEqual([OFFER('Wes')]);
  });

  it('should end early, without the alert, when the customer orders within 14 days', async () => {
    await setClock(stack, '2026-06-15T08:00:00Z');
    await shop.track('xia', 'Order Completed', { total: 54 });
    await stack.advanceClock('PT1M');

    const [passage] = (await shop.timeline('xia')).enrollments;
    expect(passage).toMatchObject({ status: 'completed', nodeId: 'won-back' });
    expect(passage?.steps.map((step) => step.code)).toContain('wait.event-received');
  });

  it('should reach the team alert after 14 silent days, not before', async () => {
    await setClock(stack, minuteBefore('2026-06-24T09:00:00Z'));
    expect((await shop.timeline('wes')).enrollments[0]).toMatchObject({ status: 'waiting', nodeId: 'wait-for-order' });
    await setClock(stack, '2026-06-24T09:00:00Z');

    const [passage] = (await shop.timeline('wes')).enrollments;
    expect(passage).toMatchObject({ status: 'completed', nodeId: 'team-alert' });
    expect(passage?.steps.slice(-2).map((step) => step.code)).toEqual(['wait.event-timeout', 'exit.reached']);
    // One offer each, and nothing else sent to the customers.
    expect(shop.subjectsTo('wes')).toEqual([OFFER('Wes')]);
    expect(shop.subjectsTo('xia')).toEqual([OFFER('Xia')]);
  });

  it('should send the offer at once when churn_risk_at is set to a date already past', async () => {
    await shop.identify('yan', { firstName: 'Yan', timezone: 'UTC', churn_risk_at: '2026-05-01' });
    await stack.advanceClock('PT1M');

    expect(shop.subjectsTo('yan')).toEqual([OFFER('Yan')]);
  });

  it('should win back again when a later churn-risk date comes after the last passage ended', async () => {
    await shop.identify('xia', { churn_risk_at: '2026-09-01' });

    await setClock(stack, '2026-09-01T01:00:00Z');

    expect(shop.subjectsTo('xia')).toEqual([OFFER('Xia'), OFFER('Xia')]);
    expect((await shop.timeline('xia')).enrollments).toHaveLength(2);
  });
});
