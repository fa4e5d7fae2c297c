import { DateTime } from 'luxon';
import { z } from 'zod';
import { readProfile, type CustomerFacts } from '../graph/facts';
import { annualDate, atLocalTime, CLOCK_TIME_PATTERN, localDayOf, shiftDay, type LocalDay } from '../time/local-time';
import { defineNodeKind } from './node-kind';

const schema = z
  .object({
    attribute: z
      .string()
      .trim()
      .min(1, 'field.date-attribute.required')
      .max(200)
      .regex(/^[^.\s][^\s]*$/, 'field.attribute.path-format'),
    offset: z.object({
      amount: z
        .number()
        .int('field.number.whole')
        .min(-365, 'field.offset.days-before-max')
        .max(365, 'field.offset.days-after-max'),
      unit: z.enum(['days', 'weeks']),
    }),
    atTime: z.string().regex(CLOCK_TIME_PATTERN, 'field.time.format-morning'),
    recurrence: z.enum(['yearly', 'once']),
    ifPast: z.enum(['skip', 'run-now']),
  })
  .refine((config) => config.offset.unit === 'days' || Math.abs(config.offset.amount) <= 52, {
    message: 'field.offset.weeks-max',
    path: ['offset', 'amount'],
  });

export type DateTriggerConfig = z.infer<typeof schema>;

const offsetDays = (config: DateTriggerConfig): number =>
  config.offset.unit === 'weeks' ? config.offset.amount * 7 : config.offset.amount;

const momentFor = (config: DateTriggerConfig, day: LocalDay, zone: string): Date =>
  atLocalTime(shiftDay(day, offsetDays(config)), config.atTime, zone);

/** `YYYY-MM-DD`, or an ISO date-time read on the calendar day it was written in; anything else is null. */
export const parseCalendarDay = (value: unknown): LocalDay | null => {
  if (typeof value !== 'string') return null;
  const parsed = DateTime.fromISO(value.trim(), { setZone: true });
  return parsed.isValid ? { year: parsed.year, month: parsed.month, day: parsed.day } : null;
};

/**
 * When the customer enters next, strictly after `after`, in their zone. `yearly`: the next anniversary (Feb 29
 * kept on Feb 28 in other years, never before the date's own year) moved by the offset, so a birthday on Jan 2
 * with -3 days fires on Dec 30 of the year before. `once`: the date moved by the offset; when that moment is
 * already past, `skip` gives null and `run-now` gives `after` itself ("fire now"). The function cannot tell a
 * first check from a later one, so a `once` trigger fires at most one time per customer: the engine stores that
 * it fired and does not ask again. A missing or unreadable date gives null.
 */
export const nextDateTriggerFire = (
  config: DateTriggerConfig,
  customer: CustomerFacts,
  after: Date,
  zone: string,
): Date | null => {
  const date = parseCalendarDay(readProfile(customer, config.attribute));
  if (!date) return null;
  if (config.recurrence === 'once') {
    const moment = momentFor(config, date, zone);
    if (moment.getTime() > after.getTime()) return moment;
    return config.ifPast === 'run-now' ? after : null;
  }
  // The offset is at most a year, so five anniversaries from the year before `after` cover every case.
  const first = Math.max(localDayOf(after, zone).year - 2, date.year);
  for (let year = first; year <= first + 4; year += 1) {
    const moment = momentFor(config, annualDate(date.month, date.day, year), zone);
    if (moment.getTime() > after.getTime()) return moment;
  }
  return null;
};

/** Enrolls a customer on a date from their profile (birthday, renewal date), or its anniversary each year. */
export const dateTriggerKind = defineNodeKind({
  kind: 'date-trigger',
  category: 'trigger',
  title: 'On a date from the profile',
  schema,
  defaults: {
    attribute: 'birthday',
    offset: { amount: 0, unit: 'days' },
    atTime: '10:00',
    recurrence: 'yearly',
    ifPast: 'skip',
  },
  outputs: () => ['next'],
  summary: (config) => ({
    code: 'date-trigger',
    params: {
      amount: Math.abs(config.offset.amount),
      unit: config.offset.unit,
      direction: config.offset.amount === 0 ? 'on' : config.offset.amount < 0 ? 'before' : 'after',
      attribute: config.attribute,
      atTime: config.atTime,
      repeat: config.recurrence === 'yearly' ? 'yearly' : config.ifPast,
    },
  }),
  trigger: {
    keys: (config) => [`profile:${config.attribute}`],
    nextFireAt: nextDateTriggerFire,
  },
  step: ({ nodeId, config, customer }) => {
    const date = readProfile(customer, config.attribute);
    return {
      type: 'next',
      output: 'next',
      reason: {
        nodeId,
        code: 'trigger.date-reached',
        params: { attribute: config.attribute, date: typeof date === 'string' ? date : null },
      },
    };
  },
});
