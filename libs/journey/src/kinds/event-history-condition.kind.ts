import { z } from 'zod';
import { propertyFilterSchema } from '../graph/condition';
import { defineNodeKind, historyKey, type HistoryQuery } from './node-kind';

const COMPARISONS = ['at-least', 'at-most', 'none'] as const;

const schema = z.object({
  event: z.string().trim().min(1, 'field.history.event-required').max(200),
  where: z.array(propertyFilterSchema).max(20, 'field.filters.max').default([]),
  /** Only events in the last N days count; null counts them all. */
  withinDays: z
    .number()
    .int('field.history.days-whole')
    .min(1, 'field.history.days-min')
    .max(3650, 'field.history.days-max')
    .nullable()
    .default(null),
  comparison: z.enum(COMPARISONS),
  /** Ignored for `none`. */
  // The worker counts at most the 5,000 most recent matching events, so larger counts could not be judged.
  count: z
    .number()
    .int('field.number.whole')
    .min(1, 'field.history.count-min')
    .max(1000, 'field.history.count-max')
    .default(1),
});

export type EventHistoryConditionConfig = z.infer<typeof schema>;

export const historyQueryOf = (config: EventHistoryConditionConfig): HistoryQuery => ({
  event: config.event,
  where: config.where,
  withinDays: config.withinDays,
});

/** Whether `found` matching events satisfy the test (none / at least / at most). */
export const historyTestHolds = (config: EventHistoryConditionConfig, found: number): boolean =>
  config.comparison === 'none'
    ? found === 0
    : config.comparison === 'at-least'
      ? found >= config.count
      : found <= config.count;

/**
 * If/else on what the customer did before: how many times they did an event (matching filters, within a number
 * of days). The worker counts before the step (`historyQueries`), so the step stays pure; no answer counts as 0.
 */
export const eventHistoryConditionKind = defineNodeKind({
  kind: 'event-history-condition',
  category: 'condition',
  title: 'If the customer did an event before',
  schema,
  defaults: { event: 'Order Completed', where: [], withinDays: 30, comparison: 'at-least', count: 1 },
  outputs: () => ['yes', 'no'],
  summary: (config) => ({
    code: 'event-history-condition',
    params: {
      event: config.event,
      filters: config.where.length,
      comparison: config.comparison,
      count: config.count,
      withinDays: config.withinDays ?? '',
    },
  }),
  historyQueries: (config) => [historyQueryOf(config)],
  step: ({ nodeId, config, history }) => {
    const found = history[historyKey(historyQueryOf(config))] ?? 0;
    const matched = historyTestHolds(config, found);
    return {
      type: 'next',
      output: matched ? 'yes' : 'no',
      reason: {
        nodeId,
        code: matched ? 'history.matched' : 'history.not-matched',
        // Raw values, worded by the catalog: what was found, and the test (did / did not, at least / at most
        // how many times, within how many days or ever, with how many property filters).
        params: {
          event: config.event,
          count: found,
          comparison: config.comparison,
          times: config.count,
          withinDays: config.withinDays ?? '',
          filters: config.where.length,
        },
      },
    };
  },
});
