import type { CustomerFacts } from '../graph/facts';
import { dateTriggerKind, nextDateTriggerFire, parseCalendarDay, type DateTriggerConfig } from './date-trigger.kind';

const customer = (attributes: Record<string, unknown>): CustomerFacts => ({
  id: 'c1',
  externalId: null,
  email: 'ada@example.com',
  phone: null,
  timeZone: null,
  locale: null,
  attributes,
});

const config = (overrides: Partial<DateTriggerConfig> = {}): DateTriggerConfig => ({
  attribute: 'birthday',
  offset: { amount: -3, unit: 'days' },
  atTime: '10:00',
  recurrence: 'yearly',
  ifPast: 'skip',
  ...overrides,
});

const days = (amount: number) => ({ amount, unit: 'days' as const });

describe('nextDateTriggerFire (yearly)', () => {
  it.each([
    {
      name: '3 days before the birthday at 10:00 Paris time',
      birthday: '1990-05-02',
      offset: days(-3),
      zone: 'Europe/Paris',
      after: '2026-03-27T09:15:00.000Z',
      expected: '2026-04-29T08:00:00.000Z',
    },
    {
      name: "next year's when this year's moment is exactly now (strictly after)",
      birthday: '1990-05-02',
      offset: days(-3),
      zone: 'Europe/Paris',
      after: '2026-04-29T08:00:00.000Z',
      expected: '2027-04-29T08:00:00.000Z',
    },
    {
      name: "next year's when this year's moment passed a minute ago",
      birthday: '1990-05-02',
      offset: days(-3),
      zone: 'Europe/Paris',
      after: '2026-04-29T08:01:00.000Z',
      expected: '2027-04-29T08:00:00.000Z',
    },
    {
      name: 'Feb 28 when a Feb 29 birthday falls in a non-leap year',
      birthday: '2000-02-29',
      offset: days(0),
      zone: 'UTC',
      after: '2026-01-01T00:00:00.000Z',
      expected: '2026-02-28T10:00:00.000Z',
    },
    {
      name: 'Feb 29 when a Feb 29 birthday falls in a leap year',
      birthday: '2000-02-29',
      offset: days(0),
      zone: 'UTC',
      after: '2028-02-28T12:00:00.000Z',
      expected: '2028-02-29T10:00:00.000Z',
    },
    {
      name: 'Feb 25 when 3 days before a Feb 29 birthday in a non-leap year',
      birthday: '2000-02-29',
      offset: days(-3),
      zone: 'UTC',
      after: '2027-01-01T00:00:00.000Z',
      expected: '2027-02-25T10:00:00.000Z',
    },
    {
      name: 'Dec 30 of the year before when the birthday is Jan 2 with -3 days',
      birthday: '1985-01-02',
      offset: days(-3),
      zone: 'UTC',
      after: '2026-06-01T00:00:00.000Z',
      expected: '2026-12-30T10:00:00.000Z',
    },
    {
      name: 'Dec 30 when the Jan 2 birthday is days away and the moment has passed',
      birthday: '1985-01-02',
      offset: days(-3),
      zone: 'UTC',
      after: '2026-12-31T00:00:00.000Z',
      expected: '2027-12-30T10:00:00.000Z',
    },
    {
      name: "Jan 4 of this year when last year's Dec 30 anniversary is moved 5 days on",
      birthday: '1990-12-30',
      offset: days(5),
      zone: 'UTC',
      after: '2026-01-02T00:00:00.000Z',
      expected: '2026-01-04T10:00:00.000Z',
    },
    {
      name: 'a week before when the offset is in weeks',
      birthday: '1990-05-02',
      offset: { amount: -1, unit: 'weeks' as const },
      zone: 'UTC',
      after: '2026-01-01T00:00:00.000Z',
      expected: '2026-04-25T10:00:00.000Z',
    },
    {
      name: '10:00 summer time when the day before is still winter time (DST day)',
      birthday: '1990-03-30',
      offset: days(-1),
      zone: 'Europe/Paris',
      after: '2026-03-01T00:00:00.000Z',
      expected: '2026-03-29T08:00:00.000Z',
    },
    {
      name: '03:00 when 02:30 is skipped by the spring-forward change',
      birthday: '1990-03-29',
      offset: days(0),
      atTime: '02:30',
      zone: 'Europe/Paris',
      after: '2026-03-01T00:00:00.000Z',
      expected: '2026-03-29T01:00:00.000Z',
    },
    {
      name: 'the earlier 02:30 when the fall-back change repeats it',
      birthday: '1990-10-25',
      offset: days(0),
      atTime: '02:30',
      zone: 'Europe/Paris',
      after: '2026-10-01T00:00:00.000Z',
      expected: '2026-10-25T00:30:00.000Z',
    },
    {
      name: '10:00 in a 45-minute zone (Kathmandu)',
      birthday: '1990-07-18',
      offset: days(-3),
      zone: 'Asia/Kathmandu',
      after: '2026-01-01T00:00:00.000Z',
      expected: '2026-07-15T04:15:00.000Z',
    },
    {
      name: "New Year's Day 10:00 local when UTC is still on Dec 31 (Auckland)",
      birthday: '1990-01-04',
      offset: days(-3),
      zone: 'Pacific/Auckland',
      after: '2026-12-31T12:00:00.000Z',
      expected: '2026-12-31T21:00:00.000Z',
    },
  ])('should fire at $expected when $name', ({ birthday, offset, atTime, zone, after, expected }) => {
    const sut = nextDateTriggerFire(
      config({ offset, atTime: atTime ?? '10:00' }),
      customer({ birthday }),
      new Date(after),
      zone,
    );

    expect(sut?.toISOString()).toBe(expected);
  });

  it('should never fire before the date itself when the date is in the future', () => {
    const sut = nextDateTriggerFire(
      config(),
      customer({ birthday: '2030-05-02' }),
      new Date('2026-01-01T00:00:00Z'),
      'UTC',
    );

    expect(sut?.toISOString()).toBe('2030-04-29T10:00:00.000Z');
  });

  it.each([
    ['missing', {}],
    ['not a date', { birthday: 'soon' }],
    ['an impossible day', { birthday: '1990-02-30' }],
    ['a number', { birthday: 19900502 }],
  ])('should never fire when the date is %s', (_, attributes) => {
    expect(nextDateTriggerFire(config(), customer(attributes), new Date('2026-01-01T00:00:00Z'), 'UTC')).toBeNull();
  });

  it('should read a nested attribute when the path has dots', () => {
    const sut = nextDateTriggerFire(
      config({ attribute: 'dates.anniversary', offset: days(0) }),
      customer({ dates: { anniversary: '2015-09-12' } }),
      new Date('2026-01-01T00:00:00Z'),
      'UTC',
    );

    expect(sut?.toISOString()).toBe('2026-09-12T10:00:00.000Z');
  });
});

describe('nextDateTriggerFire (once)', () => {
  const once = (ifPast: DateTriggerConfig['ifPast']) =>
    config({ attribute: 'trial_ends', offset: days(-2), atTime: '09:00', recurrence: 'once', ifPast });
  const trial = customer({ trial_ends: '2026-06-10' });

  it.each([
    {
      ifPast: 'skip' as const,
      after: '2026-06-01T00:00:00.000Z',
      expected: '2026-06-08T09:00:00.000Z',
      when: 'the moment is ahead',
    },
    {
      ifPast: 'run-now' as const,
      after: '2026-06-01T00:00:00.000Z',
      expected: '2026-06-08T09:00:00.000Z',
      when: 'the moment is ahead (run-now too)',
    },
    {
      ifPast: 'skip' as const,
      after: '2026-06-08T09:00:00.000Z',
      expected: null,
      when: 'the moment is now and past is skipped',
    },
    {
      ifPast: 'skip' as const,
      after: '2026-07-01T00:00:00.000Z',
      expected: null,
      when: 'the moment is past and past is skipped',
    },
    {
      ifPast: 'run-now' as const,
      after: '2026-07-01T00:00:00.000Z',
      expected: '2026-07-01T00:00:00.000Z',
      when: 'the moment is past and past runs now',
    },
  ])('should give $expected when $when', ({ ifPast, after, expected }) => {
    const sut = nextDateTriggerFire(once(ifPast), trial, new Date(after), 'UTC');

    expect(sut?.toISOString() ?? null).toBe(expected);
  });
});

describe('dateTriggerKind', () => {
  it('should be keyed by the profile attribute when indexed', () => {
    expect(dateTriggerKind.trigger?.keys(config())).toEqual(['profile:birthday']);
  });

  it.each([
    [config(), { amount: 3, unit: 'days', direction: 'before', repeat: 'yearly' }],
    [config({ offset: days(0) }), { amount: 0, unit: 'days', direction: 'on', repeat: 'yearly' }],
    [
      config({ offset: { amount: 1, unit: 'weeks' }, recurrence: 'once', ifPast: 'run-now' }),
      { amount: 1, unit: 'weeks', direction: 'after', repeat: 'run-now' },
    ],
  ])('should give the offset and the repetition of %j in the canvas summary', (given, params) => {
    expect(dateTriggerKind.summary(given)).toEqual({
      code: 'date-trigger',
      params: { attribute: 'birthday', atTime: '10:00', ...params },
    });
  });

  it.each([
    [{ ...config(), atTime: '25:00' }, 'field.time.format-morning'],
    [{ ...config(), offset: { amount: 53, unit: 'weeks' } }, 'field.offset.weeks-max'],
    [{ ...config(), offset: { amount: -400, unit: 'days' } }, 'field.offset.days-before-max'],
    [{ ...config(), attribute: '' }, 'field.date-attribute.required'],
  ])('should explain the problem when the config is %j', (given, message) => {
    const sut = dateTriggerKind.schema.safeParse(given);

    expect(sut.error?.issues.map((issue) => issue.message)).toContain(message);
  });

  it('should accept its defaults when a marketer drops it on the canvas', () => {
    expect(dateTriggerKind.schema.safeParse(dateTriggerKind.defaults).success).toBe(true);
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
  ])('should read %j as %j when it is a profile date', (value, expected) => {
    expect(parseCalendarDay(value)).toEqual(expected);
  });
});
