import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonKeepingBigIntegers } from '@rapport/channels';
import { ShopWebhookError } from './shop-change';
import { mapShopifyWebhook, shopifyRefillDays } from './shopify-topics';

const fixture = (name: string): Record<string, unknown> =>
  parseJsonKeepingBigIntegers(
    readFileSync(join(__dirname, '../../../../tests/fixtures/shopify', `${name}.json`), 'utf8'),
  ) as Record<string, unknown>;
const context = { shopDomain: 'jsmith.myshopify.com', receivedAt: new Date('2026-06-01T09:00:00Z') };

describe('mapShopifyWebhook', () => {
  it("should read Shopify's documented orders/create example as an order with exact ids, money and time", () => {
    const sut = mapShopifyWebhook('orders/create', fixture('orders-create'), context);

    expect(sut).toEqual({
      kind: 'order',
      order: {
        orderId: '820982911946154508',
        placedAt: '2022-01-01T00:00:00.000Z',
        total: 404.95,
        subtotal: 404.95,
        tax: 0,
        discount: 20,
        shipping: 10,
        coupon: null,
        currency: 'USD',
        customer: {
          id: '115310627314723954',
          email: 'john@example.com',
          phone: null,
          firstName: 'John',
          lastName: 'Smith',
          locale: 'en',
          emailConsent: null,
          smsConsent: null,
          traits: {},
        },
        lines: [
          {
            productId: '788032119674292922',
            sku: 'SKU2006-001',
            name: 'Aviator sunglasses',
            category: null,
            quantity: 1,
            price: 89.99,
            refillDays: null,
          },
        ],
      },
    });
  });

  it('should take refill_days from a line item property when the cart carries one', () => {
    const order = fixture('orders-create');
    const [line] = order['line_items'] as Record<string, unknown>[];
    const payload = { ...order, line_items: [{ ...line, properties: [{ name: 'refill_days', value: '45' }] }] };

    const sut = mapShopifyWebhook('orders/create', payload, context);

    expect(sut.kind === 'order' && sut.order.lines[0]?.refillDays).toBe(45);
  });

  it.each([
    [{ state: 'subscribed' }, undefined, true],
    [{ state: 'unsubscribed' }, true, false],
    [{ state: 'not_subscribed' }, undefined, false],
    [{ state: 'pending' }, undefined, null],
    [null, true, true],
    [undefined, false, false],
    [undefined, undefined, null],
  ])(
    'should map email_marketing_consent %j with accepts_marketing %j to email_consent %j',
    (consent, accepts, expected) => {
      const payload = { ...fixture('customers-update'), email_marketing_consent: consent, accepts_marketing: accepts };

      const sut = mapShopifyWebhook('customers/update', payload, context);

      expect(sut.kind === 'customer' && sut.customer.emailConsent).toBe(expected);
    },
  );

  it("should read Shopify's documented customers/update example as the customer's profile", () => {
    const sut = mapShopifyWebhook('customers/update', fixture('customers-update'), context);

    expect(sut).toEqual({
      kind: 'customer',
      customer: {
        id: '706405506930370084',
        email: 'bob@biller.com',
        phone: null,
        firstName: 'Bob',
        lastName: 'Biller',
        locale: null,
        emailConsent: null,
        smsConsent: null,
        traits: {},
      },
    });
  });

  it("should read Shopify's documented products/update example as a catalog row with its shop URL", () => {
    const payload = { ...fixture('products-update'), tags: 'example, refill:30, t-shirt' };

    const sut = mapShopifyWebhook('products/update', payload, context);

    expect(sut).toEqual({
      kind: 'product',
      product: {
        productId: '788032119674292922',
        sku: null,
        name: 'Example T-Shirt',
        category: 'Shirts',
        price: 19.99,
        currency: null,
        refillDays: 30,
        url: 'https://jsmith.myshopify.com/products/example-t-shirt',
        image: null,
        updatedAt: new Date('2022-01-01T00:00:00.000Z'),
      },
    });
  });

  it('should ignore a topic Rapport does not act on, saying which', () => {
    expect(mapShopifyWebhook('orders/paid', fixture('orders-create'), context)).toEqual({
      kind: 'ignored',
      why: 'topic "orders/paid" is not one Rapport acts on',
    });
  });

  it('should refuse an order naming the field when a line has no quantity', () => {
    const payload = { ...fixture('orders-create'), line_items: [{ product_id: 1, title: 'x' }] };

    const sut = () => mapShopifyWebhook('orders/create', payload, context);

    expect(sut).toThrow(ShopWebhookError);
    expect(sut).toThrow(/line_items\.0\.quantity/);
  });
});

describe('shopifyRefillDays', () => {
  it.each([
    ['a refill tag among others', { tags: 'mens, refill:30, t-shirt' }, 30],
    ['a refill_days tag with spaces and capitals', { tags: 'Refill_Days : 60' }, 60],
    ['tags as a list', { tags: ['refill:14'] }, 14],
    ['no refill tag', { tags: 'example, mens' }, null],
    ['a zero refill tag', { tags: 'refill:0' }, null],
    [
      'the rapport.refill_days metafield, which beats a tag',
      { tags: 'refill:30', metafields: [{ namespace: 'rapport', key: 'refill_days', value: '21' }] },
      21,
    ],
    [
      'a metafield of another namespace',
      { tags: '', metafields: [{ namespace: 'custom', key: 'refill_days', value: '21' }] },
      null,
    ],
  ])('should read %s', (_, product, expected) => {
    expect(shopifyRefillDays(product)).toBe(expected);
  });
});
