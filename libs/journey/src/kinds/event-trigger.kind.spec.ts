import type { EventFacts } from '../graph/facts';
import { eventTriggerKind } from './event-trigger.kind';

const order = (properties: Record<string, unknown>, name = 'Order Completed'): EventFacts => ({
  id: 'e1',
  name,
  properties,
  timestamp: '2026-03-27T09:15:00.000Z',
});

const refills = eventTriggerKind.schema.parse({
  event: 'Order Completed',
  where: [{ path: 'products.refill_days', operator: 'exists' }],
});

describe('eventTriggerKind', () => {
  it('should default to no filters when a document saved before filters is read', () => {
    expect(eventTriggerKind.schema.parse({ event: 'Order Completed' })).toEqual({
      event: 'Order Completed',
      where: [],
    });
  });

  it.each([
    {
      when: 'a product has refill_days',
      event: order({ products: [{ id: 'p1' }, { id: 'p2', refill_days: 30 }] }),
      expected: true,
    },
    { when: 'no product has refill_days', event: order({ products: [{ id: 'p1' }] }), expected: false },
    { when: 'the order has no products', event: order({}), expected: false },
    {
      when: 'the event is another one',
      event: order({ products: [{ refill_days: 30 }] }, 'Order Refunded'),
      expected: false,
    },
  ])('should match $expected when $when', ({ event, expected }) => {
    expect(eventTriggerKind.trigger?.matchesEvent?.(refills, event)).toBe(expected);
  });

  it('should match any Order Completed when there are no filters', () => {
    const sut = eventTriggerKind.schema.parse({ event: 'Order Completed' });

    expect(eventTriggerKind.trigger?.matchesEvent?.(sut, order({}))).toBe(true);
  });

  it('should count the filters in its summary when it has some', () => {
    expect(eventTriggerKind.summary(refills)).toEqual({
      code: 'event-trigger',
      params: { event: 'Order Completed', filters: 1 },
    });
  });

  it('should ask for a value when a filter compares with nothing', () => {
    const sut = eventTriggerKind.schema.safeParse({
      event: 'Order Completed',
      where: [{ path: 'total', operator: 'gt' }],
    });

    expect(sut.error?.issues[0]).toMatchObject({
      path: ['where', 0, 'value'],
      message: 'field.value.compare-required',
    });
  });
});
