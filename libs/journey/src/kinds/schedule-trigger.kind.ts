import { DateTime } from 'luxon';
import { z } from 'zod';
import { atLocalTime, CLOCK_TIME_PATTERN, nextLocalTime } from '../time/local-time';
import { weekdaysParam } from '../time/local-time.schema';
import { defineNodeKind } from './node-kind';

const timeSchema = z.string().regex(CLOCK_TIME_PATTERN, 'field.time.format');

const weeklySchema = z.object({
  kind: z.literal('weekly'),
  /** ISO weekdays: 1 is Monday, 7 is Sunday. */
  days: z
    .array(z.number().int().min(1, 'field.weekday.range').max(7, 'field.weekday.range'))
    .min(1, 'field.weekdays.required')
    .max(7)
    .refine((days) => new Set(days).size === days.length, 'field.weekdays.unique'),
  time: timeSchema,
});

const onceSchema = z.object({
  kind: z.literal('once'),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'field.date.format')
    .refine((date) => DateTime.fromISO(date, { zone: 'utc' }).isValid, 'field.date.not-a-day'),
  time: timeSchema,
});

const schema = z.object({
  audience: z.string().trim().min(1, 'field.audience.send-required').max(200),
  schedule: z.discriminatedUnion('kind', [weeklySchema, onceSchema]),
});

export type ScheduleTriggerConfig = z.infer<typeof schema>;

/**
 * The next scheduled moment for one customer, strictly after `after`, in their own zone (so 09:00 is 09:00 for
 * everyone). Weekly: the next allowed weekday at that time. Once: that day at that time, or null once it passed.
 */
export const nextScheduleFire = (config: ScheduleTriggerConfig, after: Date, zone: string): Date | null => {
  const { schedule } = config;
  if (schedule.kind === 'weekly') {
    const next = nextLocalTime(after, { time: schedule.time, days: schedule.days }, zone);
    return Number.isNaN(next.getTime()) ? null : next;
  }
  const [year, month, day] = schedule.date.split('-').map(Number) as [number, number, number];
  const moment = atLocalTime({ year, month, day }, schedule.time, zone);
  return moment.getTime() > after.getTime() ? moment : null;
};

/** Enrolls the members of an audience on a schedule (a weekly newsletter, a one-off campaign), in local time. */
export const scheduleTriggerKind = defineNodeKind({
  kind: 'schedule-trigger',
  category: 'trigger',
  title: 'On a schedule, for an audience',
  schema,
  defaults: { audience: 'newsletter', schedule: { kind: 'weekly', days: [1], time: '09:00' } },
  outputs: () => ['next'],
  // `all` is every customer; any other name is a saved audience, whose members at fire time enter.
  check: (config, context) =>
    config.audience !== 'all' && context.audiences && !context.audiences.has(config.audience)
      ? [{ code: 'audience.unknown', path: ['config', 'audience'], params: { audience: config.audience } }]
      : [],
  summary: ({ schedule, audience }) => ({
    code: 'schedule-trigger',
    params:
      schedule.kind === 'once'
        ? { kind: 'once', date: schedule.date, time: schedule.time, days: '', audience }
        : { kind: 'weekly', date: '', time: schedule.time, days: weekdaysParam(schedule.days), audience },
  }),
  trigger: {
    keys: (config) => [`schedule:${config.audience}`],
    nextFireAt: (config, _customer, after, zone) => nextScheduleFire(config, after, zone),
  },
  step: ({ nodeId, config }) => ({
    type: 'next',
    output: 'next',
    reason: { nodeId, code: 'trigger.schedule-reached', params: { audience: config.audience } },
  }),
});
