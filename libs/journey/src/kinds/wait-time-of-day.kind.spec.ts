import type { CustomerFacts } from '../graph/facts';
import { initialEnrollmentState } from '../interpreter/enrollment-state';
import type { StepContext } from './node-kind';
import { waitTimeOfDayKind, type WaitTimeOfDayConfig } from './wait-time-of-day.kind';

const customer: CustomerFacts = {
  id: 'c1',
  externalId: null,
  email: 'ada@example.com',
  phone: null,
  timeZone: 'Europe/Paris',
  locale: 'en',
  attributes: {},
};

const contextAt = (
  stepTime: string,
  config: Partial<WaitTimeOfDayConfig> = {},
  extra: Partial<StepContext<WaitTimeOfDayConfig>> = {},
): StepContext<WaitTimeOfDayConfig> => ({
  nodeId: 'at-ten',
  config: waitTimeOfDayKind.schema.parse({ time: '10:00', ...config }),
  resumed: false,
  input: { type: 'entry' },
  state: initialEnrollmentState('at-ten', new Date(stepTime)),
  visit: 1,
  customer,
  trigger: null,
  history: {},
  zone: 'Europe/Paris',
  stepTime: new Date(stepTime),
  now: new Date(stepTime),
  random: () => 0.5,
  ...extra,
});

describe('wait-time-of-day', () => {
  it.each([
    { name: 'later the same day', at: '2026-03-02T07:00:00Z', config: {}, until: '2026-03-02T09:00:00.000Z' },
    { name: 'after the time (next day)', at: '2026-03-02T11:00:00Z', config: {}, until: '2026-03-03T09:00:00.000Z' },
    // Friday 2026-03-06 after 10:00 Paris: the next weekday is Monday.
    {
      name: 'Friday afternoon, weekdays only',
      at: '2026-03-06T13:00:00Z',
      config: { days: [1, 2, 3, 4, 5] },
      until: '2026-03-09T09:00:00.000Z',
    },
    // Paris springs forward on 2026-03-29: 02:30 does not exist, it runs at 03:00 (01:00Z).
    {
      name: '02:30 on the spring-forward night',
      at: '2026-03-28T12:00:00Z',
      config: { time: '02:30' },
      until: '2026-03-29T01:00:00.000Z',
    },
  ])('should wait until the next local time when arriving $name', ({ at, config, until }) => {
    const sut = waitTimeOfDayKind.step(contextAt(at, config));

    expect(sut).toMatchObject({ type: 'wait', reason: { code: 'wait.until-time' } });
    expect(sut.type === 'wait' && sut.until.toISOString()).toBe(until);
  });

  it('should count from the step time when the job runs late', () => {
    const sut = waitTimeOfDayKind.step(
      contextAt('2026-03-02T07:00:00Z', {}, { now: new Date('2026-03-02T12:00:00Z') }),
    );

    // Due before 10:00, so it is due at 10:00 that day; the engine resumes at once because that is past.
    expect(sut.type === 'wait' && sut.until.toISOString()).toBe('2026-03-02T09:00:00.000Z');
  });

  it('should give the new local time when the customer changed time zone while waiting', () => {
    const before = waitTimeOfDayKind.step(contextAt('2026-03-02T07:00:00Z'));
    const after = waitTimeOfDayKind.step(contextAt('2026-03-02T07:00:00Z', {}, { zone: 'America/New_York' }));

    expect(before.type === 'wait' && before.until.toISOString()).toBe('2026-03-02T09:00:00.000Z');
    expect(after.type === 'wait' && after.until.toISOString()).toBe('2026-03-02T15:00:00.000Z');
  });

  it('should go on through next when resumed', () => {
    const sut = waitTimeOfDayKind.step(
      contextAt('2026-03-02T09:00:00Z', {}, { resumed: true, input: { type: 'timer' } }),
    );

    expect(sut).toEqual({
      type: 'next',
      output: 'next',
      reason: { nodeId: 'at-ten', code: 'wait.elapsed', params: {} },
    });
  });

  it.each([
    {
      name: 'a time without a leading zero',
      config: { time: '9:00' },
      message: 'field.time.format-24h',
    },
    { name: 'an hour past 23', config: { time: '24:00' }, message: 'field.time.format-24h' },
    { name: 'no day', config: { time: '10:00', days: [] }, message: 'field.days.required' },
    { name: 'day 8', config: { time: '10:00', days: [8] }, message: 'field.weekday.number' },
    { name: 'a day twice', config: { time: '10:00', days: [1, 1] }, message: 'field.days.unique' },
  ])('should explain the problem when the config has $name', ({ config, message }) => {
    const sut = waitTimeOfDayKind.schema.safeParse(config);

    expect(sut.success).toBe(false);
    expect(sut.error?.issues[0]?.message).toBe(message);
  });

  it.each([
    [{ time: '10:00', days: [1, 2, 3, 4, 5, 6, 7] }, 'every'],
    [{ time: '10:00', days: [1, 2, 3, 4, 5] }, 'weekdays'],
    [{ time: '10:00', days: [7, 6] }, 'weekends'],
    [{ time: '08:30', days: [3, 1] }, '1,3'],
  ])('should give the time and days of %j in the canvas summary', (config, days) => {
    expect(waitTimeOfDayKind.summary(config)).toEqual({
      code: 'wait-time-of-day',
      params: { time: config.time, days },
    });
  });
});
