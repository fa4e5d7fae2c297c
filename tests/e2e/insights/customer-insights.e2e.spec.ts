import { shopper, type Mail } from '../../support/shop-journeys';
import { startStack, type Stack } from '../../support/stack';

// Orders through the tracking API become computed attributes, recommendations in a real email, and value tiers
// that start a journey when they change.
const EYESHADOW = { product_id: 'eye-nude', name: 'Nude palette', category: 'eyeshadow', price: 32, quantity: 1 };
const MASCARA = { product_id: 'mascara-vol', name: 'Volume mascara', category: 'mascara', price: 21, quantity: 1 };
const PRIMER = { product_id: 'primer', name: 'Lid primer', category: 'eyeshadow', price: 14, quantity: 1 };

describe('customer insights through the stack', () => {
  let stack: Stack;
  let shop: ReturnType<typeof shopper>;
  let counter = 0;

  /** Orders as a shop's backend sends them: one /v1/batch, each with the time it happened. */
  const orders = async (...items: { userId: string; at: string; total: number; products: object[] }[]) => {
    const response = await stack.track('/v1/batch', {
      batch: items.map((item) => {
        counter += 1;
        return {
          type: 'track',
          userId: item.userId,
          event: 'Order Completed',
          messageId: `insights-order-${counter}`,
          timestamp: item.at,
          properties: { order_id: `o-${counter}`, total: item.total, currency: 'EUR', products: item.products },
        };
      }),
    });
    expect(response.status).toBe(200);
  };
  const customer = async (userId: string) => {
    const response = await stack.request('GET', `/api/customers/by-external-id/${userId}`);
    expect(response.status).toBe(200);
    return response.body as { id: string; attributes: Record<string, unknown> };
  };
  const publish = async (journey: object) => {
    const created = await stack.request('POST', '/api/journeys', journey);
    expect(created.status).toBe(201);
    expect((await stack.request('POST', `/api/journeys/${created.body.id}/publish`)).status).toBe(201);
  };

  beforeAll(async () => {
    stack = await startStack({ label: 'insights', clockStart: '2026-06-01T09:00:00Z' });
    shop = shopper(stack);
    // The workers score a new workspace at once; wait for that run so it cannot overlap the tests' own.
    for (let tries = 0; ; tries += 1) {
      const settings = await stack.request('GET', '/api/settings/value-tiers');
      if (settings.body.nextScoringAt) break;
      if (tries > 100) throw new Error('the workers never scored the workspace');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(
      (
        await stack.request('PUT', '/api/templates/you-may-like', {
          name: 'You may also like',
          subject: '{{firstName}}, picked for you',
          html: '<p>Also loved by customers like you:</p><ul>{{#each recommendations}}<li>{{name}} ({{category}}) {{price}}</li>{{/each}}</ul>',
          text: 'Also loved by customers like you:\n{{#each recommendations}}- {{name}} ({{category}}) {{price}}\n{{/each}}',
        })
      ).status,
    ).toBe(200);
  });

  afterAll(() => stack?.stop());

  it('should compute order counts, money, dates and churn risk from orders sent out of order', async () => {
    await orders(
      { userId: 'ada', at: '2026-05-21T10:00:00Z', total: 40, products: [MASCARA] },
      { userId: 'ada', at: '2026-05-01T10:00:00Z', total: 32.5, products: [EYESHADOW] },
    );

    expect((await customer('ada')).attributes).toMatchObject({
      orders_count: 2,
      total_spent: 72.5,
      first_order_at: '2026-05-01T10:00:00.000Z',
      last_order_at: '2026-05-21T10:00:00.000Z',
      average_order_interval_days: 20,
      churn_risk_at: '2026-06-30T10:00:00.000Z',
      products_bought: ['eye-nude', 'mascara-vol'],
    });
  });

  it('should put the products customers like them bought into the email a journey sends', async () => {
    await publish({
      name: 'You may also like',
      nodes: [
        {
          id: 'eyeshadow-order',
          kind: 'event-trigger',
          config: {
            event: 'Order Completed',
            where: [{ path: 'products.category', operator: 'contains', value: 'eyeshadow' }],
          },
        },
        {
          id: 'has-mascara-idea',
          kind: 'attribute-condition',
          config: { source: 'profile', path: 'recommended_categories', operator: 'contains', value: 'mascara' },
        },
        { id: 'recommend', kind: 'send-email', config: { template: 'you-may-like' } },
        { id: 'done', kind: 'exit', config: {} },
        { id: 'nothing-to-say', kind: 'exit', config: {} },
      ],
      edges: [
        { from: 'eyeshadow-order', output: 'next', to: 'has-mascara-idea' },
        { from: 'has-mascara-idea', output: 'yes', to: 'recommend' },
        { from: 'has-mascara-idea', output: 'no', to: 'nothing-to-say' },
        { from: 'recommend', output: 'next', to: 'done' },
      ],
      settings: { entry: { mode: 'any-time', maxConcurrent: null } },
    });
    // Two customers bought eyeshadow and mascara (Ada above, Bob now), one of them a primer too.
    await orders({ userId: 'bob', at: '2026-05-30T10:00:00Z', total: 67, products: [EYESHADOW, MASCARA, PRIMER] });
    await shop.identify('cyd', { firstName: 'Cyd' });

    await orders({ userId: 'cyd', at: '2026-06-01T09:00:00Z', total: 32, products: [EYESHADOW] });
    await stack.advanceClock('PT1M');

    const [mail] = shop.mailsTo('cyd') as Mail[];
    expect(mail?.subject).toBe('Cyd, picked for you');
    expect(mail?.text).toContain('- Volume mascara (mascara) 21\n- Lid primer (eyeshadow) 14');
    expect(mail?.html).toContain('<li>Volume mascara (mascara) 21</li><li>Lid primer (eyeshadow) 14</li>');
  });

  it('should validate value-tier rules, naming the wrong field, and keep the ones saved before', async () => {
    const bad = await stack.request('PUT', '/api/settings/value-tiers', {
      rules: [{ tier: 'most-valuable', frequency: { min: 9 } }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues).toEqual([
      { path: ['rules', 0, 'frequency', 'min'], message: 'give a whole score from 1 to 5' },
    ]);
    expect((await stack.request('GET', '/api/settings/value-tiers')).body.rules[1].tier).toBe('most-valuable');
  });

  it('should start a journey when scoring makes a customer most valuable', async () => {
    await publish({
      name: 'Welcome to our best customers',
      nodes: [
        {
          id: 'now-valuable',
          kind: 'attribute-change-trigger',
          config: { attribute: 'value_tier', to: 'most-valuable' },
        },
        { id: 'thanks', kind: 'send-email', config: { template: 'you-may-like' } },
        { id: 'done', kind: 'exit', config: {} },
      ],
      edges: [
        { from: 'now-valuable', output: 'next', to: 'thanks' },
        { from: 'thanks', output: 'next', to: 'done' },
      ],
      settings: { entry: { mode: 'any-time', maxConcurrent: null } },
    });
    const saved = await stack.request('PUT', '/api/settings/value-tiers', {
      rules: [{ tier: 'most-valuable', label: 'Our best', frequency: { min: 4 } }],
    });
    expect(saved.status).toBe(200);
    await shop.identify('dot', { firstName: 'Dot' });
    await orders(
      ...['2026-05-02', '2026-05-09', '2026-05-16', '2026-05-23', '2026-05-30'].map((day) => ({
        userId: 'dot',
        at: `${day}T12:00:00Z`,
        total: 90,
        products: [MASCARA],
      })),
    );

    const scored = await stack.request('POST', '/api/insights/score');
    expect(scored.status).toBe(200);
    await stack.advanceClock('PT1M');

    // Frequencies 1, 1, 2 and 5 put Dot above three of the four cut points.
    expect((await customer('dot')).attributes).toMatchObject({ value_tier: 'most-valuable', rfm_frequency: 4 });
    expect(shop.subjectsTo('dot')).toEqual(['Dot, picked for you']);
    expect((await customer('cyd')).attributes['value_tier']).toBe('other');
    const [passage] = (await shop.timeline('dot')).enrollments;
    expect(passage?.steps.map((step) => step.message)).toContain(
      'Started the journey: value_tier changed to "most-valuable".',
    );
  });

  it('should recompute one customer and their tier on demand, and the whole workspace, to the same values', async () => {
    const before = await customer('ada');

    const one = await stack.request('POST', `/api/customers/${before.id}/insights/recompute`);
    const tier = await stack.request('POST', `/api/customers/${before.id}/value-tier/recompute`);
    const all = await stack.request('POST', '/api/insights/recompute');

    expect(one.status).toBe(200);
    expect(one.body.attributes).toMatchObject({ orders_count: 2, total_spent: 72.5 });
    expect(tier.body).toMatchObject({ customerId: before.id, value_tier: 'other' });
    expect(all.body).toMatchObject({ customers: 4 });
    const computed = [
      'orders_count',
      'total_spent',
      'first_order_at',
      'last_order_at',
      'churn_risk_at',
      'last_ordered_at',
    ];
    const pick = (attributes: Record<string, unknown>) => computed.map((key) => [key, attributes[key]]);
    expect(pick((await customer('ada')).attributes)).toEqual(pick(before.attributes));
    // Ada ordered before Bob: her suggestions were refreshed by the recompute.
    expect((await customer('ada')).attributes['recommendations']).toEqual([
      { product_id: 'primer', name: 'Lid primer', category: 'eyeshadow', price: 14 },
    ]);
    expect((await stack.request('POST', '/api/customers/not-a-customer/insights/recompute')).status).toBe(404);
  });
});
