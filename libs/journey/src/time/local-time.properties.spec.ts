// Property tests of the local-time math against an Intl-based oracle, biased towards DST nights.
import fc from 'fast-check';
import { addDuration } from './calendar';
import { atLocalTime, isInsideWindow, localClockAt, nextInsideWindow, nextLocalTime, shiftDay } from './local-time';

const ZONES = [
  'America/New_York',
  'Europe/Paris',
  'Asia/Kathmandu',
  'Australia/Adelaide',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'UTC',
] as const;

const MINUTE = 60_000;
const HOUR = 3_600_000;

// An oracle independent of the module: the wall clock straight from Intl, as "local time as if UTC" milliseconds.
const formatters = new Map<string, Intl.DateTimeFormat>();
const wallOf = (ms: number, zone: string): number => {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, format);
  }
  const part = (parts: Intl.DateTimeFormatPart[], type: string) => Number(parts.find((p) => p.type === type)?.value);
  const parts = format.formatToParts(new Date(ms));
  const local = Date.UTC(
    part(parts, 'year'),
    part(parts, 'month') - 1,
    part(parts, 'day'),
    part(parts, 'hour'),
    part(parts, 'minute'),
    part(parts, 'second'),
  );
  return local + (ms % 1000);
};

/** Wall clock for every whole minute in [from, to]: Intl once an hour, per minute only in hours holding a change. */
const wallScan = (from: number, to: number, zone: string): Map<number, number> => {
  const walls = new Map<number, number>();
  const first = Math.floor(from / MINUTE) * MINUTE;
  for (let hour = first; hour <= to; hour += HOUR) {
    const offset = wallOf(hour, zone) - hour;
    const changes = wallOf(hour + HOUR, zone) - (hour + HOUR) !== offset;
    for (let minute = hour; minute < hour + HOUR && minute <= to; minute += MINUTE) {
      walls.set(minute, changes ? wallOf(minute, zone) : minute + offset);
    }
  }
  return walls;
};

const hhmm = (minuteOfDay: number) =>
  `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;
const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
const wallMinuteOfDay = (wall: number) => Math.floor((((wall % 86_400_000) + 86_400_000) % 86_400_000) / MINUTE);
const wallDayStart = (wall: number) => wall - wallMinuteOfDay(wall) * MINUTE - (((wall % MINUTE) + MINUTE) % MINUTE);
const wallWeekday = (wall: number) => ((new Date(wall).getUTCDay() + 6) % 7) + 1;

/**
 * Whether the minute `t` is when "time on an allowed day" happens: the first reading of that wall time (a repeated
 * hour counts once), or the end of a DST gap that swallowed it.
 */
const isCandidate = (t: number, time: number, days: readonly number[], zone: string): boolean => {
  const wall = wallOf(t, zone);
  const previous = wallOf(t - MINUTE, zone);
  if (wall - previous > MINUTE) {
    for (const dayStart of new Set([wallDayStart(previous), wallDayStart(wall)])) {
      const wanted = dayStart + time * MINUTE;
      if (wanted > previous && wanted < wall && days.includes(wallWeekday(wanted))) return true;
    }
  }
  if (wallMinuteOfDay(wall) !== time || !days.includes(wallWeekday(wall))) return false;
  // A second reading: some earlier instant within 3 hours showed the same wall time.
  for (let back = 15 * MINUTE; back <= 3 * HOUR; back += 15 * MINUTE) {
    if (wallOf(t - back, zone) === wall) return false;
  }
  return true;
};

const DAY = 86_400_000;
const FIRST = Date.UTC(2000, 0, 1);
const LAST = Date.UTC(2040, 11, 31);

// Uniform instants almost never fall on a DST night: half the draws land within two days of one of the zone's
// offset changes (found by sampling Intl once a day).
const transitionsOf = (zone: string): number[] => {
  const found: number[] = [];
  for (let day = FIRST; day < LAST; day += DAY) {
    if (wallOf(day + DAY, zone) - (day + DAY) !== wallOf(day, zone) - day) found.push(day);
  }
  return found;
};
const transitions = new Map(ZONES.map((zone) => [zone, transitionsOf(zone)]));

const zonedInstantArb = fc.constantFrom(...ZONES).chain((zone) => {
  const near = transitions.get(zone) ?? [];
  const uniform = fc.integer({ min: FIRST, max: LAST });
  const nearChange =
    near.length > 0
      ? fc
          .tuple(fc.constantFrom(...near), fc.integer({ min: -2 * DAY, max: 3 * DAY }))
          .map(([day, shift]) => day + shift)
      : uniform;
  return fc.tuple(
    fc.constant(zone),
    fc.oneof(uniform, nearChange).map((ms) => new Date(ms)),
  );
});
// Times of day around the usual change hours (01:00-04:00) are drawn as often as the rest.
const timeArb = fc.oneof(fc.integer({ min: 0, max: 24 * 60 - 1 }), fc.integer({ min: 60, max: 240 }));
const daysArb = fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 });

describe('nextLocalTime', () => {
  it('should land after `after` on the wall time (or the end of its gap) and on the earliest one, for any zone', () => {
    fc.assert(
      fc.property(zonedInstantArb, timeArb, daysArb, ([zone, after], time, days) => {
        const sut = nextLocalTime(after, { time: hhmm(time), days }, zone).getTime();
        expect(sut).toBeGreaterThan(after.getTime());
        expect(sut % MINUTE).toBe(0);
        expect(isCandidate(sut, time, days, zone)).toBe(true);
        // Nothing earlier qualifies: scan every minute between for a wall time on an allowed day.
        const walls = wallScan(after.getTime() + 1, sut - MINUTE, zone);
        for (const [minute, wall] of walls) {
          if (minute <= after.getTime() || minute >= sut) continue;
          const previous = walls.get(minute - MINUTE);
          const jumped = previous !== undefined && wall - previous > MINUTE;
          if (jumped || (wallMinuteOfDay(wall) === time && days.includes(wallWeekday(wall)))) {
            expect([minute, isCandidate(minute, time, days, zone)]).toEqual([minute, false]);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('nextInsideWindow', () => {
  it('should return an instant inside the window, never before `at`, and `at` itself when inside, for any zone', () => {
    const windowArb = fc
      .record({ days: daysArb, from: timeArb, to: timeArb })
      .filter((window) => window.from !== window.to)
      .map((window) => ({ days: window.days, from: hhmm(window.from), to: hhmm(window.to) }));
    fc.assert(
      fc.property(zonedInstantArb, windowArb, ([zone, at], window) => {
        const sut = nextInsideWindow(at, window, zone);
        expect(sut.getTime()).toBeGreaterThanOrEqual(at.getTime());
        expect(isInsideWindow(sut, window, zone)).toBe(true);
        if (isInsideWindow(at, window, zone)) expect(sut).toEqual(at);
        // Checked again against the Intl wall clock, not the module's.
        const wall = wallOf(sut.getTime(), zone);
        const minute = wallMinuteOfDay(wall);
        const from = toMinutes(window.from);
        const to = toMinutes(window.to);
        const yesterday = ((wallWeekday(wall) + 5) % 7) + 1;
        const inside =
          from < to
            ? window.days.includes(wallWeekday(wall)) && minute >= from && minute < to
            : (window.days.includes(wallWeekday(wall)) && minute >= from) ||
              (window.days.includes(yesterday) && minute < to);
        expect(inside).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('addDuration in days', () => {
  it('should keep the wall-clock time when that time exists on the day it lands, for any zone', () => {
    fc.assert(
      fc.property(zonedInstantArb, fc.integer({ min: -400, max: 400 }), ([zone, from], days) => {
        const start = localClockAt(from, zone);
        const landing = shiftDay(start.day, days);
        const wanted = hhmm(start.minuteOfDay);
        // Skip days where that wall time falls in a DST gap.
        fc.pre(localClockAt(atLocalTime(landing, wanted, zone), zone).minuteOfDay === start.minuteOfDay);

        const sut = localClockAt(addDuration(from, days, 'days', zone), zone);
        expect(sut.day).toEqual(landing);
        expect(sut.minuteOfDay).toBe(start.minuteOfDay);
      }),
      { numRuns: 300 },
    );
  });
});
