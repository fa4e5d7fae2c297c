import { z } from 'zod';
import { defineNodeKind } from './node-kind';

const schema = z.object({
  event: z.string().trim().min(1, 'name the event that starts the journey').max(200),
});

export type EventTriggerConfig = z.infer<typeof schema>;

/** Enrolls a customer when they do a tracked event (`Order Completed`). */
export const eventTriggerKind = defineNodeKind({
  kind: 'event-trigger',
  category: 'trigger',
  title: 'When a customer does an event',
  schema,
  defaults: { event: 'Order Completed' },
  outputs: () => ['next'],
  summarize: (config) => `When ${config.event} happens`,
  trigger: {
    keys: (config) => [`event:${config.event}`],
    matchesEvent: (config, event) => event.name === config.event,
  },
  step: ({ nodeId, trigger }) => ({
    type: 'next',
    output: 'next',
    reason: { nodeId, code: 'trigger.passed', params: { event: trigger?.name ?? null } },
  }),
});
