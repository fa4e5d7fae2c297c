import { verifyWebhook, WebhookReceiver } from '@rapport/channels';
import { minuteBefore, nth, publishDocumentedJourney, setClock, shopper } from '../../support/shop-journeys';
import { startStack, type Stack } from '../../support/stack';

// docs/journeys/win-back.json: churn_risk_at reached (10:00 local) -> offer -> up to 14 days for an order; silence
// calls the team's webhook (topic `win-back.alert`), here a local receiver. churn_risk_at comes from the orders
// alone: the last order + twice the customer's usual interval.
const OFFER = (name: string) => `${name}, we miss you`;

describe('win-back journey (docs/journeys/win-back.json)', () => {
  let stack: Stack;
  let shop: ReturnType<typeof shopper>;
  const team = new WebhookReceiver();
  let counter = 0;
  /** Past orders as the shop's backend reports them: one /v1/batch, each at the time it happened. */
  const ordersAt = async (userId: string, ...times: string[]) => {
    const response = await stack.track('/v1/batch', {
      batch: times.map((timestamp) => {
        counter += 1;
        return {
          type: 'track',
          userId,
          event: 'Order Completed',
          messageId: `past-order-${userId}-${counter}`,
          timestamp,
          properties: {
            order_id: `o-${counter}`,
            total: 40,
            products: [{ product_id: 'serum', price: 40, quantity: 1 }],
          },
        };
      }),
    });
    expect(response.status).toBe(200);
  };
  const churnRiskOf = async (userId: string) =>
    (await stack.request('GET', `/api/customers/by-external-id/${userId}`)).body.attributes.churn_risk_at;

  beforeAll(async () => {
    const { url } = await team.start();
    // Monday 1 June 2026, 09:00 UTC.
    stack = await startStack({ label: 'shop_winback', clockStart: '2026-06-01T09:00:00Z' });
    shop = shopper(stack);
    // The receiver listens on loopback: the workspace must allow private addresses.
    expect((await stack.request('PUT', '/api/settings/delivery-rules', { allowPrivateWebhooks: true })).status).toBe(
      200,
    );
    await publishDocumentedJourney(stack, 'win-back', { webhookUrl: `${url}/team/win-back` });
    await shop.identify('wes', { firstName: 'Wes', timezone: 'Europe/London' });
    await shop.identify('xia', { firstName: 'Xia', timezone: 'Asia/Tokyo' });
    // Orders 4.5 days apart, the last on 1 June: at risk from 1 June + 9 days.
    await ordersAt('wes', '2026-05-27T12:00:00Z', '2026-06-01T00:00:00Z');
    await ordersAt('xia', '2026-06-01T00:00:00Z', '2026-05-27T12:00:00Z');
  });

  it('should compute churn_risk_at from the orders, whatever order they arrive in', async () => {
    expect(await churnRiskOf('wes')).toBe('2026-06-10T00:00:00.000Z');
    expect(await churnRiskOf('xia')).toBe('2026-06-10T00:00:00.000Z');
  });

  afterAll(async () => {
    await stack?.stop();
    await team.stop();
  });

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

  it('should alert the team once, with a signed webhook naming the customer, after 14 silent days, not before', async () => {
    await setClock(stack, minuteBefore('2026-06-24T09:00:00Z'));
    expect((await shop.timeline('wes')).enrollments[0]).toMatchObject({ status: 'waiting', nodeId: 'wait-for-order' });
    expect(team.requests()).toEqual([]);
    await setClock(stack, '2026-06-24T09:00:00Z');

    const [passage] = (await shop.timeline('wes')).enrollments;
    expect(passage).toMatchObject({ status: 'completed', nodeId: 'alerted' });
    // The send is recorded when it happens, after the passage has moved on to its exit.
    const codes = passage?.steps.map((step) => step.code) ?? [];
    expect(codes.slice(codes.indexOf('wait.event-timeout'))).toEqual([
      'wait.event-timeout',
      'webhook.requested',
      ...(codes.at(-1) === 'webhook.sent' ? ['exit.reached', 'webhook.sent'] : ['webhook.sent', 'exit.reached']),
    ]);
    expect(passage?.deliveries).toMatchObject([
      { nodeId: 'win-back-offer', channel: 'email', status: 'sent' },
      { nodeId: 'team-alert', channel: 'webhook', status: 'sent' },
    ]);
    expect(team.requests()).toHaveLength(1);
    const alert = nth(team.requests(), 0);
    expect(alert.path).toBe('/team/win-back');
    expect(alert.body).toMatchObject({
      type: 'win-back.alert',
      data: { nodeId: 'team-alert', customer: { externalId: 'wes', email: shop.emailOf('wes') } },
    });
    const secret = (await stack.request('GET', '/api/settings/webhook-secret')).body.secret;
    const signed = { headers: alert.headers, body: alert.rawBody, secrets: [secret] };
    expect(verifyWebhook({ ...signed, now: new Date('2026-06-24T09:00:30Z') })).toEqual({ ok: true });
    // One offer each, and nothing else sent to the customers.
    expect(shop.subjectsTo('wes')).toEqual([OFFER('Wes')]);
    expect(shop.subjectsTo('xia')).toEqual([OFFER('Xia')]);
  });

  it('should send the offer at once when the orders that arrive put churn_risk_at in the past', async () => {
    await shop.identify('yan', { firstName: 'Yan', timezone: 'UTC' });
    // Ten days apart in April: at risk since 1 May.
    await ordersAt('yan', '2026-04-01T10:00:00Z', '2026-04-11T10:00:00Z');
    await stack.advanceClock('PT1M');

    expect(await churnRiskOf('yan')).toBe('2026-05-01T10:00:00.000Z');
    expect(shop.subjectsTo('yan')).toEqual([OFFER('Yan')]);
    // Xia ordered, Yan is still within her 14 days: Wes's alert is still the only one.
    expect(team.requests()).toHaveLength(1);
  });

  it('should win back again when her new order moves the churn-risk date and that date comes', async () => {
    // Orders on 27 May 12:00, 1 June 00:00 and 15 June 08:00: usually 9 days 10 hours apart, so at risk from
    // 15 June 08:00 + 18 days 20 hours.
    expect(await churnRiskOf('xia')).toBe('2026-07-04T04:00:00.000Z');

    await setClock(stack, minuteBefore('2026-07-04T01:00:00Z'));
    expect(shop.subjectsTo('xia')).toEqual([OFFER('Xia')]);
    await setClock(stack, '2026-07-04T01:00:00Z');

    expect(shop.subjectsTo('xia')).toEqual([OFFER('Xia'), OFFER('Xia')]);
    expect((await shop.timeline('xia')).enrollments).toHaveLength(2);
    // Yan stayed silent from 24 June: one alert each for Wes and Yan, none for Xia who ordered.
    await setClock(stack, '2026-07-09T00:00:00Z');
    const alerted = team.requests().map((request) => request.body as { data: { customer: { externalId: string } } });
    expect(alerted.map((body) => body.data.customer.externalId)).toEqual(['wes', 'yan']);
  });
});
