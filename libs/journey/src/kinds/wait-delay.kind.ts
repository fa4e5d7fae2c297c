import { z } from 'zod';
import { addDuration, DURATION_UNITS } from '../time/calendar';
import { defineNodeKind, type StepOutcome } from './node-kind';

const schema = z.object({
  amount: z.number().int('field.number.whole').min(1, 'field.wait.min').max(100_000),
  unit: z.enum(DURATION_UNITS),
});

export type WaitDelayConfig = z.infer<typeof schema>;

/** Holds the customer for a fixed time; days and weeks count in their own time zone. */
export const waitDelayKind = defineNodeKind({
  kind: 'wait-delay',
  category: 'wait',
  title: 'Wait for a while',
  schema,
  defaults: { amount: 1, unit: 'days' },
  outputs: () => ['next'],
  summary: (config) => ({ code: 'wait-delay', params: { amount: config.amount, unit: config.unit } }),
  step: ({ nodeId, config, resumed, zone, state, now }): StepOutcome => {
    if (resumed) return { type: 'next', output: 'next', reason: { nodeId, code: 'wait.elapsed', params: {} } };
    // Counted from arrival at the node, so a late job never stretches the wait.
    const arrivedAt = Math.min(Date.parse(state.nodeEnteredAt), now.getTime());
    const until = addDuration(new Date(arrivedAt), config.amount, config.unit, zone);
    return {
      type: 'wait',
      until,
      reason: {
        nodeId,
        code: 'wait.scheduled',
        params: { amount: config.amount, unit: config.unit, until: until.toISOString() },
      },
    };
  },
});
