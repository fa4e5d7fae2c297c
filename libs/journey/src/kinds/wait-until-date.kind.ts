import { DateTime } from 'luxon';
import { z } from 'zod';
import { CONDITION_SOURCES } from '../graph/condition';
import { readPath, readProfile, type CustomerFacts, type EventFacts } from '../graph/facts';
import { addDuration, DURATION_UNITS } from '../time/calendar';
import { atLocalTime, localDayOf } from '../time/local-time';
import { defineNodeKind, type StepOutcome } from './node-kind';

const PATH = /^[^.\s][^\s]*$/;
const PATH_MESSAGE = 'field.path.format';

const schema = z.object({
  /** Where the date is read: the customer's profile, or the event that enrolled them. */
  source: z.enum(CONDITION_SOURCES),
  /** `birthday`, `subscription.ends_at`; for the event, `timestamp` is the event's own time. */
  path: z.string().trim().min(1, 'field.date-path.required').max(200).regex(PATH, PATH_MESSAGE),
  /** A number of days read from the same source and added (`products.refill_days`); the smallest if several. */
  addDaysFrom: z
    .string()
    .trim()
    .max(200)
    .regex(/^$|^[^.\s][^\s]*$/, PATH_MESSAGE)
    .optional(),
  /** Moved by this much (negative: before). Days and weeks are calendar days in the customer's zone. */
  offset: z.object({
    amount: z.number().int('field.number.whole').min(-100_000).max(100_000),
    unit: z.enum(DURATION_UNITS),
  }),
  /** At this local time on the day reached; empty keeps the time of day. */
  atTime: z
    .string()
    .trim()
    .regex(/^$|^([01]\d|2[0-3]):[0-5]\d$/, 'field.time.format-24h-morning')
    .optional(),
  /** When the moment has already passed or there is no usable date: go on through `next`, or leave by `skipped`. */
  ifPast: z.enum(['continue', 'skip']),
});

export type WaitUntilDateConfig = z.infer<typeof schema>;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

// Every value a path reads (through arrays, several), flattened.
const valuesAt = (config: WaitUntilDateConfig, path: string, customer: CustomerFacts, trigger: EventFacts | null) => {
  const value =
    config.source === 'profile'
      ? readProfile(customer, path)
      : path === 'timestamp'
        ? trigger?.timestamp
        : readPath(trigger?.properties, path);
  return value === undefined || value === null ? [] : Array.isArray(value) ? (value as unknown[]) : [value];
};

/** An ISO instant, or a `YYYY-MM-DD` day from its first minute in the customer's zone; null when not a date. */
const toInstant = (value: unknown, zone: string): Date | null => {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const parsed = DateTime.fromISO(text, { zone });
  if (!parsed.isValid) return null;
  return DATE_ONLY.test(text)
    ? atLocalTime({ year: parsed.year, month: parsed.month, day: parsed.day }, '00:00', zone)
    : parsed.toJSDate();
};

const toNumber = (value: unknown): number | null => {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? +value : NaN;
  return Number.isFinite(number) ? number : null;
};

/**
 * The moment to wait for: the date (the earliest if the path reads several), plus the days read from
 * `addDaysFrom` (the smallest), plus the offset, then at `atTime` on the day reached. Null when anything is missing.
 */
export const waitUntilDateMoment = (
  config: WaitUntilDateConfig,
  facts: { customer: CustomerFacts; trigger: EventFacts | null; zone: string },
): Date | null => {
  const { customer, trigger, zone } = facts;
  const dates = valuesAt(config, config.path, customer, trigger)
    .map((value) => toInstant(value, zone))
    .filter((date): date is Date => date !== null);
  if (dates.length === 0) return null;
  let moment = new Date(Math.min(...dates.map((date) => date.getTime())));
  if (config.addDaysFrom) {
    const days = valuesAt(config, config.addDaysFrom, customer, trigger)
      .map(toNumber)
      .filter((number): number is number => number !== null);
    if (days.length === 0) return null;
    moment = addDuration(moment, Math.round(Math.min(...days)), 'days', zone);
  }
  moment = addDuration(moment, config.offset.amount, config.offset.unit, zone);
  return config.atTime ? atLocalTime(localDayOf(moment, zone), config.atTime, zone) : moment;
};

/**
 * Holds the customer until a date read from their profile or the triggering event, moved by days read from a
 * property and an offset, optionally at a local time: the refill reminder is the event time + `refill_days` days
 * - 3 days at 10:00. The moment is computed on arrival in the customer's zone then; a later zone change counts from
 * their next wait.
 */
export const waitUntilDateKind = defineNodeKind({
  kind: 'wait-until-date',
  category: 'wait',
  alwaysPauses: false,
  title: 'Wait until a date',
  schema,
  defaults: { source: 'event', path: 'timestamp', offset: { amount: 1, unit: 'days' }, ifPast: 'continue' },
  // `skipped` exists only when a past date is set to skip; with `continue` every path goes on through `next`.
  outputs: (config) => (config.ifPast === 'skip' ? ['next', 'skipped'] : ['next']),
  summary: (config) => ({
    code: 'wait-until-date',
    params: {
      source: config.source === 'event' && config.path === 'timestamp' ? 'event-time' : config.source,
      path: config.path,
      addDaysFrom: config.addDaysFrom ?? '',
      amount: Math.abs(config.offset.amount),
      unit: config.offset.unit,
      direction: config.offset.amount === 0 ? 'on' : config.offset.amount < 0 ? 'before' : 'after',
      atTime: config.atTime ?? '',
      ifPast: config.ifPast,
    },
  }),
  step: ({ nodeId, config, resumed, customer, trigger, zone, stepTime }): StepOutcome => {
    if (resumed) return { type: 'next', output: 'next', reason: { nodeId, code: 'wait.elapsed', params: {} } };
    const output = config.ifPast === 'skip' ? 'skipped' : 'next';
    const then = config.ifPast;
    const until = waitUntilDateMoment(config, { customer, trigger, zone });
    if (!until) {
      const params = { source: config.source, path: config.path, addDaysFrom: config.addDaysFrom || null, then };
      return { type: 'next', output, reason: { nodeId, code: 'wait.date-missing', params } };
    }
    if (until.getTime() < stepTime.getTime()) {
      return {
        type: 'next',
        output,
        reason: { nodeId, code: 'wait.date-passed', params: { until: until.toISOString(), then } },
      };
    }
    return {
      type: 'wait',
      until,
      reason: {
        nodeId,
        code: 'wait.until-date',
        // Where the date comes from, as raw values the reader's language words; `date: null` because rows stored
        // before carry an English `date` that still reads as it was written.
        params: {
          source: config.source,
          path: config.path,
          addDaysFrom: config.addDaysFrom ?? null,
          date: null,
          until: until.toISOString(),
        },
      },
    };
  },
});
