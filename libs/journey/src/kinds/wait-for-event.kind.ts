import { z } from 'zod';
import { matchesFilters, propertyFilterSchema, sharesValuesWith } from '../graph/condition';
import type { EventFacts } from '../graph/facts';
import { addDuration, DURATION_UNITS } from '../time/calendar';
import { defineNodeKind, type StepOutcome } from './node-kind';

const schema = z.object({
  event: z.string().trim().min(1, 'field.event.wait-required').max(200),
  /** Tests on the awaited event's properties; all must hold. */
  where: z.array(propertyFilterSchema).max(20, 'field.filters.max').default([]),
  /** Property paths the awaited event must share at least one value of with the triggering event (`products.id`). */
  sameAsTrigger: z
    .array(
      z
        .string()
        .trim()
        .min(1, 'field.property.required')
        .max(200)
        .regex(/^[^.\s][^\s]*$/, 'field.path.format'),
    )
    .max(5, 'field.properties.max')
    .default([]),
  /** How long to wait at most before leaving through `timeout`. */
  timeout: z.object({
    amount: z.number().int('field.number.whole').min(1, 'field.wait.min').max(100_000),
    unit: z.enum(DURATION_UNITS),
  }),
});

export type WaitForEventConfig = z.infer<typeof schema>;

/** True when the event is the awaited one: its name, its filters, and a shared value for each `sameAsTrigger` path. */
export const isAwaitedEvent = (config: WaitForEventConfig, event: EventFacts, trigger: EventFacts | null): boolean =>
  event.name === config.event &&
  matchesFilters(event.properties, config.where) &&
  sharesValuesWith(event, trigger, config.sameAsTrigger);

/**
 * Holds the customer until they do an event (output `event`) or the timeout passes (output `timeout`),
 * whichever comes first: one waiting state that listens for the event, with the timeout as its wake-up.
 */
export const waitForEventKind = defineNodeKind({
  kind: 'wait-for-event',
  category: 'wait',
  title: 'Wait for an event, up to a time',
  schema,
  defaults: { event: 'Order Completed', where: [], sameAsTrigger: [], timeout: { amount: 7, unit: 'days' } },
  outputs: () => ['event', 'timeout'],
  summary: (config) => ({
    code: 'wait-for-event',
    params: {
      amount: config.timeout.amount,
      unit: config.timeout.unit,
      event: config.event,
      filters: config.where.length,
      same: config.sameAsTrigger.join(', '),
    },
  }),
  acceptsEvent: isAwaitedEvent,
  step: ({ nodeId, config, resumed, input, zone, stepTime }): StepOutcome => {
    if (resumed) {
      const arrived = input.type === 'event';
      return {
        type: 'next',
        output: arrived ? 'event' : 'timeout',
        reason: {
          nodeId,
          code: arrived ? 'wait.event-received' : 'wait.event-timeout',
          params: { event: config.event },
        },
      };
    }
    const until = addDuration(stepTime, config.timeout.amount, config.timeout.unit, zone);
    return {
      type: 'wait',
      until,
      listen: { event: config.event },
      reason: { nodeId, code: 'wait.for-event', params: { event: config.event, until: until.toISOString() } },
    };
  },
});
