import { journeyDocumentSchema } from './journey.schema';
import { focusTrigger } from './focus-trigger';

const refill = journeyDocumentSchema.parse({
  name: 'Refill',
  nodes: [
    {
      id: 'order',
      kind: 'event-trigger',
      config: { event: 'Order Completed', where: [{ path: 'products.refill_days', operator: 'exists' }] },
    },
  ],
  edges: [],
});

const order = {
  id: 'e1',
  name: 'Order Completed',
  timestamp: '2026-06-01T08:00:00.000Z',
  properties: {
    total: 42,
    products: [{ id: 'serum', refill_days: 30 }, { id: 'lipstick' }],
  },
};

describe('focusTrigger', () => {
  it('should keep only the order lines the trigger filter matched when the trigger looks into products', () => {
    const sut = focusTrigger(refill, order);

    expect(sut?.properties).toEqual({ total: 42, products: [{ id: 'serum', refill_days: 30 }] });
  });

  it('should leave the event as it is when no trigger filter looks into a list', () => {
    const plain = journeyDocumentSchema.parse({
      name: 'Plain',
      nodes: [{ id: 'order', kind: 'event-trigger', config: { event: 'Order Completed' } }],
      edges: [],
    });

    expect(focusTrigger(plain, order)).toEqual(order);
  });

  it('should give nothing when there is no triggering event', () => {
    expect(focusTrigger(refill, null)).toBeNull();
  });
});
