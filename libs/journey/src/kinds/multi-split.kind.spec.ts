import type { CustomerFacts, EventFacts } from '../graph/facts';
import { initialEnrollmentState } from '../interpreter/enrollment-state';
import { fieldIssueParams } from '../validation/field-issue';
import { multiSplitKind, type MultiSplitConfig } from './multi-split.kind';
import type { StepContext } from './node-kind';

const NOW = new Date('2026-03-27T09:15:00.000Z');

const context = (
  config: MultiSplitConfig,
  attributes: Record<string, unknown>,
  trigger: EventFacts | null = null,
): StepContext<MultiSplitConfig> => {
  const customer: CustomerFacts = {
    id: 'c1',
    externalId: null,
    email: null,
    phone: null,
    timeZone: null,
    locale: null,
    attributes,
  };
  return {
    nodeId: 'tiers',
    config,
    resumed: false,
    input: { type: 'entry' },
    state: initialEnrollmentState('tiers', NOW),
    visit: 1,
    customer,
    trigger,
    history: {},
    zone: 'UTC',
    stepTime: NOW,
    now: NOW,
    random: () => 0.5,
  };
};

const tiers = multiSplitKind.schema.parse({
  branches: [
    {
      name: 'vip',
      conditions: [
        { source: 'profile', path: 'value_tier', operator: 'eq', value: 'most-valuable' },
        { source: 'profile', path: 'phone', operator: 'exists' },
      ],
    },
    {
      name: 'valuable',
      conditions: [{ source: 'profile', path: 'value_tier', operator: 'eq', value: 'most-valuable' }],
    },
    { name: 'big-basket', conditions: [{ source: 'event', path: 'total', operator: 'gte', value: 100 }] },
  ],
});

const order = (total: number): EventFacts => ({
  id: 'e1',
  name: 'Order Completed',
  properties: { total },
  timestamp: NOW.toISOString(),
});

describe('multiSplitKind', () => {
  it('should offer each branch then else when drawn on the canvas', () => {
    expect(multiSplitKind.outputs(tiers)).toEqual(['vip', 'valuable', 'big-basket', 'else']);
  });

  it.each([
    {
      when: 'every condition of the first branch holds',
      attributes: { value_tier: 'most-valuable' },
      phone: '+33600000000',
      trigger: null,
      output: 'vip',
    },
    {
      when: 'only the second branch holds (first wins among the rest)',
      attributes: { value_tier: 'most-valuable' },
      phone: null,
      trigger: order(500),
      output: 'valuable',
    },
    {
      when: 'only an event condition holds',
      attributes: { value_tier: 'below-zero' },
      phone: null,
      trigger: order(120),
      output: 'big-basket',
    },
    {
      when: 'no branch holds',
      attributes: { value_tier: 'below-zero' },
      phone: null,
      trigger: order(20),
      output: 'else',
    },
    { when: 'the tier is missing and there is no event', attributes: {}, phone: null, trigger: null, output: 'else' },
  ])('should take $output when $when', ({ attributes, phone, trigger, output }) => {
    const ctx = context(tiers, attributes, trigger);
    const sut = multiSplitKind.step({ ...ctx, customer: { ...ctx.customer, phone } });

    expect(sut).toMatchObject({ type: 'next', output });
  });

  it('should say which branch matched, with codes and raw values, when one does', () => {
    const sut = multiSplitKind.step(context(tiers, { value_tier: 'most-valuable' }));

    expect(sut.reason).toEqual({
      nodeId: 'tiers',
      code: 'split.branch-matched',
      params: { branch: 'valuable', checks: 1 },
    });
  });

  it('should name the first failing check of the first branch, as raw values, when none matches', () => {
    const sut = multiSplitKind.step(context(tiers, { value_tier: 'below-zero' }, order(20)));

    expect(sut.reason.params).toEqual({
      branches: 3,
      branch: 'vip',
      source: 'profile',
      path: 'value_tier',
      operator: 'eq',
      expected: 'most-valuable',
      actual: 'below-zero',
    });
  });

  it.each<[unknown, Record<string, unknown>]>([
    [{ branches: [] }, { message: 'field.split.branch-required' }],
    [{ branches: [{ name: 'a', conditions: [] }] }, { message: 'field.split.conditions-min' }],
    [
      { branches: [{ name: 'Most Valuable', conditions: tiers.branches[0]?.conditions }] },
      { message: 'field.branch.name-format', field: 'branches.0.name' },
    ],
    [
      { branches: [{ name: 'else', conditions: tiers.branches[0]?.conditions }] },
      { message: 'field.branch.name-reserved', name: 'else', field: 'branches.0.name' },
    ],
    [
      {
        branches: [
          { name: 'a', conditions: tiers.branches[0]?.conditions },
          { name: 'a', conditions: tiers.branches[0]?.conditions },
        ],
      },
      { message: 'field.branch.name-repeated', name: 'a', field: 'branches.1.name' },
    ],
    [
      {
        branches: Array.from({ length: 11 }, (_, i) => ({ name: `b${i}`, conditions: tiers.branches[0]?.conditions })),
      },
      { message: 'field.split.branches-max' },
    ],
  ])('should name the rule and its values when the config is %#', (config, rule) => {
    const sut = multiSplitKind.schema.safeParse(config);

    expect(sut.error?.issues.map(fieldIssueParams)).toContainEqual(expect.objectContaining(rule));
  });

  it('should keep an else handle when the config is half typed', () => {
    expect(multiSplitKind.outputs({} as MultiSplitConfig)).toEqual(['else']);
  });

  it('should name the branches in order in the canvas summary', () => {
    expect(multiSplitKind.summary(tiers)).toEqual({
      code: 'multi-split',
      params: { branches: 'vip, valuable, big-basket', count: 3 },
    });
  });
});
