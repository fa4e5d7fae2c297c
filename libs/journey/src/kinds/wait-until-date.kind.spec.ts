import type { CustomerFacts, EventFacts } from '../graph/facts';
import { journeyDocumentSchema } from '../graph/journey.schema';
import { advance, type JourneyVersionSnapshot } from '../interpreter/advance';
import { initialEnrollmentState, type EnrollmentSnapshot } from '../interpreter/enrollment-state';
import type { StepContext } from './node-kind';
import { waitUntilDateKind, type WaitUntilDateConfig } from './wait-until-date.kind';

const customer = (attributes: Record<string, unknown> = {}): CustomerFacts => ({
  id: 'c1',
  externalId: null,
  email: 'ada@example.com',
  phone: null,
  timeZone: 'Europe/Paris',
  locale: 'en',
  attributes,
});

const order = (timestamp: string, products: unknown[]): EventFacts => ({
  id: 'e1',
  name: 'Order Completed',
  properties: { products },
  timestamp,
});

// The refill reminder: order time + refill_days days - 3 days, at 10:00 local.
const refill: WaitUntilDateConfig = {
  source: 'event',
  path: 'timestamp',
  addDaysFrom: 'products.refill_days',
  offset: { amount: -3, unit: 'days' },
  atTime: '10:00',
  ifPast: 'skip',
};

const contextFor = (
  config: Partial<WaitUntilDateConfig>,
  facts: { stepTime: string; trigger?: EventFacts | null; attributes?: Record<string, unknown>; zone?: string },
): StepContext<WaitUntilDateConfig> => ({
  nodeId: 'until',
  config: waitUntilDateKind.schema.parse({ ...refill, ...config }),
  resumed: false,
  input: { type: 'entry' },
  state: initialEnrollmentState('until', new Date(facts.stepTime)),
  visit: 1,
  customer: customer(facts.attributes),
  trigger: facts.trigger ?? null,
  history: {},
  zone: facts.zone ?? 'Europe/Paris',
  stepTime: new Date(facts.stepTime),
  now: new Date(facts.stepTime),
  random: () => 0.5,
});

type MomentCase = {
  name: string;
  config: Partial<WaitUntilDateConfig>;
  trigger?: EventFacts;
  attributes?: Record<string, unknown>;
  until: string;
};

describe('wait-until-date', () => {
  it.each<MomentCase>([
    // Smallest refill_days (30): 2026-03-31, minus 3 days: Saturday 03-28, 10:00 CET (Paris is +1 until 03-29).
    {
      name: 'the refill reminder with the smallest refill days',
      config: {},
      trigger: order('2026-03-01T15:00:00Z', [{ refill_days: 45 }, { refill_days: 30 }]),
      until: '2026-03-28T09:00:00.000Z',
    },
    // 2026-03-20 + 14 days - 3 days = 03-31, after the DST change: 10:00 CEST is 08:00 UTC.
    {
      name: 'the refill reminder across DST, refill days as text',
      config: {},
      trigger: order('2026-03-20T15:00:00Z', [{ refill_days: '14' }]),
      until: '2026-03-31T08:00:00.000Z',
    },
    {
      name: 'a profile date without a time, a week before at 09:30',
      config: {
        source: 'profile',
        path: 'renewal',
        addDaysFrom: '',
        offset: { amount: -1, unit: 'weeks' },
        atTime: '09:30',
      },
      attributes: { renewal: '2026-04-10' },
      until: '2026-04-03T07:30:00.000Z',
    },
    {
      name: 'a profile date without a time, at the start of that day',
      config: { source: 'profile', path: 'renewal', addDaysFrom: '', offset: { amount: 0, unit: 'days' }, atTime: '' },
      attributes: { renewal: '2026-04-10' },
      until: '2026-04-09T22:00:00.000Z',
    },
    {
      name: 'an event property instant, 2 hours later, keeping its time',
      config: { path: 'delivery.eta', addDaysFrom: undefined, offset: { amount: 2, unit: 'hours' }, atTime: undefined },
      trigger: { ...order('2026-03-01T15:00:00Z', []), properties: { delivery: { eta: '2026-03-05T12:00:00+01:00' } } },
      until: '2026-03-05T13:00:00.000Z',
    },
  ])('should wait until the computed moment when reading $name', ({ config, trigger, attributes, until }) => {
    const sut = waitUntilDateKind.step(contextFor(config, { stepTime: '2026-03-02T00:00:00Z', trigger, attributes }));

    expect(sut).toMatchObject({ type: 'wait', reason: { code: 'wait.until-date' } });
    expect(sut.type === 'wait' && sut.until.toISOString()).toBe(until);
  });

  it.each([
    {
      name: 'the moment has passed and the rule is continue',
      ifPast: 'continue',
      attributes: { renewal: '2026-01-01' },
      output: 'next',
      code: 'wait.date-passed',
    },
    {
      name: 'the moment has passed and the rule is skip',
      ifPast: 'skip',
      attributes: { renewal: '2026-01-01' },
      output: 'skipped',
      code: 'wait.date-passed',
    },
    {
      name: 'the date is missing and the rule is continue',
      ifPast: 'continue',
      attributes: {},
      output: 'next',
      code: 'wait.date-missing',
    },
    {
      name: 'the date is not a date and the rule is skip',
      ifPast: 'skip',
      attributes: { renewal: 'soon' },
      output: 'skipped',
      code: 'wait.date-missing',
    },
  ] as const)('should leave through $output at once when $name', ({ ifPast, attributes, output, code }) => {
    const config = { source: 'profile', path: 'renewal', addDaysFrom: '', atTime: '', ifPast } as const;
    const sut = waitUntilDateKind.step(contextFor(config, { stepTime: '2026-03-02T00:00:00Z', attributes }));

    expect(sut).toMatchObject({ type: 'next', output, reason: { code, params: { then: ifPast } } });
  });

  it('should treat the date as missing when the order has no refill days', () => {
    const trigger = order('2026-03-01T15:00:00Z', [{ id: 'p1' }]);
    const sut = waitUntilDateKind.step(contextFor({}, { stepTime: '2026-03-02T00:00:00Z', trigger }));

    expect(sut).toMatchObject({ type: 'next', output: 'skipped', reason: { code: 'wait.date-missing' } });
  });

  it('should give the new local time when the customer changed time zone while waiting', () => {
    const trigger = order('2026-03-01T15:00:00Z', [{ refill_days: 30 }]);
    const inParis = waitUntilDateKind.step(contextFor({}, { stepTime: '2026-03-02T00:00:00Z', trigger }));
    const inNewYork = waitUntilDateKind.step(
      contextFor({}, { stepTime: '2026-03-02T00:00:00Z', trigger, zone: 'America/New_York' }),
    );

    expect(inParis.type === 'wait' && inParis.until.toISOString()).toBe('2026-03-28T09:00:00.000Z');
    // 10:00 in New York on 03-28 (EDT since 03-08) is 14:00 UTC.
    expect(inNewYork.type === 'wait' && inNewYork.until.toISOString()).toBe('2026-03-28T14:00:00.000Z');
  });

  it('should go on through next when resumed', () => {
    const sut = waitUntilDateKind.step({ ...contextFor({}, { stepTime: '2026-03-28T09:00:00Z' }), resumed: true });

    expect(sut).toEqual({
      type: 'next',
      output: 'next',
      reason: { nodeId: 'until', code: 'wait.elapsed', params: {} },
    });
  });

  it.each([
    { name: 'a time that is not HH:mm', config: { atTime: '10h' }, message: 'field.time.format-24h-morning' },
    { name: 'no date path', config: { path: '' }, message: 'field.date-path.required' },
    {
      name: 'a path with spaces',
      config: { addDaysFrom: 'refill days' },
      message: 'field.path.format',
    },
    { name: 'a fractional offset', config: { offset: { amount: 1.5, unit: 'days' } }, message: 'field.number.whole' },
  ])('should explain the problem when the config has $name', ({ config, message }) => {
    const sut = waitUntilDateKind.schema.safeParse({ ...refill, ...config });

    expect(sut.success).toBe(false);
    expect(sut.error?.issues[0]?.message).toBe(message);
  });

  it.each<[Partial<WaitUntilDateConfig>, Record<string, unknown>]>([
    [
      {},
      {
        source: 'event-time',
        path: 'timestamp',
        addDaysFrom: 'products.refill_days',
        amount: 3,
        unit: 'days',
        direction: 'before',
        atTime: '10:00',
        ifPast: 'skip',
      },
    ],
    [
      {
        source: 'profile',
        path: 'renewal',
        addDaysFrom: '',
        offset: { amount: 1, unit: 'weeks' },
        atTime: '',
        ifPast: 'continue',
      },
      {
        source: 'profile',
        path: 'renewal',
        addDaysFrom: '',
        amount: 1,
        unit: 'weeks',
        direction: 'after',
        atTime: '',
        ifPast: 'continue',
      },
    ],
    [
      { path: 'delivery.eta', addDaysFrom: undefined, offset: { amount: 0, unit: 'days' } },
      {
        source: 'event',
        path: 'delivery.eta',
        addDaysFrom: '',
        amount: 0,
        unit: 'days',
        direction: 'on',
        atTime: '10:00',
        ifPast: 'skip',
      },
    ],
  ])('should give the date, offset and time of %j in the canvas summary', (config, params) => {
    expect(waitUntilDateKind.summary({ ...refill, ...config })).toEqual({ code: 'wait-until-date', params });
  });
});

describe('wait-until-date in a refill journey', () => {
  const version: JourneyVersionSnapshot = {
    id: 'v1',
    document: journeyDocumentSchema.parse({
      format: 'rapport.journey/v1',
      name: 'refill',
      nodes: [
        { id: 'order', kind: 'event-trigger', config: { event: 'Order Completed' } },
        { id: 'until', kind: 'wait-until-date', config: refill },
        { id: 'remind', kind: 'exit', config: {} },
        { id: 'too-late', kind: 'exit', config: {} },
      ],
      edges: [
        { from: 'order', output: 'next', to: 'until' },
        { from: 'until', output: 'next', to: 'remind' },
        { from: 'until', output: 'skipped', to: 'too-late' },
      ],
    }),
  };
  const entered = (trigger: EventFacts): EnrollmentSnapshot => ({
    id: 'enr-1',
    state: initialEnrollmentState('order', new Date(trigger.timestamp)),
    customer: customer(),
    trigger,
  });

  it('should wake on the computed day and go on when the timer fires', () => {
    const trigger = order('2026-03-01T15:00:00Z', [{ refill_days: 30 }]);
    const waiting = advance(version, entered(trigger), { type: 'entry' }, new Date(trigger.timestamp), () => 0.5);
    const sut = advance(
      version,
      { ...entered(trigger), state: waiting.state },
      { type: 'timer' },
      waiting.wakeAt as Date,
      () => 0.5,
    );

    expect(waiting.wakeAt?.toISOString()).toBe('2026-03-28T09:00:00.000Z');
    expect(sut.state).toMatchObject({ status: 'completed', nodeId: 'remind' });
  });

  it('should leave through skipped when the reminder day was already past on entry', () => {
    const trigger = order('2026-03-01T15:00:00Z', [{ refill_days: 2 }]);
    const sut = advance(version, entered(trigger), { type: 'entry' }, new Date(trigger.timestamp), () => 0.5);

    expect(sut.state).toMatchObject({ status: 'completed', nodeId: 'too-late' });
    expect(sut.reasons.map((reason) => reason.code)).toEqual(['trigger.passed', 'wait.date-passed', 'exit.reached']);
  });
});
