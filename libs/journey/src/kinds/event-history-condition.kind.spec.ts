import { initialEnrollmentState } from '../interpreter/enrollment-state';
import {
  eventHistoryConditionKind,
  historyQueryOf,
  type EventHistoryConditionConfig,
} from './event-history-condition.kind';
import { historyKey, type HistoryFacts, type StepContext } from './node-kind';

const NOW = new Date('2026-03-27T09:15:00.000Z');

const mascara = eventHistoryConditionKind.schema.parse({
  event: 'Order Completed',
  where: [{ path: 'products.name', operator: 'contains', value: 'mascara' }],
  withinDays: 30,
  comparison: 'at-least',
  count: 1,
});

const stepWith = (config: EventHistoryConditionConfig, history: HistoryFacts) => {
  const ctx: StepContext<EventHistoryConditionConfig> = {
    nodeId: 'bought-mascara',
    config,
    resumed: false,
    input: { type: 'entry' },
    state: initialEnrollmentState('bought-mascara', NOW),
    visit: 1,
    customer: { id: 'c1', externalId: null, email: null, phone: null, timeZone: null, locale: null, attributes: {} },
    trigger: null,
    history,
    zone: 'UTC',
    stepTime: NOW,
    now: NOW,
    random: () => 0.5,
  };
  return eventHistoryConditionKind.step(ctx);
};

const answered = (config: EventHistoryConditionConfig, count: number | null): HistoryFacts =>
  count === null ? {} : { [historyKey(historyQueryOf(config))]: count };

describe('eventHistoryConditionKind', () => {
  it('should ask the worker one history question when the version is published', () => {
    expect(eventHistoryConditionKind.historyQueries?.(mascara)).toEqual([
      {
        event: 'Order Completed',
        where: [{ path: 'products.name', operator: 'contains', value: 'mascara' }],
        withinDays: 30,
      },
    ]);
  });

  it.each([
    { comparison: 'at-least' as const, count: 1, found: 1, output: 'yes' },
    { comparison: 'at-least' as const, count: 1, found: 0, output: 'no' },
    { comparison: 'at-least' as const, count: 1, found: null, output: 'no' },
    { comparison: 'at-least' as const, count: 3, found: 2, output: 'no' },
    { comparison: 'at-least' as const, count: 3, found: 5, output: 'yes' },
    { comparison: 'at-most' as const, count: 2, found: 2, output: 'yes' },
    { comparison: 'at-most' as const, count: 2, found: 3, output: 'no' },
    { comparison: 'at-most' as const, count: 2, found: null, output: 'yes' },
    { comparison: 'none' as const, count: 5, found: 0, output: 'yes' },
    { comparison: 'none' as const, count: 5, found: null, output: 'yes' },
    { comparison: 'none' as const, count: 5, found: 1, output: 'no' },
  ])(
    'should answer $output when $comparison $count and the customer did it $found times',
    ({ comparison, count, found, output }) => {
      const config = { ...mascara, comparison, count };

      expect(stepWith(config, answered(config, found))).toMatchObject({ type: 'next', output });
    },
  );

  it('should read the count the worker found in the reason when it decides', () => {
    expect(stepWith(mascara, answered(mascara, 2)).reason).toEqual({
      nodeId: 'bought-mascara',
      code: 'history.matched',
      params: {
        event: 'Order Completed',
        count: 2,
        comparison: 'at-least',
        times: 1,
        withinDays: 30,
        filters: 1,
      },
    });
  });

  it.each([
    [mascara, { filters: 1, comparison: 'at-least', count: 1, withinDays: 30 }],
    // "Ever" is an empty `withinDays`, so the sentence leaves the period out.
    [
      { ...mascara, where: [], withinDays: null, comparison: 'none' as const },
      { filters: 0, comparison: 'none', count: 1, withinDays: '' },
    ],
    [
      { ...mascara, where: [], withinDays: 1, comparison: 'at-most' as const, count: 3 },
      { filters: 0, comparison: 'at-most', count: 3, withinDays: 1 },
    ],
  ])('should give the test of %j in the canvas summary', (config, params) => {
    expect(eventHistoryConditionKind.summary(config)).toEqual({
      code: 'event-history-condition',
      params: { event: 'Order Completed', ...params },
    });
  });

  it.each([
    [{ ...mascara, event: '' }, 'field.history.event-required'],
    [{ ...mascara, count: 0 }, 'field.history.count-min'],
    [{ ...mascara, withinDays: 0 }, 'field.history.days-min'],
  ])('should explain the problem when the config is %j', (config, message) => {
    expect(eventHistoryConditionKind.schema.safeParse(config).error?.issues[0]?.message).toBe(message);
  });

  it('should fill in no filters, all time and once when a short config is read', () => {
    expect(eventHistoryConditionKind.schema.parse({ event: 'Order Completed', comparison: 'none' })).toEqual({
      event: 'Order Completed',
      where: [],
      withinDays: null,
      comparison: 'none',
      count: 1,
    });
  });
});
