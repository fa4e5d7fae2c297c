import fc from 'fast-check';
import { addDuration } from './calendar';
import {
  annualDate,
  atLocalTime,
  isInsideWindow,
  localClockAt,
  nextInsideWindow,
  nextLocalTime,
  shiftDay,
  weekdayOf,
} from './local-time';

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

describe('atLocalTime', () => {
  it.each([
    // Spring forward in New York on 2026-03-08: 02:00-02:59 never happens.
    {
      name: 'spring-forward 02:30 in New York',
      day: '2026-03-08',
      time: '02:30',
      zone: 'America/New_York',
      expected: '2026-03-08T07:00:00.000Z',
    },
    // Fall back on 2026-11-01: 01:30 happens at 05:30Z (EDT) and 06:30Z (EST); the earlier one runs.
    {
      name: 'fall-back 01:30 in New York',
      day: '2026-11-01',
      time: '01:30',
      zone: 'America/New_York',
      expected: '2026-11-01T05:30:00.000Z',
    },
    // Chatham springs forward at 02:45 to 03:45 (+12:45 to +13:45) on 2026-09-27.
    {
      name: 'spring-forward 03:00 in Chatham',
      day: '2026-09-27',
      time: '03:00',
      zone: 'Pacific/Chatham',
      expected: '2026-09-26T14:00:00.000Z',
    },
    {
      name: '10:00 in Kathmandu (+05:45)',
      day: '2026-06-01',
      time: '10:00',
      zone: 'Asia/Kathmandu',
      expected: '2026-06-01T04:15:00.000Z',
    },
    // Adelaide falls back on 2026-04-05 at 03:00 to 02:00 (+10:30 to +09:30).
    {
      name: 'fall-back 02:30 in Adelaide',
      day: '2026-04-05',
      time: '02:30',
      zone: 'Australia/Adelaide',
      expected: '2026-04-04T16:00:00.000Z',
    },
    { name: 'midnight in UTC', day: '2026-01-01', time: '00:00', zone: 'UTC', expected: '2026-01-01T00:00:00.000Z' },
  ])('should resolve $name when asked for that day', ({ day, time, zone, expected }) => {
    const [year, month, date] = day.split('-').map(Number) as [number, number, number];
    expect(atLocalTime({ year, month, day: date }, time, zone).toISOString()).toBe(expected);
  });

  it('should reject a time that is not HH:mm when given one', () => {
    expect(() => atLocalTime({ year: 2026, month: 1, day: 1 }, '9:00', 'UTC')).toThrow('is not a time like 10:00');
  });
});

describe('nextLocalTime', () => {
  it.each([
    {
      name: 'later the same day',
      after: '2026-03-02T08:00:00Z',
      time: '10:00',
      days: undefined,
      zone: 'Europe/Paris',
      expected: '2026-03-02T09:00:00.000Z',
    },
    {
      name: 'exactly at the time (strictly after)',
      after: '2026-03-02T09:00:00Z',
      time: '10:00',
      days: undefined,
      zone: 'Europe/Paris',
      expected: '2026-03-03T09:00:00.000Z',
    },
    // Friday 2026-03-06 evening in Paris: the next weekday at 10:00 is Monday.
    {
      name: 'the next weekday after a Friday',
      after: '2026-03-06T18:00:00Z',
      time: '10:00',
      days: [1, 2, 3, 4, 5],
      zone: 'Europe/Paris',
      expected: '2026-03-09T09:00:00.000Z',
    },
    {
      name: 'spring-forward 02:30 in New York runs at 03:00',
      after: '2026-03-07T12:00:00Z',
      time: '02:30',
      days: undefined,
      zone: 'America/New_York',
      expected: '2026-03-08T07:00:00.000Z',
    },
    {
      name: 'fall-back 01:30 in New York runs at the first 01:30',
      after: '2026-10-31T12:00:00Z',
      time: '01:30',
      days: undefined,
      zone: 'America/New_York',
      expected: '2026-11-01T05:30:00.000Z',
    },
    // After the first 01:30 (EDT) the repeated 01:30 (EST) does not count: it ran once.
    {
      name: 'fall-back 01:30 in New York once only',
      after: '2026-11-01T05:30:00Z',
      time: '01:30',
      days: undefined,
      zone: 'America/New_York',
      expected: '2026-11-02T06:30:00.000Z',
    },
    // Late Sunday in UTC is already Monday in Kolkata.
    {
      name: 'the day in the customer zone',
      after: '2026-03-08T20:00:00Z',
      time: '09:00',
      days: [1],
      zone: 'Asia/Kolkata',
      expected: '2026-03-09T03:30:00.000Z',
    },
  ])('should find $name when waiting for a local time', ({ after, time, days, zone, expected }) => {
    expect(nextLocalTime(new Date(after), { time, days }, zone).toISOString()).toBe(expected);
  });

  it('should give the new local time when the customer moved zone while waiting', () => {
    const after = new Date('2026-03-02T06:00:00Z');
    const inParis = nextLocalTime(after, { time: '10:00' }, 'Europe/Paris');
    const inNewYork = nextLocalTime(after, { time: '10:00' }, 'America/New_York');

    expect(inParis.toISOString()).toBe('2026-03-02T09:00:00.000Z');
    expect(inNewYork.toISOString()).toBe('2026-03-02T15:00:00.000Z');
  });

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
  const weekdays9to18 = { days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' };
  const nights = { days: [1, 2, 3, 4, 5, 6, 7], from: '21:00', to: '09:00' };

  it.each([
    {
      name: 'inside on a Tuesday afternoon',
      at: '2026-03-03T14:00:00Z',
      window: weekdays9to18,
      zone: 'UTC',
      expected: '2026-03-03T14:00:00.000Z',
    },
    {
      name: 'at the opening minute (from is inclusive)',
      at: '2026-03-03T09:00:00Z',
      window: weekdays9to18,
      zone: 'UTC',
      expected: '2026-03-03T09:00:00.000Z',
    },
    {
      name: 'at the closing minute (to is exclusive)',
      at: '2026-03-03T18:00:00Z',
      window: weekdays9to18,
      zone: 'UTC',
      expected: '2026-03-04T09:00:00.000Z',
    },
    {
      name: 'on a Saturday',
      at: '2026-03-07T10:00:00Z',
      window: weekdays9to18,
      zone: 'UTC',
      expected: '2026-03-09T09:00:00.000Z',
    },
    {
      name: 'before dawn in Paris',
      at: '2026-03-03T05:00:00Z',
      window: weekdays9to18,
      zone: 'Europe/Paris',
      expected: '2026-03-03T08:00:00.000Z',
    },
    {
      name: 'after midnight inside a night window',
      at: '2026-03-03T02:00:00Z',
      window: nights,
      zone: 'UTC',
      expected: '2026-03-03T02:00:00.000Z',
    },
    {
      name: 'in the afternoon outside a night window',
      at: '2026-03-03T12:00:00Z',
      window: nights,
      zone: 'UTC',
      expected: '2026-03-03T21:00:00.000Z',
    },
    // Friday's 21:00-09:00 window runs into Saturday morning; Sunday's does not exist.
    {
      name: 'Saturday morning in a weekday night window',
      at: '2026-03-07T08:00:00Z',
      window: { ...nights, days: [5] },
      zone: 'UTC',
      expected: '2026-03-07T08:00:00.000Z',
    },
    {
      name: 'Monday morning in a weekday night window',
      at: '2026-03-09T08:00:00Z',
      window: { ...nights, days: [5] },
      zone: 'UTC',
      expected: '2026-03-13T21:00:00.000Z',
    },
    // 02:30 does not exist on 2026-03-08 in New York: the window opens at 03:00.
    {
      name: 'an opening in the spring-forward gap',
      at: '2026-03-08T05:00:00Z',
      window: { days: [7], from: '02:30', to: '05:00' },
      zone: 'America/New_York',
      expected: '2026-03-08T07:00:00.000Z',
    },
  ])('should give $name', ({ at, window, zone, expected }) => {
    expect(nextInsideWindow(new Date(at), window, zone).toISOString()).toBe(expected);
  });

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

  it('should land at the same wall clock when waiting 1 day across spring DST in New York', () => {
    const sut = addDuration(new Date('2026-03-07T15:00:00Z'), 1, 'days', 'America/New_York');
    expect(sut.toISOString()).toBe('2026-03-08T14:00:00.000Z');
    expect(localClockAt(sut, 'America/New_York').minuteOfDay).toBe(10 * 60);
  });
});

describe('annualDate', () => {
  it.each([
    { month: 2, day: 29, year: 2027, expected: { year: 2027, month: 2, day: 28 } },
    { month: 2, day: 29, year: 2028, expected: { year: 2028, month: 2, day: 29 } },
    { month: 2, day: 29, year: 2100, expected: { year: 2100, month: 2, day: 28 } },
    { month: 2, day: 29, year: 2000, expected: { year: 2000, month: 2, day: 29 } },
    { month: 4, day: 31, year: 2026, expected: { year: 2026, month: 4, day: 30 } },
    { month: 12, day: 31, year: 2026, expected: { year: 2026, month: 12, day: 31 } },
  ])(
    'should place $month/$day on $expected.month/$expected.day when the year is $year',
    ({ month, day, year, expected }) => {
      expect(annualDate(month, day, year)).toEqual(expected);
    },
  );
});

describe('weekdayOf', () => {
  it.each([
    [{ year: 2026, month: 3, day: 2 }, 1],
    [{ year: 2026, month: 3, day: 8 }, 7],
    [{ year: 2000, month: 2, day: 29 }, 2],
  ])('should give ISO weekday of %j as %i', (day, expected) => {
    expect(weekdayOf(day)).toBe(expected);
  });
});
