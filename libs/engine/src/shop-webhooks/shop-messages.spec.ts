import type { CatalogProduct } from '@rapport/persistence';
import type { ShopCustomer, ShopOrder } from './shop-change';
import { customerMessages, orderMessages } from './shop-messages';

const customer: ShopCustomer = {
  id: 'c-42',
  email: 'ada@example.com',
  phone: null,
  firstName: 'Ada',
  lastName: null,
  locale: 'fr',
  emailConsent: true,
  smsConsent: null,
  traits: { tier: 'vip' },
};

const order: ShopOrder = {
  orderId: '1001',
  placedAt: '2026-06-01T08:00:00.000Z',
  total: 52,
  subtotal: null,
  tax: null,
  discount: null,
  shipping: null,
  coupon: null,
  currency: 'EUR',
  customer,
  lines: [
    { productId: 'serum', sku: null, name: 'Night serum', category: null, quantity: 1, price: 39, refillDays: null },
    { productId: 'mini', sku: 'M-1', name: 'Mini', category: 'samples', quantity: 2, price: 6.5, refillDays: 7 },
    { productId: null, sku: null, name: 'Gift wrap', category: null, quantity: 1, price: 0, refillDays: null },
  ],
};

const serum: CatalogProduct = {
  productId: 'serum',
  sku: 'S-30',
  name: 'Serum (catalog name)',
  category: 'skincare',
  price: 41,
  currency: 'EUR',
  refillDays: 30,
  url: 'https://shop.test/serum',
  image: 'https://shop.test/serum.jpg',
  updatedAt: new Date('2026-05-01T00:00:00Z'),
};

describe('orderMessages', () => {
  it('should identify the customer, then track Order Completed with catalog data filling what lines lack', () => {
    const sut = orderMessages(order, new Map([['serum', serum]]), 'shop:src:w-1');

    expect(sut).toEqual([
      {
        type: 'identify',
        messageId: 'shop:src:w-1:customer',
        userId: 'c-42',
        timestamp: '2026-06-01T08:00:00.000Z',
        traits: { tier: 'vip', email: 'ada@example.com', firstName: 'Ada', locale: 'fr', email_consent: true },
      },
      {
        type: 'track',
        messageId: 'shop:src:w-1:order',
        userId: 'c-42',
        event: 'Order Completed',
        timestamp: '2026-06-01T08:00:00.000Z',
        properties: {
          order_id: '1001',
          total: 52,
          currency: 'EUR',
          products: [
            {
              product_id: 'serum',
              id: 'serum',
              sku: 'S-30',
              name: 'Night serum',
              category: 'skincare',
              quantity: 1,
              price: 39,
              refill_days: 30,
              url: 'https://shop.test/serum',
              image_url: 'https://shop.test/serum.jpg',
            },
            {
              product_id: 'mini',
              id: 'mini',
              sku: 'M-1',
              name: 'Mini',
              category: 'samples',
              quantity: 2,
              price: 6.5,
              refill_days: 7,
            },
            { name: 'Gift wrap', quantity: 1, price: 0 },
          ],
        },
      },
    ]);
  });

  it('should keep a guest order apart under its email when the shop gives no customer id', () => {
    const sut = orderMessages({ ...order, customer: { ...customer, id: null } }, new Map(), 'b');

    expect(sut.map((m) => [m.type, m.userId, m.anonymousId])).toEqual([
      ['identify', undefined, 'email:ada@example.com'],
      ['track', undefined, 'email:ada@example.com'],
    ]);
  });

  it('should produce nothing when the order names no customer at all', () => {
    expect(orderMessages({ ...order, customer: { ...customer, id: null, email: null } }, new Map(), 'b')).toEqual([]);
  });
});

describe('customerMessages', () => {
  it('should let mapped fields win over same-named traits the sender added', () => {
    const sut = customerMessages({ ...customer, traits: { email: 'spoof@example.com', tier: 'vip' } }, 'b');

    expect(sut[0]).toMatchObject({ type: 'identify', traits: { email: 'ada@example.com', tier: 'vip' } });
  });
});
