import { z } from 'zod';
import { ALL_WEEKDAYS, nextInsideWindow } from '../time/local-time';
import { clockTimeSchema, weekdaysParam, weekdaysSchema } from '../time/local-time.schema';
import { defineNodeKind, type StepOutcome } from './node-kind';

const schema = z
  .object({
    days: weekdaysSchema.default([...ALL_WEEKDAYS]),
    from: clockTimeSchema,
    to: clockTimeSchema,
  })
  .refine((config) => config.from !== config.to, {
    message: 'field.window.same-times',
    path: ['to'],
  });

export type TimeWindowConfig = z.infer<typeof schema>;

/**
 * Lets customers through only inside a weekly window of their local time (09:00-20:00, or 21:00-09:00 across
 * midnight, which belongs to the day it opens); outside, holds them until it next opens. The opening is computed on
 * arrival in the customer's zone then; a later zone change counts from their next wait.
 */
export const timeWindowKind = defineNodeKind({
  kind: 'time-window',
  category: 'wait',
  alwaysPauses: false,
  title: 'Continue only within hours',
  schema,
  defaults: { days: [...ALL_WEEKDAYS], from: '09:00', to: '20:00' },
  outputs: () => ['next'],
  summary: (config) => ({
    code: 'time-window',
    params: { from: config.from, to: config.to, overnight: config.to < config.from, days: weekdaysParam(config.days) },
  }),
  step: ({ nodeId, config, resumed, zone, stepTime }): StepOutcome => {
    if (resumed) return { type: 'next', output: 'next', reason: { nodeId, code: 'wait.elapsed', params: {} } };
    const opens = nextInsideWindow(stepTime, config, zone);
    const params = { from: config.from, to: config.to, days: weekdaysParam(config.days), zone };
    if (opens.getTime() === stepTime.getTime()) {
      return { type: 'next', output: 'next', reason: { nodeId, code: 'wait.inside-window', params } };
    }
    return {
      type: 'wait',
      until: opens,
      reason: { nodeId, code: 'wait.until-window', params: { ...params, until: opens.toISOString() } },
    };
  },
});
