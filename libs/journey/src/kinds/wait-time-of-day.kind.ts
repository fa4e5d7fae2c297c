import { z } from 'zod';
import { ALL_WEEKDAYS, nextLocalTime } from '../time/local-time';
import { clockTimeSchema, weekdaysParam, weekdaysSchema } from '../time/local-time.schema';
import { defineNodeKind, type StepOutcome } from './node-kind';

const schema = z.object({
  time: clockTimeSchema,
  days: weekdaysSchema.default([...ALL_WEEKDAYS]),
});

export type WaitTimeOfDayConfig = z.infer<typeof schema>;

/**
 * Holds the customer until the next time their clock reads `time` on one of `days` ("next weekday at 10:00").
 * Strictly after arrival, so a loop through it always pauses. The wake time is computed on arrival in the zone the
 * customer has then; a later zone change counts from their next wait (simple and predictable).
 */
export const waitTimeOfDayKind = defineNodeKind({
  kind: 'wait-time-of-day',
  category: 'wait',
  title: 'Wait until a time of day',
  schema,
  defaults: { time: '10:00', days: [...ALL_WEEKDAYS] },
  outputs: () => ['next'],
  summary: (config) => ({ code: 'wait-time-of-day', params: { time: config.time, days: weekdaysParam(config.days) } }),
  step: ({ nodeId, config, resumed, zone, stepTime }): StepOutcome => {
    if (resumed) return { type: 'next', output: 'next', reason: { nodeId, code: 'wait.elapsed', params: {} } };
    const until = nextLocalTime(stepTime, { time: config.time, days: config.days }, zone);
    return {
      type: 'wait',
      until,
      reason: {
        nodeId,
        code: 'wait.until-time',
        params: { time: config.time, days: weekdaysParam(config.days), zone, until: until.toISOString() },
      },
    };
  },
});
