import { periodKey } from './entry.service';

const key = (unit: 'days' | 'weeks' | 'months' | 'years', amount: number, at: string, zone = 'UTC') =>
  periodKey({ amount, unit }, new Date(at), zone);

describe('periodKey', () => {
  it.each([
    [
      'a yearly greeting an hour earlier the next year',
      key('years', 1, '2027-03-27T09:00:00Z'),
      key('years', 1, '2028-03-27T08:00:00Z'),
      false,
    ],
    [
      'Feb 26 2028 and Feb 25 2029 (a Feb 29 birthday)',
      key('years', 1, '2028-02-26T09:00:00Z'),
      key('years', 1, '2029-02-25T09:00:00Z'),
      false,
    ],
    [
      'January and December of one year',
      key('years', 1, '2026-01-01T00:00:00Z'),
      key('years', 1, '2026-12-31T23:00:00Z'),
      true,
    ],
    [
      'New Year in Tokyo while it is still Dec 31 in UTC',
      key('years', 1, '2026-12-31T15:00:00Z', 'Asia/Tokyo'),
      key('years', 1, '2026-12-31T10:00:00Z', 'Asia/Tokyo'),
      false,
    ],
    [
      'Monday and Sunday of one week',
      key('weeks', 1, '2026-11-23T08:00:00Z'),
      key('weeks', 1, '2026-11-29T20:00:00Z'),
      true,
    ],
    [
      'Sunday and the next Monday',
      key('weeks', 1, '2026-11-29T20:00:00Z'),
      key('weeks', 1, '2026-11-30T08:00:00Z'),
      false,
    ],
    [
      'two days of one day-period',
      key('days', 1, '2026-11-23T01:00:00Z'),
      key('days', 1, '2026-11-23T23:00:00Z'),
      true,
    ],
    [
      'months 1 and 2 of a two-month period',
      key('months', 2, '2026-01-15T00:00:00Z'),
      key('months', 2, '2026-02-15T00:00:00Z'),
      true,
    ],
  ])('should tell whether %s fall in one period', (_name, a, b, same) => {
    expect(a === b).toBe(same);
  });
});
