import { propertyPaths } from './seen-events.repository';

describe('propertyPaths', () => {
  it('should list top-level values, fields of objects in lists and of nested objects, with their types', () => {
    const sut = propertyPaths({
      order_id: 'o-1',
      total: 42.5,
      gift: false,
      placed_at: '2026-06-01T09:00:00Z',
      tags: ['new'],
      products: [
        { product_id: 'serum', category: 'skincare', price: 42 },
        { product_id: 'mascara', quantity: 2 },
      ],
      shipping: { country: 'FR', cost: 4.9 },
      note: null,
    });

    expect(sut).toEqual([
      { path: 'order_id', type: 'string' },
      { path: 'total', type: 'number' },
      { path: 'gift', type: 'boolean' },
      { path: 'placed_at', type: 'date' },
      { path: 'tags', type: 'list' },
      { path: 'products.product_id', type: 'string' },
      { path: 'products.category', type: 'string' },
      { path: 'products.price', type: 'number' },
      { path: 'products.quantity', type: 'number' },
      { path: 'shipping.country', type: 'string' },
      { path: 'shipping.cost', type: 'number' },
    ]);
  });
});
