import { addDuration } from './calendar';
import { annualDate, atLocalTime, localClockAt, nextInsideWindow, nextLocalTime, weekdayOf } from './local-time';

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
});

describe('addDuration in days', () => {
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
