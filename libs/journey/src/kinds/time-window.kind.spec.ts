import { journeyDocumentSchema } from '../graph/journey.schema';
import type { CustomerFacts } from '../graph/facts';
import { advance, type JourneyVersionSnapshot } from '../interpreter/advance';
import { initialEnrollmentState, type EnrollmentSnapshot } from '../interpreter/enrollment-state';
import { timeWindowKind } from './time-window.kind';

const customer = (timeZone: string): CustomerFacts => ({
  id: 'c1',
  externalId: null,
  email: 'ada@example.com',
  phone: null,
  timeZone,
  locale: 'en',
  attributes: {},
});

const version: JourneyVersionSnapshot = {
  id: 'v1',
  document: journeyDocumentSchema.parse({
    format: 'rapport.journey/v1',
    name: 'office hours',
    nodes: [
      { id: 'order', kind: 'event-trigger', config: { event: 'Order Completed' } },
      { id: 'hours', kind: 'time-window', config: { days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' } },
      { id: 'done', kind: 'exit', config: {} },
    ],
    edges: [
      { from: 'order', output: 'next', to: 'hours' },
      { from: 'hours', output: 'next', to: 'done' },
    ],
  }),
};

const entered = (at: string, timeZone = 'Europe/Paris'): EnrollmentSnapshot => ({
  id: 'enr-1',
  state: initialEnrollmentState('order', new Date(at)),
  customer: customer(timeZone),
  trigger: { id: 'e1', name: 'Order Completed', properties: {}, timestamp: at },
});

const run = (snapshot: EnrollmentSnapshot, input: { type: 'entry' } | { type: 'timer' }, now: string) =>
  advance(version, snapshot, input, new Date(now), () => 0.5);

describe('time-window', () => {
  it.each([
    // 2026-03-03 is a Tuesday; Paris is UTC+1 until 2026-03-29.
    { name: 'inside the window', at: '2026-03-03T10:00:00Z', zone: 'Europe/Paris', status: 'completed', wakeAt: null },
    {
      name: 'before it opens',
      at: '2026-03-03T06:00:00Z',
      zone: 'Europe/Paris',
      status: 'waiting',
      wakeAt: '2026-03-03T08:00:00.000Z',
    },
    {
      name: 'after it closes on Friday',
      at: '2026-03-06T19:00:00Z',
      zone: 'Europe/Paris',
      status: 'waiting',
      wakeAt: '2026-03-09T08:00:00.000Z',
    },
    // 10:00 UTC is 15:45 in Kathmandu: inside. 13:00 UTC is 18:45: the window opens at 09:00 (03:15 UTC).
    {
      name: 'inside in a +05:45 zone',
      at: '2026-03-03T10:00:00Z',
      zone: 'Asia/Kathmandu',
      status: 'completed',
      wakeAt: null,
    },
    {
      name: 'late evening in a +05:45 zone',
      at: '2026-03-03T13:00:00Z',
      zone: 'Asia/Kathmandu',
      status: 'waiting',
      wakeAt: '2026-03-04T03:15:00.000Z',
    },
  ])('should go on or wait for the opening when the customer arrives $name', ({ at, zone, status, wakeAt }) => {
    const sut = run(entered(at, zone), { type: 'entry' }, at);

    expect(sut.state.status).toBe(status);
    expect(sut.wakeAt?.toISOString() ?? null).toBe(wakeAt);
    expect(sut.reasons[1]?.code).toBe(status === 'waiting' ? 'wait.until-window' : 'wait.inside-window');
  });

  it('should go on through next when the window opens', () => {
    const waiting = run(entered('2026-03-03T06:00:00Z'), { type: 'entry' }, '2026-03-03T06:00:00Z');
    const sut = run(
      { ...entered('2026-03-03T06:00:00Z'), state: waiting.state },
      { type: 'timer' },
      '2026-03-03T08:00:00Z',
    );

    expect(sut.state.status).toBe('completed');
    expect(sut.reasons.map((reason) => reason.code)).toEqual(['wait.elapsed', 'exit.reached']);
  });

  it('should say, as a code with language-free parameters, where the customer waits when outside the window', () => {
    const sut = run(entered('2026-03-03T06:00:00Z'), { type: 'entry' }, '2026-03-03T06:00:00Z');

    expect(sut.reasons[1]).toEqual({
      nodeId: 'hours',
      code: 'wait.until-window',
      params: {
        from: '09:00',
        to: '18:00',
        days: 'weekdays',
        zone: 'Europe/Paris',
        until: '2026-03-03T08:00:00.000Z',
      },
    });
  });

  it.each([
    {
      name: 'the same opening and closing time',
      config: { from: '09:00', to: '09:00' },
      message: 'field.window.same-times',
    },
    {
      name: 'a malformed time',
      config: { from: '9h', to: '18:00' },
      message: 'field.time.format-24h',
    },
    { name: 'no day', config: { days: [], from: '09:00', to: '18:00' }, message: 'field.days.required' },
  ])('should explain the problem when the window has $name', ({ config, message }) => {
    const sut = timeWindowKind.schema.safeParse(config);

    expect(sut.success).toBe(false);
    expect(sut.error?.issues.map((issue) => issue.message)).toContain(message);
  });

  it.each([
    [
      { days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' },
      { overnight: false, days: 'weekdays' },
    ],
    [
      { days: [1, 2, 3, 4, 5, 6, 7], from: '21:00', to: '09:00' },
      { overnight: true, days: 'every' },
    ],
    [
      { days: [3, 1], from: '21:00', to: '09:00' },
      { overnight: true, days: '1,3' },
    ],
  ])('should give the hours and days of %j in the canvas summary', (config, params) => {
    expect(timeWindowKind.summary(config)).toEqual({
      code: 'time-window',
      params: { from: config.from, to: config.to, ...params },
    });
  });
});
