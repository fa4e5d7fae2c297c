import { minuteBefore, nth, publishDocumentedJourney, setClock, shopper } from '../../support/shop-journeys';
import { startStack, type Stack } from '../../support/stack';

// docs/journeys/refill-reminder.json: order date + refill_days - 3 days at 10:00 local, a discount code (pool
// `refill-discount`) and the reminder, unless the same product was ordered again meanwhile (goal: leave the journey).
const SERUM = { id: 'serum-30', name: 'Night serum', category: 'skincare', price: 39, quantity: 1, refill_days: 30 };
const CLEANSER = {
  id: 'cleanser',
  name: 'Gentle cleanser',
  category: 'skincare',
  price: 19,
  quantity: 1,
  refill_days: 60,
};
const LIPSTICK = { id: 'lip-red', name: 'Red lipstick', category: 'lipstick', price: 25, quantity: 1 };
const REMINDER = (name: string) => `${name}, time to restock?`;

describe('refill reminder journey (docs/journeys/refill-reminder.json)', () => {
  let stack: Stack;
  let shop: ReturnType<typeof shopper>;
  const order = (userId: string, products: object[]) =>
    shop.track(userId, 'Order Completed', { order_id: `${userId}-${products.length}`, products });

  beforeAll(async () => {
    // Monday 1 June 2026, 09:00 UTC: 11:00 in Paris (UTC+2), 05:00 in New York (UTC-4).
    stack = await startStack({ label: 'shop_refill', clockStart: '2026-06-01T09:00:00Z' });
    shop = shopper(stack);
    await publishDocumentedJourney(stack, 'refill-reminder');
    await shop.identify('rita', { firstName: 'Rita', timezone: 'Europe/Paris' });
    await shop.identify('sam', { firstName: 'Sam', timezone: 'America/New_York' });
    expect((await order('rita', [SERUM, LIPSTICK])).enrolled).toBe(1);
    expect((await order('sam', [SERUM])).enrolled).toBe(1);
  });

  afterAll(() => stack?.stop());

  it('should not start a passage for an order without a refillable product', async () => {
    await shop.identify('lea', { firstName: 'Lea' });

    expect((await order('lea', [LIPSTICK])).enrolled).toBe(0);
  });

  it('should keep waiting when a different product is ordered meanwhile', async () => {
    await setClock(stack, '2026-06-11T09:00:00Z');
    // The lipstick came with the serum but does not run out; the cleanser starts its own refill passage.
    expect((await order('rita', [LIPSTICK])).enrolled).toBe(0);
    expect((await order('rita', [CLEANSER])).enrolled).toBe(1);
    await stack.advanceClock('PT1M');

    const serumPassage = nth((await shop.timeline('rita')).enrollments, -1);
    expect(serumPassage).toMatchObject({ status: 'waiting', nodeId: 'until-running-out' });
    // 1 June + 30 - 3 days = 28 June, 10:00 in Paris.
    expect(new Date(String(serumPassage.wakeAt)).toISOString()).toBe('2026-06-28T08:00:00.000Z');
  });

  // "The same product" means one of the lines the trigger matched (the refillable ones), not every line of the
  // first order: a new refillable product bought with a repeat of the lipstick is not a re-order.
  it('should keep waiting when a new refillable product comes with a repeat of a non-refillable one', async () => {
    await shop.identify('vic', { firstName: 'Vic', timezone: 'Europe/Paris' });
    await order('vic', [SERUM, LIPSTICK]);
    await stack.advanceClock('P1D');

    await order('vic', [CLEANSER, LIPSTICK]);
    await stack.advanceClock('PT1M');

    expect((await shop.timeline('vic')).enrollments.at(-1)).toMatchObject({ status: 'waiting' });
  });

  it('should leave the journey, goal reached, when the same product is ordered again before the reminder', async () => {
    await setClock(stack, '2026-06-21T09:00:00Z');

    // A new refill cycle starts from the new order.
    expect((await order('sam', [{ ...SERUM, quantity: 2 }])).enrolled).toBe(1);
    await stack.advanceClock('PT1M');

    const [renewed, first] = (await shop.timeline('sam')).enrollments;
    expect(first).toMatchObject({ status: 'exited' });
    expect(first?.steps.at(-1)).toMatchObject({
      code: 'enrollment.goal-reached',
      message: 'Reached the goal, so left the journey.',
    });
    expect(renewed).toMatchObject({ status: 'waiting', nodeId: 'until-running-out' });
  });

  it('should remind at order date + refill_days - 3 days, 10:00 local, naming only the refillable products', async () => {
    await setClock(stack, minuteBefore('2026-06-28T08:00:00Z'));
    expect(shop.subjectsTo('rita')).toEqual([]);
    await setClock(stack, '2026-06-28T08:00:00Z');

    expect(shop.subjectsTo('rita')).toEqual([REMINDER('Rita')]);
    const [mail] = shop.mailsTo('rita');
    expect(mail?.html).toContain('Night serum');
    expect(mail?.html).not.toContain('Red lipstick');
    // The code is taken when the reminder is due: 10 days to use it.
    const [coupon, ...others] = await shop.couponsOf('rita');
    expect(others).toEqual([]);
    expect(coupon).toMatchObject({
      pool: 'refill-discount',
      nodeId: 'refill-coupon',
      code: expect.stringMatching(/^REFILL-/),
    });
    expect(coupon?.issuedAt.toISOString()).toBe('2026-06-28T08:00:00.000Z');
    expect(coupon?.expiresAt?.toISOString()).toBe('2026-07-08T08:00:00.000Z');
    expect(mail?.text).toContain(`10% off your refill with the code ${coupon?.code}, valid until July 8, 2026.`);
    // Sam re-ordered: no reminder for his first order at 10:00 New York time.
    await setClock(stack, '2026-06-28T14:00:00Z');
    expect(shop.subjectsTo('sam')).toEqual([]);
  });

  it('should remind for the re-order on its own schedule', async () => {
    // 21 June + 30 - 3 days = 18 July, 10:00 in New York (UTC-4).
    await setClock(stack, minuteBefore('2026-07-18T14:00:00Z'));
    expect(shop.subjectsTo('sam')).toEqual([]);
    await setClock(stack, '2026-07-18T14:00:00Z');

    expect(shop.subjectsTo('sam')).toEqual([REMINDER('Sam')]);
    expect(shop.subjectsTo('rita')).toEqual([REMINDER('Rita')]);
    // The passage that reached its goal took no code; the re-order's reminder has its own.
    const codes = await shop.couponsOf('sam');
    expect(codes).toHaveLength(1);
    expect(shop.mailsTo('sam')[0]?.html).toContain(codes[0]?.code);
    expect(codes[0]?.code).not.toBe((await shop.couponsOf('rita'))[0]?.code);
  });

  it('should leave quietly when the reminder moment has already passed', async () => {
    await shop.identify('uma', { firstName: 'Uma', timezone: 'UTC' });

    // Saturday 18 July 2026, 14:00 UTC: refill in 3 days means "today at 10:00", already gone.
    expect((await order('uma', [{ ...SERUM, id: 'mini', refill_days: 3 }])).enrolled).toBe(1);
    await stack.advanceClock('P7D');

    expect(shop.subjectsTo('uma')).toEqual([]);
    const [passage] = (await shop.timeline('uma')).enrollments;
    expect(passage).toMatchObject({ status: 'completed', nodeId: 'too-late' });
    expect(passage?.steps.find((step) => step.nodeId === 'until-running-out')?.code).toBe('wait.date-passed');
    expect(await shop.couponsOf('uma')).toEqual([]);
  });
});
