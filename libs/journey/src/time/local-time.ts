import { Info, type Zone } from 'luxon';

// Local-time math shared by the waits and the date triggers. Wall-clock rules, chosen so that a moment runs once:
// a time skipped by a DST change (02:30 on a spring-forward night) moves to the first valid minute after the gap
// (03:00); a time that happens twice (01:30 on a fall-back night) is the earlier one. Instants in, instants out:
// nothing here reads the clock.

/** A calendar day with no zone (a birthday, the day a wait lands on). */
export type LocalDay = { year: number; month: number; day: number };

/** ISO weekdays: 1 is Monday, 7 is Sunday. */
export const ALL_WEEKDAYS: readonly number[] = [1, 2, 3, 4, 5, 6, 7];

/** `HH:mm`, 24-hour: `09:00`, `21:30`. */
export const CLOCK_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

const MINUTE = 60_000;
const DAY = 86_400_000;

const zones = new Map<string, Zone>();

// Offset of the zone at an instant, in milliseconds.
const offsetAt = (zone: string, ms: number): number => {
  let resolved = zones.get(zone);
  if (!resolved) {
    resolved = Info.normalizeZone(zone);
    if (zones.size < 1000) zones.set(zone, resolved);
  }
  return resolved.offset(ms) * MINUTE;
};

const clockMinutes = (time: string): number => {
  if (!CLOCK_TIME_PATTERN.test(time)) throw new Error(`"${time}" is not a time like 10:00`);
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
};

// A day and a minute of that day, as if the wall clock were UTC (comparable, no zone).
const wallMs = (day: LocalDay, minuteOfDay: number): number =>
  Date.UTC(day.year, day.month - 1, day.day) + minuteOfDay * MINUTE;

const dayOfWall = (ms: number): LocalDay => {
  const date = new Date(ms);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
};

/** The calendar day `days` after (or before) a day. */
export const shiftDay = (day: LocalDay, days: number): LocalDay => dayOfWall(wallMs(day, 0) + days * DAY);

/** ISO weekday of a calendar day. */
export const weekdayOf = (day: LocalDay): number => ((new Date(wallMs(day, 0)).getUTCDay() + 6) % 7) + 1;

/** What the wall clock shows at an instant in a zone: its day, ISO weekday and minute of the day. */
export const localClockAt = (at: Date, zone: string): { day: LocalDay; weekday: number; minuteOfDay: number } => {
  const wall = at.getTime() + offsetAt(zone, at.getTime());
  const day = dayOfWall(wall);
  return { day, weekday: weekdayOf(day), minuteOfDay: Math.floor((wall - wallMs(day, 0)) / MINUTE) };
};

/** The calendar day an instant falls on in a zone. */
export const localDayOf = (at: Date, zone: string): LocalDay => localClockAt(at, zone).day;

/**
 * The instant a day's `HH:mm` happens in a zone. A skipped time resolves to the first valid minute after the gap;
 * a repeated one to the earlier instant.
 */
export const atLocalTime = (day: LocalDay, time: string, zone: string): Date => {
  const wall = wallMs(day, clockMinutes(time));
  // Zones change offset at most once within a day either side, so these two offsets are the only candidates.
  const before = offsetAt(zone, wall - DAY);
  const after = offsetAt(zone, wall + DAY);
  const exact = [wall - before, wall - after].filter((instant) => instant + offsetAt(zone, instant) === wall);
  if (exact.length > 0) return new Date(Math.min(...exact));
  // In the gap: `low` is still before the jump, `high` after it; the jump is the first valid minute.
  let low = Math.min(wall - before, wall - after);
  let high = Math.max(wall - before, wall - after);
  while (high - low > MINUTE) {
    const middle = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE;
    if (offsetAt(zone, middle) === offsetAt(zone, low)) low = middle;
    else high = middle;
  }
  return new Date(high);
};

/**
 * The first instant strictly after `after` whose local wall time is `time` on an allowed ISO weekday (all by
 * default). A skipped time counts at the end of the gap, a repeated one only once.
 */
export const nextLocalTime = (after: Date, rule: { time: string; days?: readonly number[] }, zone: string): Date => {
  const days = rule.days && rule.days.length > 0 ? rule.days : ALL_WEEKDAYS;
  const start = localDayOf(after, zone);
  // Resolved instants grow day by day, so the first one after `after` is the earliest.
  let candidate = new Date(Number.NaN);
  for (let offset = -1; offset <= 8; offset += 1) {
    const day = shiftDay(start, offset);
    if (!days.includes(weekdayOf(day))) continue;
    candidate = atLocalTime(day, rule.time, zone);
    if (candidate.getTime() > after.getTime()) return candidate;
  }
  return candidate;
};

/** A weekly window: open on `days` from `from` (inclusive) to `to` (exclusive); `to` before `from` ends next day. */
export type LocalWindow = { days: readonly number[]; from: string; to: string };

/**
 * Whether the wall clock at `at` is inside the window. A window spanning midnight (21:00-09:00) belongs to the day
 * it opens: Friday's window runs into Saturday morning.
 */
export const isInsideWindow = (at: Date, window: LocalWindow, zone: string): boolean => {
  const from = clockMinutes(window.from);
  const to = clockMinutes(window.to);
  const { weekday, minuteOfDay } = localClockAt(at, zone);
  if (from < to) return window.days.includes(weekday) && minuteOfDay >= from && minuteOfDay < to;
  const yesterday = weekday === 1 ? 7 : weekday - 1;
  return (
    (window.days.includes(weekday) && minuteOfDay >= from) || (window.days.includes(yesterday) && minuteOfDay < to)
  );
};

/**
 * `at` itself when inside the window, else the next time it opens. An opening is the window's `from` on an open
 * day (resolved like `atLocalTime`); the hour repeated when clocks go back does not reopen a window that closed.
 */
export const nextInsideWindow = (at: Date, window: LocalWindow, zone: string): Date => {
  if (isInsideWindow(at, window, zone)) return at;
  const start = localDayOf(at, zone);
  let candidate = at;
  for (let offset = -1; offset <= 15; offset += 1) {
    const day = shiftDay(start, offset);
    if (!window.days.includes(weekdayOf(day))) continue;
    candidate = atLocalTime(day, window.from, zone);
    // An opening swallowed by a DST gap (02:00-02:30 on a spring-forward night) does not open that day.
    if (candidate.getTime() > at.getTime() && isInsideWindow(candidate, window, zone)) return candidate;
  }
  return candidate;
};

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * A yearly date in a given year: a day the month lacks moves to the month's last day, so Feb 29 is greeted on
 * Feb 28 in non-leap years.
 */
export const annualDate = (month: number, day: number, year: number): LocalDay => {
  const monthLength = month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return { year, month, day: Math.min(day, monthLength) };
};
