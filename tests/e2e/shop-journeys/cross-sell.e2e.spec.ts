import { FakeTwilio } from '@rapport/channels';
import { minuteBefore, publishDocumentedJourney, setClock, shopper } from '../../support/shop-journeys';
import { startStack, type Stack } from '../../support/stack';

// docs/journeys/cross-sell.json: first eyeshadow -> 2 days -> mascara email -> up to 7 days for an order -> nudge on
// the preferred channel (SMS or email).
const RECOMMEND = (name: string) => `${name}, the mascara for your new eyeshadow`;
const NUDGE = (name: string) => `${name}, still thinking about mascara?`;
const NUDGE_TEXT = (name: string) =>
  `SMS: ${name}, the volume mascara is still waiting for you, and shipping is on us this week.`;
const EYESHADOW = { id: 'eye-nude', name: 'Nude palette', category: 'eyeshadow', price: 32, quantity: 1 };
const MASCARA = { id: 'mascara-vol', name: 'Volume mascara', category: 'mascara', price: 21, quantity: 1 };
const LIPSTICK = { id: 'lip-red', name: 'Red lipstick', category: 'lipstick', price: 25, quantity: 1 };

describe('cross-sell journey (docs/journeys/cross-sell.json)', () => {
  let stack: Stack;
  let shop: ReturnType<typeof shopper>;
  const twilio = new FakeTwilio();
  const order = (userId: string, ...products: object[]) => shop.track(userId, 'Order Completed', { products });

  beforeAll(async () => {
    const { twilioUrl } = await twilio.start();
    // Monday 1 June 2026, 09:00 UTC (11:00 in Paris).
    stack = await startStack({
      label: 'shop_crosssell',
      clockStart: '2026-06-01T09:00:00Z',
      env: { SMS_URL: `${twilioUrl}?from=%2B15550001111` },
    });
    shop = shopper(stack, twilio);
    await publishDocumentedJourney(stack, 'cross-sell');
    const traits: Record<string, object> = {
      // Prefers texts and accepts them.
      gia: { phone: '+33611111111', sms_consent: true, preferred_channel: 'sms' },
      // Prefers texts but never agreed to them: email it is.
      ivo: { phone: '+33622222222', preferred_channel: 'sms' },
      // Accepts texts but prefers email.
      jo: { phone: '+33633333333', sms_consent: true, preferred_channel: 'email' },
    };
    for (const firstName of ['Eva', 'Fay', 'Hal', 'Gia', 'Ivo', 'Jo']) {
      const userId = firstName.toLowerCase();
      await shop.identify(userId, { firstName, timezone: 'Europe/Paris', ...traits[userId] });
      expect((await order(userId, EYESHADOW, LIPSTICK)).enrolled).toBe(1);
    }
    await shop.identify('ike', { firstName: 'Ike', timezone: 'Europe/Paris' });
  });

  afterAll(async () => {
    await stack?.stop();
    await twilio.stop();
  });

  it('should not enter on an order without eyeshadow', async () => {
    expect((await order('ike', LIPSTICK)).enrolled).toBe(0);
  });

  it('should leave without any email when mascara is bought before the recommendation (goal)', async () => {
    await setClock(stack, '2026-06-02T09:00:00Z');
    await order('hal', MASCARA);
    await stack.advanceClock('PT1M');

    const [passage] = (await shop.timeline('hal')).enrollments;
    expect(passage).toMatchObject({ status: 'exited', nodeId: 'wait-2-days' });
    expect(passage?.steps.at(-1)?.code).toBe('enrollment.goal-reached');
  });

  it('should recommend mascara 2 days after the first eyeshadow purchase', async () => {
    await setClock(stack, minuteBefore('2026-06-03T09:00:00Z'));
    expect([...shop.subjectsTo('eva'), ...shop.subjectsTo('fay')]).toEqual([]);
    await setClock(stack, '2026-06-03T09:00:00Z');

    expect(shop.subjectsTo('eva')).toEqual([RECOMMEND('Eva')]);
    expect(shop.subjectsTo('fay')).toEqual([RECOMMEND('Fay')]);
    expect(shop.subjectsTo('hal')).toEqual([]);
  });

  it('should send only the recommendation when the customer orders within the 7 days', async () => {
    // Day 4: any order counts, not only mascara.
    await setClock(stack, '2026-06-05T12:00:00Z');
    await order('fay', LIPSTICK);
    await stack.advanceClock('PT1M');

    const [passage] = (await shop.timeline('fay')).enrollments;
    expect(passage).toMatchObject({ status: 'completed', nodeId: 'ordered' });
    expect(passage?.steps.map((step) => step.code)).toContain('wait.event-received');
  });

  it('should nudge 7 days after the recommendation (day 9) when there was no order, and only then', async () => {
    await setClock(stack, minuteBefore('2026-06-10T09:00:00Z'));
    expect(shop.subjectsTo('eva')).toEqual([RECOMMEND('Eva')]);
    await setClock(stack, '2026-06-10T09:00:00Z');

    expect(shop.subjectsTo('eva')).toEqual([RECOMMEND('Eva'), NUDGE('Eva')]);
    expect(shop.subjectsTo('fay')).toEqual([RECOMMEND('Fay')]);
    expect((await shop.timeline('eva')).enrollments[0]).toMatchObject({ status: 'completed', nodeId: 'done' });
  });

  it('should text the nudge to those who prefer SMS and accept it, and email everyone else', async () => {
    expect(shop.receivedBy('gia')).toEqual([RECOMMEND('Gia'), NUDGE_TEXT('Gia')]);
    expect(shop.receivedBy('ivo')).toEqual([RECOMMEND('Ivo'), NUDGE('Ivo')]);
    expect(shop.receivedBy('jo')).toEqual([RECOMMEND('Jo'), NUDGE('Jo')]);
    expect(twilio.messages().map((message) => message.to)).toEqual(['+33611111111']);
    const [passage] = (await shop.timeline('gia')).enrollments;
    expect(passage).toMatchObject({ status: 'completed', nodeId: 'done' });
    expect(passage?.deliveries.map(({ nodeId, channel, status }) => ({ nodeId, channel, status }))).toEqual([
      { nodeId: 'recommend-mascara', channel: 'email', status: 'sent' },
      { nodeId: 'nudge', channel: 'sms', status: 'sent' },
    ]);
  });

  it('should not enter again on a second eyeshadow purchase', async () => {
    expect((await order('eva', EYESHADOW)).enrolled).toBe(0);
    expect((await order('fay', EYESHADOW, MASCARA)).enrolled).toBe(0);
    await stack.advanceClock('P10D');

    expect(shop.subjectsTo('eva')).toEqual([RECOMMEND('Eva'), NUDGE('Eva')]);
    expect(shop.subjectsTo('fay')).toEqual([RECOMMEND('Fay')]);
    expect((await shop.timeline('eva')).enrollments).toHaveLength(1);
  });
});
