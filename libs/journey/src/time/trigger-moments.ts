import { DateTime } from 'luxon';

// Date math for the date and schedule triggers. The local-time rules match the shared `time/local-time.ts`
// (nonexistent time -> first valid minute after, ambiguous -> earlier, Feb 29 -> Feb 28); switch to it once it lands.

/** A calendar day with no zone: a birthday, a scheduled date. */
export type CalendarDay = { year: number; month: number; day: number };

export const TIME_OF_DAY_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

const MINUTE = 60_000;

/** `YYYY-MM-DD`, or an ISO date-time read on the calendar day it was written in; anything else is null. */
export const parseCalendarDay = (value: unknown): CalendarDay | null => {
  if (typeof value !== 'string') return null;
  const parsed = DateTime.fromISO(value.trim(), { setZone: true });
  return parsed.isValid ? { year: parsed.year, month: parsed.month, day: parsed.day } : null;
};

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The day a yearly date falls on in `year`: Feb 29 is kept on Feb 28 in years without one. */
export const anniversaryIn = (month: number, day: number, year: number): CalendarDay =>
  month === 2 && day === 29 && !isLeapYear(year) ? { year, month, day: 28 } : { year, month, day };

export const addDays = (date: CalendarDay, days: number): CalendarDay => {
  const moved = DateTime.fromObject(date, { zone: 'utc' }).plus({ days });
  return { year: moved.year, month: moved.month, day: moved.day };
};

/** ISO weekday: 1 is Monday, 7 is Sunday. */
export const weekdayOf = (date: CalendarDay): number => DateTime.fromObject(date, { zone: 'utc' }).weekday;

/** The calendar day an instant falls on in a zone. */
export const calendarDayAt = (instant: Date, zone: string): CalendarDay => {
  const local = DateTime.fromJSDate(instant, { zone });
  return { year: local.year, month: local.month, day: local.day };
};

// The wall clock an instant shows in the zone, as if that wall clock were UTC (minutes since the epoch).
const wallMinutes = (instantMs: number, zone: string): number => {
  const local = DateTime.fromMillis(instantMs, { zone });
  return Math.round((instantMs + local.offset * MINUTE) / MINUTE);
};

/**
 * The instant a day's `HH:mm` happens in a zone. A time skipped by a DST change (02:30 on a spring-forward night)
 * is moved to the first minute that exists after it; a time that happens twice (01:30 on a fall-back night) is
 * the earlier one.
 */
export const instantAtLocalTime = (date: CalendarDay, time: string, zone: string): Date => {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wanted = DateTime.fromObject({ ...date, hour, minute }, { zone: 'utc' }).toMillis() / MINUTE;
  const offsets = new Set(
    [-36, 0, 36].map((hours) => DateTime.fromMillis((wanted + hours * 60) * MINUTE, { zone }).offset),
  );
  const exact = [...offsets]
    .map((offset) => wanted - offset)
    .filter((candidate) => wallMinutes(candidate * MINUTE, zone) === wanted)
    .sort((a, b) => a - b);
  if (exact[0] !== undefined) return new Date(exact[0] * MINUTE);
  // Skipped: the first instant whose wall clock is past the wanted time is the end of the gap.
  let low = wanted - Math.max(...offsets);
  let high = wanted - Math.min(...offsets);
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (wallMinutes(middle * MINUTE, zone) >= wanted) high = middle;
    else low = middle + 1;
  }
  return new Date(low * MINUTE);
};
