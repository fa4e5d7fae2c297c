import { addDuration, effectiveZone } from './calendar';

describe('addDuration', () => {
  it.each([
    // Spring forward in New York (2026-03-08): a calendar day keeps 09:00 local, so it is only 23 hours.
    {
      name: '1 day across spring DST in New York',
      from: '2026-03-07T14:00:00Z',
      amount: 1,
      unit: 'days',
      zone: 'America/New_York',
      expected: '2026-03-08T13:00:00.000Z',
    },
    // Fall back in Paris (2026-10-25): 25 hours later, same 10:00 wall clock.
    {
      name: '1 day across fall-back DST in Paris',
      from: '2026-10-24T08:00:00Z',
      amount: 1,
      unit: 'days',
      zone: 'Europe/Paris',
      expected: '2026-10-25T09:00:00.000Z',
    },
    {
      name: '24 hours across spring DST stays elapsed time',
      from: '2026-03-07T14:00:00Z',
      amount: 24,
      unit: 'hours',
      zone: 'America/New_York',
      expected: '2026-03-08T14:00:00.000Z',
    },
    {
      name: '1 week in a 45-minute offset zone',
      from: '2026-01-01T00:00:00Z',
      amount: 1,
      unit: 'weeks',
      zone: 'Asia/Kathmandu',
      expected: '2026-01-08T00:00:00.000Z',
    },
    {
      name: '90 minutes',
      from: '2026-01-01T23:00:00Z',
      amount: 90,
      unit: 'minutes',
      zone: 'UTC',
      expected: '2026-01-02T00:30:00.000Z',
    },
  ] as const)('should land on the right instant for $name', ({ from, amount, unit, zone, expected }) => {
    expect(addDuration(new Date(from), amount, unit, zone).toISOString()).toBe(expected);
  });
});

describe('effectiveZone', () => {
  it.each([
    ['Asia/Shanghai', 'Asia/Shanghai'],
    ['Not/AZone', 'UTC'],
    [null, 'UTC'],
    ['', 'UTC'],
  ])('should use %s as %s', (zone, expected) => {
    expect(effectiveZone(zone)).toBe(expected);
  });
});
