import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { journeyDocumentSchema, type JourneyDocument } from '../graph/journey.schema';
import type { CustomerFacts, EventFacts } from '../graph/facts';
import { seededRandom } from '../random/seeded-random';
import { advance, MAX_STEPS_PER_ACTIVATION, type JourneyVersionSnapshot } from './advance';
import { initialEnrollmentState, type AdvanceInput, type EnrollmentSnapshot } from './enrollment-state';

const thankYou: JourneyVersionSnapshot = {
  id: 'v1',
  document: journeyDocumentSchema.parse(
    JSON.parse(readFileSync(join(__dirname, '../../../../docs/journeys/thank-you.json'), 'utf8')),
  ),
};

const NOW = new Date('2026-03-27T09:15:00.000Z');

const customer = (overrides: Partial<CustomerFacts> = {}): CustomerFacts => ({
  id: 'c1',
  externalId: 'user-1',
  email: 'ada@example.com',
  phone: null,
  timeZone: 'Europe/Paris',
  locale: 'en',
  attributes: { firstName: 'Ada' },
  ...overrides,
});

const order = (total: unknown): EventFacts => ({
  id: 'e1',
  name: 'Order Completed',
  properties: { total },
  timestamp: NOW.toISOString(),
});

const entered = (total: unknown, who = customer()): EnrollmentSnapshot => ({
  id: 'enr-1',
  state: initialEnrollmentState('order', NOW),
  customer: who,
  trigger: order(total),
});

const run = (snapshot: EnrollmentSnapshot, input: AdvanceInput, now: Date, version = thankYou) =>
  advance(version, snapshot, input, now, seededRandom(snapshot.id));

describe('advance', () => {
  it('should park the customer at the wait for 2 calendar days in their zone when they enter', () => {
    const sut = run(entered(80), { type: 'entry' }, NOW);

    expect(sut.state).toMatchObject({
      status: 'waiting',
      nodeId: 'wait-2-days',
      visits: { order: 1, 'wait-2-days': 1 },
    });
    // Paris moves to summer time on 2026-03-29: two calendar days later is 10:15 local, 08:15 UTC.
    expect(sut.wakeAt?.toISOString()).toBe('2026-03-29T08:15:00.000Z');
    expect(sut.effects).toEqual([]);
    expect(sut.reasons.map((reason) => reason.code)).toEqual(['trigger.passed', 'wait.scheduled']);
  });

  it.each([
    { total: 80, sends: 1, status: 'completed', decision: 'condition.matched' },
    { total: 50, sends: 1, status: 'completed', decision: 'condition.matched' },
    { total: '75.5', sends: 1, status: 'completed', decision: 'condition.matched' },
    { total: 49.99, sends: 0, status: 'completed', decision: 'condition.not-matched' },
    { total: undefined, sends: 0, status: 'completed', decision: 'condition.not-matched' },
    { total: 'a lot', sends: 0, status: 'completed', decision: 'condition.not-matched' },
  ])('should send $sends email(s) when the order total is $total', ({ total, sends, status, decision }) => {
    const waiting = run(entered(total), { type: 'entry' }, NOW);
    const sut = run({ ...entered(total), state: waiting.state }, { type: 'timer' }, waiting.wakeAt as Date);

    expect(sut.state.status).toBe(status);
    expect(sut.effects).toHaveLength(sends);
    expect(sut.reasons.map((reason) => reason.code)).toContain(decision);
    expect(sut.wakeAt).toBeNull();
  });

  it('should request the thank-you email for the first visit of the send node when the order is big', () => {
    const waiting = run(entered(120), { type: 'entry' }, NOW);
    const sut = run({ ...entered(120), state: waiting.state }, { type: 'timer' }, waiting.wakeAt as Date);

    expect(sut.effects).toEqual([{ type: 'sendEmail', nodeId: 'thank-you', visit: 1, template: 'thank-you' }]);
    expect(sut.state.nodeId).toBe('done');
  });

  it('should explain the decision with the actual value when the order is too small', () => {
    const waiting = run(entered(20), { type: 'entry' }, NOW);
    const sut = run({ ...entered(20), state: waiting.state }, { type: 'timer' }, waiting.wakeAt as Date);

    const decision = sut.reasons.find((reason) => reason.nodeId === 'big-order');
    expect(decision).toEqual({
      nodeId: 'big-order',
      code: 'condition.not-matched',
      params: { source: 'event', path: 'total', operator: 'gte', actual: 20, expected: 50 },
    });
  });

  it('should keep waiting and change nothing when a timer fires early', () => {
    const waiting = run(entered(80), { type: 'entry' }, NOW);
    const early = new Date((waiting.wakeAt as Date).getTime() - 1);
    const sut = run({ ...entered(80), state: waiting.state }, { type: 'timer' }, early);

    expect(sut.state).toEqual(waiting.state);
    expect(sut.effects).toEqual([]);
    expect(sut.wakeAt).toEqual(waiting.wakeAt);
    expect(sut.reasons[0]?.code).toBe('wait.not-yet-due');
  });

  it.each<{ name: string; input: AdvanceInput }>([
    { name: 'a second entry', input: { type: 'entry' } },
    { name: 'an event', input: { type: 'event', event: order(10) } },
  ])('should ignore $name when the customer is waiting', ({ input }) => {
    const waiting = run(entered(80), { type: 'entry' }, NOW);
    const sut = run({ ...entered(80), state: waiting.state }, input, waiting.wakeAt as Date);

    expect(sut.state).toEqual(waiting.state);
    expect(sut.effects).toEqual([]);
    expect(sut.reasons[0]?.code).toBe('input.ignored');
  });

  it('should do nothing when the enrollment has already ended', () => {
    const waiting = run(entered(80), { type: 'entry' }, NOW);
    const done = run({ ...entered(80), state: waiting.state }, { type: 'timer' }, waiting.wakeAt as Date);
    const sut = run({ ...entered(80), state: done.state }, { type: 'timer' }, waiting.wakeAt as Date);

    expect(sut.state).toEqual(done.state);
    expect(sut.effects).toEqual([]);
  });

  it('should give the same result when the same inputs are replayed', () => {
    const first = run(entered(80), { type: 'entry' }, NOW);
    const second = run(entered(80), { type: 'entry' }, NOW);

    expect(second).toEqual(first);
  });

  it('should count the wait from the moment of entry when the entry job runs late', () => {
    const late = new Date(NOW.getTime() + 6 * 3600_000);
    const sut = run(entered(80), { type: 'entry' }, late);

    expect(sut.wakeAt?.toISOString()).toBe('2026-03-29T08:15:00.000Z');
  });

  it('should go straight on when the job runs after the whole wait was already due', () => {
    const threeDaysLate = new Date(NOW.getTime() + 3 * 86_400_000);
    const sut = run(entered(80), { type: 'entry' }, threeDaysLate);

    expect(sut.state.status).toBe('completed');
    expect(sut.effects).toHaveLength(1);
    expect(sut.reasons.map((reason) => reason.code)).toEqual([
      'trigger.passed',
      'wait.scheduled',
      'wait.elapsed',
      'condition.matched',
      'email.requested',
      'exit.reached',
    ]);
  });

  it('should fall back to UTC when the customer has an unknown time zone', () => {
    const sut = run(entered(80, customer({ timeZone: 'Mars/Olympus' })), { type: 'entry' }, NOW);

    expect(sut.wakeAt?.toISOString()).toBe('2026-03-29T09:15:00.000Z');
  });

  it('should fail with a reason when an output leads nowhere', () => {
    const broken: JourneyVersionSnapshot = {
      id: 'v-broken',
      document: { ...thankYou.document, edges: thankYou.document.edges.filter((edge) => edge.from !== 'order') },
    };
    const sut = run(entered(80), { type: 'entry' }, NOW, broken);

    expect(sut.state.status).toBe('failed');
    expect(sut.reasons.at(-1)).toEqual({ nodeId: 'order', code: 'output.unconnected', params: { output: 'next' } });
  });

  it('should stop after the step limit and ask to continue now when a journey loops without waiting', () => {
    const loop: JourneyDocument = journeyDocumentSchema.parse({
      format: 'rapport.journey/v1',
      name: 'loop',
      nodes: [
        { id: 't', kind: 'event-trigger', config: { event: 'Ping' } },
        { id: 'a', kind: 'attribute-condition', config: { source: 'profile', path: 'email', operator: 'exists' } },
      ],
      edges: [
        { from: 't', output: 'next', to: 'a' },
        { from: 'a', output: 'yes', to: 'a' },
        { from: 'a', output: 'no', to: 'a' },
      ],
    });
    const snapshot: EnrollmentSnapshot = { ...entered(1), state: initialEnrollmentState('t', NOW) };
    const sut = run(snapshot, { type: 'entry' }, NOW, { id: 'v-loop', document: loop });

    expect(sut.state.status).toBe('active');
    expect(sut.wakeAt).toEqual(NOW);
    expect(sut.reasons).toHaveLength(MAX_STEPS_PER_ACTIVATION + 1);
    expect(sut.state.visits['a']).toBe(MAX_STEPS_PER_ACTIVATION);
  });
});
