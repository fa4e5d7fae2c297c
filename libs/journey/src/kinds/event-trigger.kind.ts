import { z } from 'zod';
import { matchesFilters, propertyFilterSchema, narrowToMatchingItems } from '../graph/condition';
import { defineNodeKind } from './node-kind';

const schema = z.object({
  event: z.string().trim().min(1, 'field.event.trigger-required').max(200),
  // Defaults to none, so documents saved before filters existed stay valid.
  where: z.array(propertyFilterSchema).max(20, 'field.filters.max').default([]),
});

export type EventTriggerConfig = z.infer<typeof schema>;

/** Enrolls a customer when they do a tracked event (`Order Completed`), optionally only with matching properties. */
export const eventTriggerKind = defineNodeKind({
  kind: 'event-trigger',
  category: 'trigger',
  title: 'When a customer does an event',
  schema,
  defaults: { event: 'Order Completed', where: [] },
  outputs: () => ['next'],
  summary: (config) => ({ code: 'event-trigger', params: { event: config.event, filters: config.where.length } }),
  trigger: {
    keys: (config) => [`event:${config.event}`],
    matchesEvent: (config, event) => event.name === config.event && matchesFilters(event.properties, config.where),
    focus: (config, event) => ({ ...event, properties: narrowToMatchingItems(event.properties, config.where) }),
  },
  step: ({ nodeId, trigger }) => ({
    type: 'next',
    output: 'next',
    reason: { nodeId, code: 'trigger.passed', params: { event: trigger?.name ?? null } },
  }),
});
