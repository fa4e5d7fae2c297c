import { DateTime } from 'luxon';

export const DURATION_UNITS = ['minutes', 'hours', 'days', 'weeks'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export const FALLBACK_TIME_ZONE = 'UTC';

/** A usable IANA zone: the customer's if valid, else the fallback (a bad zone must never stop a journey). */
export const effectiveZone = (zone: string | null | undefined, fallback = FALLBACK_TIME_ZONE): string =>
  zone && isValidZone(zone) ? zone : fallback;

// Zone validity never changes at run time, and checking it builds a formatter: remember the answers.
const zoneValidity = new Map<string, boolean>();

export const isValidZone = (zone: string): boolean => {
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    valid = DateTime.fromMillis(0, { zone }).isValid;
    if (zoneValidity.size < 1000) zoneValidity.set(zone, valid);
  }
  return valid;
};

/**
 * Adds a duration the way a person means it: minutes and hours are elapsed time, days and weeks are calendar
 * days in the customer's zone, so "wait 1 day" across a DST change lands at the same wall-clock time.
 */
export const addDuration = (from: Date, amount: number, unit: DurationUnit, zone: string): Date =>
  DateTime.fromJSDate(from, { zone })
    .plus({ [unit]: amount })
    .toJSDate();
