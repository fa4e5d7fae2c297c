import { ShopWebhookError } from './shop-change';
import { envelopeSchema, mapRapportWebhook } from './rapport-topics';

const at = '2026-06-01T09:00:00Z';

describe('mapRapportWebhook', () => {
  it('should read order.completed with the envelope timestamp when the order has no placed_at', () => {
    const sut = mapRapportWebhook('order.completed', at, {
      order_id: 1001,
      total: '52.00',
      currency: 'eur',
      customer: { id: 'c-42', email: 'Ada@Example.com', email_consent: false, traits: { tier: 'vip' } },
      products: [{ product_id: 'serum', name: 'Night serum', price: 39, refill_days: 30 }],
    });

    expect(sut).toEqual({
      kind: 'order',
      order: expect.objectContaining({
        orderId: '1001',
        placedAt: '2026-06-01T09:00:00.000Z',
        total: 52,
        currency: 'EUR',
        customer: expect.objectContaining({ id: 'c-42', email: 'ada@example.com', emailConsent: false }),
        lines: [
          {
            productId: 'serum',
            sku: null,
            name: 'Night serum',
            category: null,
            quantity: 1,
            price: 39,
            refillDays: 30,
          },
        ],
      }),
    });
  });

  it('should read product.updated into a catalog row', () => {
    const sut = mapRapportWebhook('product.updated', at, {
      product_id: 'serum',
      name: 'Night serum',
      category: 'skincare',
      price: 39,
      currency: 'EUR',
      refill_days: 30,
      url: 'https://shop.test/serum',
    });

    expect(sut).toEqual({
      kind: 'product',
      product: {
        productId: 'serum',
        sku: null,
        name: 'Night serum',
        category: 'skincare',
        price: 39,
        currency: 'EUR',
        refillDays: 30,
        url: 'https://shop.test/serum',
        image: null,
        updatedAt: new Date(at),
      },
    });
  });

  it('should read customer.updated and require the customer id', () => {
    expect(mapRapportWebhook('customer.updated', at, { id: 'c-1', first_name: 'Bo' })).toMatchObject({
      kind: 'customer',
      customer: { id: 'c-1', firstName: 'Bo' },
    });
    expect(() => mapRapportWebhook('customer.updated', at, { email: 'bo@example.com' })).toThrow(/id:/);
  });

  it.each([
    [
      'an order whose customer has neither id nor email',
      'order.completed',
      { order_id: 1, customer: {}, products: [] },
      /customer\.id/,
    ],
    [
      'a refill_days of zero',
      'order.completed',
      { order_id: 1, customer: { id: 'c' }, products: [{ refill_days: 0 }] },
      /products\.0\.refill_days/,
    ],
    ['a price that is not an amount', 'product.updated', { product_id: 'p', price: 'cheap' }, /price/],
  ])('should refuse %s naming the field', (_, type, data, field) => {
    const sut = () => mapRapportWebhook(type, at, data);

    expect(sut).toThrow(ShopWebhookError);
    expect(sut).toThrow(field);
  });

  it('should ignore an unknown type rather than fail', () => {
    expect(mapRapportWebhook('cart.abandoned', at, {})).toEqual({
      kind: 'ignored',
      why: 'type "cart.abandoned" is not one Rapport acts on',
    });
  });

  it('should require the envelope type and an ISO timestamp', () => {
    expect(envelopeSchema.safeParse({ type: 'order.completed', timestamp: 'yesterday', data: {} }).success).toBe(false);
  });
});
