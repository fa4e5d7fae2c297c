import type { CustomerFacts, EventFacts } from '../graph/facts';
import { journeyDocumentSchema } from '../graph/journey.schema';
import { advance, type JourneyVersionSnapshot } from '../interpreter/advance';
import { initialEnrollmentState, type AdvanceInput, type EnrollmentSnapshot } from '../interpreter/enrollment-state';
import { waitForEventKind, type WaitForEventConfig } from './wait-for-event.kind';

const NOW = new Date('2026-03-27T09:15:00.000Z');

const customer: CustomerFacts = {
  id: 'c1',
  externalId: null,
  email: 'ada@example.com',
  phone: null,
  timeZone: 'Europe/Paris',
  locale: 'en',
  attributes: {},
};

const order = (products: unknown[], extra: Record<string, unknown> = {}, name = 'Order Completed'): EventFacts => ({
  id: `e-${JSON.stringify(products)}`,
  name,
  properties: { products, ...extra },
  timestamp: NOW.toISOString(),
});

// Cross-sell: after an eyeshadow order, wait up to 7 days for another order of the same product.
const config: WaitForEventConfig = waitForEventKind.schema.parse({
  event: 'Order Completed',
  where: [{ path: 'total', operator: 'gte', value: 20 }],
  sameAsTrigger: ['products.id'],
  timeout: { amount: 7, unit: 'days' },
});

const version: JourneyVersionSnapshot = {
  id: 'v1',
  document: journeyDocumentSchema.parse({
    format: 'rapport.journey/v1',
    name: 'cross-sell',
    nodes: [
      { id: 'order', kind: 'event-trigger', config: { event: 'Order Completed' } },
      { id: 'reorder', kind: 'wait-for-event', config },
      { id: 'bought', kind: 'exit', config: {} },
      { id: 'nudge', kind: 'exit', config: {} },
    ],
    edges: [
      { from: 'order', output: 'next', to: 'reorder' },
      { from: 'reorder', output: 'event', to: 'bought' },
      { from: 'reorder', output: 'timeout', to: 'nudge' },
    ],
  }),
};

const trigger = order([{ id: 'eyeshadow-1', category: 'eyeshadow' }, { id: 42 }], { total: 30 });

const entered = (): EnrollmentSnapshot => ({
  id: 'enr-1',
  state: initialEnrollmentState('order', NOW),
  customer,
  trigger,
});

const run = (snapshot: EnrollmentSnapshot, input: AdvanceInput, now: Date) =>
  advance(version, snapshot, input, now, () => 0.5);

describe('wait-for-event', () => {
  it('should listen for the event until the timeout when the customer arrives', () => {
    const sut = run(entered(), { type: 'entry' }, NOW);

    expect(sut.state).toMatchObject({ status: 'waiting', nodeId: 'reorder', listen: { event: 'Order Completed' } });
    // 7 calendar days in Paris across the 2026-03-29 DST change: same 10:15 wall clock.
    expect(sut.wakeAt?.toISOString()).toBe('2026-04-03T08:15:00.000Z');
    expect(sut.reasons.at(-1)).toEqual({
      nodeId: 'reorder',
      code: 'wait.for-event',
      params: { event: 'Order Completed', until: '2026-04-03T08:15:00.000Z' },
    });
  });

  it.each([
    { name: 'the same product', event: order([{ id: 'eyeshadow-1' }], { total: 25 }), output: 'event', node: 'bought' },
    {
      name: 'the same product id sent as text',
      event: order([{ id: '42' }], { total: 25 }),
      output: 'event',
      node: 'bought',
    },
  ])('should leave through event when the customer orders $name', ({ event, node }) => {
    const waiting = run(entered(), { type: 'entry' }, NOW);
    const later = new Date(NOW.getTime() + 86_400_000);
    const sut = run({ ...entered(), state: waiting.state }, { type: 'event', event }, later);

    expect(sut.state).toMatchObject({ status: 'completed', nodeId: node });
    expect(sut.reasons[0]).toEqual({
      nodeId: 'reorder',
      code: 'wait.event-received',
      params: { event: 'Order Completed' },
    });
  });

  it.each([
    { name: 'another product', event: order([{ id: 'mascara-9' }], { total: 25 }) },
    { name: 'a total under the filter', event: order([{ id: 'eyeshadow-1' }], { total: 10 }) },
    { name: 'another event', event: order([{ id: 'eyeshadow-1' }], { total: 25 }, 'Product Viewed') },
  ])('should keep waiting when the customer does $name', ({ event }) => {
    const waiting = run(entered(), { type: 'entry' }, NOW);
    const sut = run({ ...entered(), state: waiting.state }, { type: 'event', event }, new Date(NOW.getTime() + 60_000));

    expect(sut.state).toEqual(waiting.state);
    expect(sut.reasons[0]?.code).toBe('input.ignored');
  });

  it('should leave through timeout when the timer fires first', () => {
    const waiting = run(entered(), { type: 'entry' }, NOW);
    const sut = run({ ...entered(), state: waiting.state }, { type: 'timer' }, waiting.wakeAt as Date);

    expect(sut.state).toMatchObject({ status: 'completed', nodeId: 'nudge' });
    expect(sut.reasons[0]).toEqual({
      nodeId: 'reorder',
      code: 'wait.event-timeout',
      params: { event: 'Order Completed' },
    });
  });

  it.each([
    { name: 'no triggering event to compare with', trigger: null, accepted: false },
    { name: 'a trigger without the property', trigger: order([], { total: 30 }), accepted: false },
    {
      name: 'a trigger sharing one of several ids',
      trigger: order([{ id: 'a' }, { id: 'eyeshadow-1' }]),
      accepted: true,
    },
  ])('should decide on sameAsTrigger when there is $name', ({ trigger: first, accepted }) => {
    const event = order([{ id: 'eyeshadow-1' }], { total: 25 });

    expect(waitForEventKind.acceptsEvent?.(config, event, first)).toBe(accepted);
  });

  it('should accept any event of that name when there are no filters', () => {
    const open = waitForEventKind.schema.parse({ event: 'Order Completed', timeout: { amount: 1, unit: 'hours' } });

    expect(waitForEventKind.acceptsEvent?.(open, order([]), null)).toBe(true);
  });

  it.each([
    {
      name: 'no event name',
      input: { event: ' ', timeout: { amount: 7, unit: 'days' } },
      message: 'field.event.wait-required',
    },
    {
      name: 'a zero timeout',
      input: { event: 'Order Completed', timeout: { amount: 0, unit: 'days' } },
      message: 'field.wait.min',
    },
    {
      name: 'a filter without a value',
      input: {
        event: 'Order Completed',
        where: [{ path: 'total', operator: 'gte' }],
        timeout: { amount: 1, unit: 'days' },
      },
      message: 'field.value.compare-required',
    },
  ])('should explain the problem when the config has $name', ({ input, message }) => {
    const sut = waitForEventKind.schema.safeParse(input);

    expect(sut.success).toBe(false);
    expect(sut.error?.issues[0]?.message).toBe(message);
  });

  it('should count the filters and name the same-product paths in the canvas summary', () => {
    expect(waitForEventKind.summary(config)).toEqual({
      code: 'wait-for-event',
      params: { amount: 7, unit: 'days', event: 'Order Completed', filters: 1, same: 'products.id' },
    });
  });
});
