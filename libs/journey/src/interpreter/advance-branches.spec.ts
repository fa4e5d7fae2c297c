import type { CustomerFacts } from '../graph/facts';
import { journeyHistoryQueries } from '../graph/history-queries';
import { journeyDocumentSchema, type JourneyDocumentInput } from '../graph/journey.schema';
import { historyKey } from '../kinds/node-kind';
import { seededRandom } from '../random/seeded-random';
import { validateJourney } from '../validation/validate';
import { advance, type JourneyVersionSnapshot } from './advance';
import { initialEnrollmentState, type EnrollmentSnapshot } from './enrollment-state';

const NOW = new Date('2026-03-27T09:15:00.000Z');

const exit = (id: string) => ({ id, kind: 'exit', config: {} });

// A trigger, one branching node, and an exit per output named after the output.
const journeyAround = (node: { kind: string; config: Record<string, unknown> }, outputs: string[]) => {
  const input: JourneyDocumentInput = {
    name: `Branch on ${node.kind}`,
    nodes: [
      { id: 'start', kind: 'event-trigger', config: { event: 'Order Completed' } },
      { id: 'branch', ...node },
      ...outputs.map((output) => exit(`to-${output}`)),
    ],
    edges: [
      { from: 'start', output: 'next', to: 'branch' },
      ...outputs.map((output) => ({ from: 'branch', output, to: `to-${output}` })),
    ],
  };
  expect(validateJourney(input)).toEqual([]);
  const version: JourneyVersionSnapshot = { id: 'v1', document: journeyDocumentSchema.parse(input) };
  return version;
};

const customer = (attributes: Record<string, unknown> = {}): CustomerFacts => ({
  id: 'c1',
  externalId: null,
  email: 'ada@example.com',
  phone: null,
  timeZone: 'Europe/Paris',
  locale: 'en',
  attributes,
});

const enrollment = (id: string, who = customer(), history: Record<string, number> = {}): EnrollmentSnapshot => ({
  id,
  state: initialEnrollmentState('start', NOW),
  customer: who,
  trigger: { id: 'e1', name: 'Order Completed', properties: {}, timestamp: NOW.toISOString() },
  history,
});

// Seeded from the enrollment id (the engine seeds from enrollment + node), as a replay would be.
const enter = (version: JourneyVersionSnapshot, snapshot: EnrollmentSnapshot) =>
  advance(version, snapshot, { type: 'entry' }, NOW, seededRandom(snapshot.id));

describe('advance through branches', () => {
  const tiers = journeyAround(
    {
      kind: 'multi-split',
      config: {
        branches: ['most-valuable', 'most-growable', 'below-zero'].map((tier) => ({
          name: tier,
          conditions: [{ source: 'profile', path: 'value_tier', operator: 'eq', value: tier }],
        })),
      },
    },
    ['most-valuable', 'most-growable', 'below-zero', 'else'],
  );

  it.each([
    { tier: 'most-valuable', exit: 'to-most-valuable' },
    { tier: 'most-growable', exit: 'to-most-growable' },
    { tier: 'below-zero', exit: 'to-below-zero' },
    { tier: 'unscored', exit: 'to-else' },
    { tier: undefined, exit: 'to-else' },
  ])('should route the customer to $exit when their value tier is $tier', ({ tier, exit: expected }) => {
    const sut = enter(tiers, enrollment('enr-1', customer(tier === undefined ? {} : { value_tier: tier })));

    expect(sut.state).toMatchObject({ status: 'completed', nodeId: expected });
    expect(sut.reasons.map((reason) => reason.code)).toEqual([
      'trigger.passed',
      expected === 'to-else' ? 'split.no-branch-matched' : 'split.branch-matched',
      'exit.reached',
    ]);
  });

  const ab = journeyAround(
    {
      kind: 'random-split',
      config: {
        branches: [
          { name: 'a', percent: 50 },
          { name: 'b', percent: 50 },
        ],
      },
    },
    ['a', 'b'],
  );

  it('should take the same random branch when the same enrollment is replayed', () => {
    for (const id of ['enr-1', 'enr-2', 'enr-3', 'enr-4', 'enr-5']) {
      const first = enter(ab, enrollment(id));
      const replay = enter(ab, enrollment(id));

      expect(replay).toEqual(first);
    }
  });

  it('should use both random branches when many customers enter', () => {
    const reached = new Set(Array.from({ length: 50 }, (_, i) => enter(ab, enrollment(`enr-${i}`)).state.nodeId));

    expect([...reached].sort()).toEqual(['to-a', 'to-b']);
  });

  const holdout = journeyAround({ kind: 'holdout', config: { controlPercent: 10 } }, ['treatment', 'control']);

  it('should put a replayed enrollment in the same holdout group with the same tag when replayed', () => {
    for (const id of ['enr-1', 'enr-2', 'enr-3', 'enr-4', 'enr-5']) {
      const first = enter(holdout, enrollment(id));
      const replay = enter(holdout, enrollment(id));

      expect(replay.state).toEqual(first.state);
      expect(first.state.tags?.['holdout']).toBe(first.state.nodeId === 'to-control' ? 'control' : 'treatment');
    }
  });

  it('should hold back 10% +- 1.5% when 10,000 customers enter', () => {
    let control = 0;
    for (let i = 0; i < 10_000; i += 1) {
      if (enter(holdout, enrollment(`enrollment-${i}`)).state.tags?.['holdout'] === 'control') control += 1;
    }

    expect(control / 10_000).toBeGreaterThanOrEqual(0.085);
    expect(control / 10_000).toBeLessThanOrEqual(0.115);
  });

  const boughtMascara = journeyAround(
    {
      kind: 'event-history-condition',
      config: {
        event: 'Order Completed',
        where: [{ path: 'products.name', operator: 'contains', value: 'mascara' }],
        withinDays: 30,
        comparison: 'at-least',
        count: 1,
      },
    },
    ['yes', 'no'],
  );
  const mascaraKey = historyKey({
    event: 'Order Completed',
    where: [{ path: 'products.name', operator: 'contains', value: 'mascara' }],
    withinDays: 30,
  });

  it('should ask the worker the same question the step reads when the version is published', () => {
    expect(journeyHistoryQueries(boughtMascara.document).map(historyKey)).toEqual([mascaraKey]);
  });

  it.each([
    { found: '2 orders', history: { [mascaraKey]: 2 }, exit: 'to-yes' },
    { found: 'no order', history: { [mascaraKey]: 0 }, exit: 'to-no' },
    { found: 'no answer', history: {}, exit: 'to-no' },
  ])('should go to $exit when the worker found $found with mascara', ({ history, exit: expected }) => {
    const sut = enter(boughtMascara, enrollment('enr-1', customer(), history));

    expect(sut.state.nodeId).toBe(expected);
  });
});
