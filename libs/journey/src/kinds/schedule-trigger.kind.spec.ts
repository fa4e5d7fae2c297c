import type { CustomerFacts } from '../graph/facts';
import { nextScheduleFire, scheduleTriggerKind, type ScheduleTriggerConfig } from './schedule-trigger.kind';

const weekly = (days: number[], time = '09:00'): ScheduleTriggerConfig => ({
  audience: 'newsletter',
  schedule: { kind: 'weekly', days, time },
});

const once = (date: string, time = '09:00'): ScheduleTriggerConfig => ({
  audience: 'black-friday',
  schedule: { kind: 'once', date, time },
});

const anyone: CustomerFacts = {
  id: 'c1',
  externalId: null,
  email: null,
  phone: null,
  timeZone: null,
  locale: null,
  attributes: {},
};

// 2026-03-27 is a Friday.
describe('nextScheduleFire', () => {
  it.each([
    {
      when: 'Monday is the next allowed day',
      config: weekly([1]),
      zone: 'UTC',
      after: '2026-03-27T12:00:00.000Z',
      expected: '2026-03-30T09:00:00.000Z',
    },
    {
      when: "today's time is still ahead",
      config: weekly([5]),
      zone: 'UTC',
      after: '2026-03-27T08:59:00.000Z',
      expected: '2026-03-27T09:00:00.000Z',
    },
    {
      when: "today's time is exactly now (strictly after)",
      config: weekly([5]),
      zone: 'UTC',
      after: '2026-03-27T09:00:00.000Z',
      expected: '2026-04-03T09:00:00.000Z',
    },
    {
      when: 'several days are allowed',
      config: weekly([2, 6]),
      zone: 'UTC',
      after: '2026-03-27T12:00:00.000Z',
      expected: '2026-03-28T09:00:00.000Z',
    },
    {
      when: 'Sunday (7) is the only day',
      config: weekly([7]),
      zone: 'UTC',
      after: '2026-03-27T12:00:00.000Z',
      expected: '2026-03-29T09:00:00.000Z',
    },
    {
      when: "it is the customer's local 09:00 in Paris (summer time begins that Sunday)",
      config: weekly([7]),
      zone: 'Europe/Paris',
      after: '2026-03-27T12:00:00.000Z',
      expected: '2026-03-29T07:00:00.000Z',
    },
    {
      when: 'the time is skipped on the DST night (02:30 -> 03:00)',
      config: weekly([7], '02:30'),
      zone: 'Europe/Paris',
      after: '2026-03-27T12:00:00.000Z',
      expected: '2026-03-29T01:00:00.000Z',
    },
    {
      when: 'the customer is in a 45-minute zone (Kathmandu)',
      config: weekly([1]),
      zone: 'Asia/Kathmandu',
      after: '2026-03-27T12:00:00.000Z',
      expected: '2026-03-30T03:15:00.000Z',
    },
    {
      when: 'it is already Saturday in Tokyo while UTC is on Friday',
      config: weekly([6]),
      zone: 'Asia/Tokyo',
      after: '2026-03-27T20:00:00.000Z',
      expected: '2026-03-28T00:00:00.000Z',
    },
    {
      when: 'a one-off date is ahead',
      config: once('2026-11-27'),
      zone: 'America/New_York',
      after: '2026-03-27T12:00:00.000Z',
      expected: '2026-11-27T14:00:00.000Z',
    },
    {
      when: 'a one-off date is past',
      config: once('2026-01-05'),
      zone: 'UTC',
      after: '2026-03-27T12:00:00.000Z',
      expected: null,
    },
    {
      when: 'a one-off moment is exactly now',
      config: once('2026-03-27'),
      zone: 'UTC',
      after: '2026-03-27T09:00:00.000Z',
      expected: null,
    },
  ])('should give $expected when $when', ({ config, zone, after, expected }) => {
    const sut = nextScheduleFire(config, new Date(after), zone);

    expect(sut?.toISOString() ?? null).toBe(expected);
  });

  it('should use the same rule through the trigger behaviour when the engine asks', () => {
    const sut = scheduleTriggerKind.trigger?.nextFireAt?.(weekly([1]), anyone, new Date('2026-03-27T12:00:00Z'), 'UTC');

    expect(sut?.toISOString()).toBe('2026-03-30T09:00:00.000Z');
  });
});

describe('scheduleTriggerKind', () => {
  it('should be keyed by the audience when indexed', () => {
    expect(scheduleTriggerKind.trigger?.keys(weekly([1]))).toEqual(['schedule:newsletter']);
  });

  it.each([
    [weekly([4, 1]), { kind: 'weekly', date: '', time: '09:00', days: '1,4', audience: 'newsletter' }],
    [
      weekly([1, 2, 3, 4, 5, 6, 7], '18:30'),
      { kind: 'weekly', date: '', time: '18:30', days: 'every', audience: 'newsletter' },
    ],
    [once('2026-11-27'), { kind: 'once', date: '2026-11-27', time: '09:00', days: '', audience: 'black-friday' }],
  ])('should give the schedule of %j in the canvas summary', (config, params) => {
    expect(scheduleTriggerKind.summary(config)).toEqual({ code: 'schedule-trigger', params });
  });

  it.each([
    [{ audience: 'a', schedule: { kind: 'weekly', days: [], time: '09:00' } }, 'field.weekdays.required'],
    [{ audience: 'a', schedule: { kind: 'weekly', days: [1, 1], time: '09:00' } }, 'field.weekdays.unique'],
    [{ audience: 'a', schedule: { kind: 'weekly', days: [8], time: '09:00' } }, 'field.weekday.range'],
    [{ audience: 'a', schedule: { kind: 'once', date: '2026-02-30', time: '09:00' } }, 'field.date.not-a-day'],
    [{ audience: 'a', schedule: { kind: 'once', date: '27/11/2026', time: '09:00' } }, 'field.date.format'],
    [{ audience: 'a', schedule: { kind: 'once', date: '2026-11-27', time: '9am' } }, 'field.time.format'],
    [{ audience: '', schedule: { kind: 'weekly', days: [1], time: '09:00' } }, 'field.audience.send-required'],
  ])('should explain the problem when the config is %j', (config, message) => {
    const sut = scheduleTriggerKind.schema.safeParse(config);

    expect(sut.error?.issues.map((issue) => issue.message)).toContain(message);
  });
});
