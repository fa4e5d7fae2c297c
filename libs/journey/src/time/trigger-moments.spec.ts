import { anniversaryIn, instantAtLocalTime, parseCalendarDay } from './trigger-moments';

describe('instantAtLocalTime', () => {
  it.each([
    {
      edge: 'a plain summer day in Paris',
      day: '2026-07-14',
      time: '10:00',
      zone: 'Europe/Paris',
      iso: '2026-07-14T08:00:00.000Z',
    },
    {
      edge: 'spring-forward night, skipped 02:30 -> 03:00',
      day: '2026-03-29',
      time: '02:30',
      zone: 'Europe/Paris',
      iso: '2026-03-29T01:00:00.000Z',
    },
    {
      edge: 'spring-forward night, 03:00 exists',
      day: '2026-03-29',
      time: '03:00',
      zone: 'Europe/Paris',
      iso: '2026-03-29T01:00:00.000Z',
    },
    {
      edge: 'fall-back night, 02:30 happens twice -> earlier',
      day: '2026-10-25',
      time: '02:30',
      zone: 'Europe/Paris',
      iso: '2026-10-25T00:30:00.000Z',
    },
    {
      edge: 'New York fall-back, 01:30 twice -> EDT',
      day: '2026-11-01',
      time: '01:30',
      zone: 'America/New_York',
      iso: '2026-11-01T05:30:00.000Z',
    },
    {
      edge: 'New York spring-forward, 02:15 skipped -> 03:00',
      day: '2026-03-08',
      time: '02:15',
      zone: 'America/New_York',
      iso: '2026-03-08T07:00:00.000Z',
    },
    {
      edge: '45-minute zone (Kathmandu +05:45)',
      day: '2026-07-15',
      time: '10:00',
      zone: 'Asia/Kathmandu',
      iso: '2026-07-15T04:15:00.000Z',
    },
    {
      edge: '45-minute zone with DST (Chatham +13:45)',
      day: '2026-01-10',
      time: '09:00',
      zone: 'Pacific/Chatham',
      iso: '2026-01-09T19:15:00.000Z',
    },
    {
      edge: 'a whole skipped day (Samoa 2011-12-30)',
      day: '2011-12-30',
      time: '10:00',
      zone: 'Pacific/Apia',
      iso: '2011-12-30T10:00:00.000Z',
    },
  ])('should give $iso when the time is on $edge', ({ day, time, zone, iso }) => {
    const [year, month, date] = day.split('-').map(Number) as [number, number, number];

    expect(instantAtLocalTime({ year, month, day: date }, time, zone).toISOString()).toBe(iso);
  });
});

describe('anniversaryIn', () => {
  it.each([
    { year: 2027, expected: { year: 2027, month: 2, day: 28 }, edge: 'a non-leap year' },
    { year: 2028, expected: { year: 2028, month: 2, day: 29 }, edge: 'a leap year' },
    { year: 2100, expected: { year: 2100, month: 2, day: 28 }, edge: 'a century that is not a leap year' },
    { year: 2000, expected: { year: 2000, month: 2, day: 29 }, edge: 'a century that is a leap year' },
  ])('should keep Feb 29 on $expected.day when the year is $edge', ({ year, expected }) => {
    expect(anniversaryIn(2, 29, year)).toEqual(expected);
  });
});

describe('parseCalendarDay', () => {
  it.each([
    ['1990-05-02', { year: 1990, month: 5, day: 2 }],
    ['1990-05-02T23:30:00-05:00', { year: 1990, month: 5, day: 2 }],
    ['1990-05-02T00:00:00.000Z', { year: 1990, month: 5, day: 2 }],
    ['2026-02-30', null],
    ['not a date', null],
    ['', null],
    [19900502, null],
    [null, null],
    [undefined, null],
  ])('should read %j as %j', (value, expected) => {
    expect(parseCalendarDay(value)).toEqual(expected);
  });
});
