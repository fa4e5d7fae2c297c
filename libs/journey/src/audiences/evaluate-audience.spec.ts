import type { CustomerFacts } from '../graph/facts';
import { historyKey, type HistoryFacts } from '../kinds/node-kind';
import { fieldIssueParams } from '../validation/field-issue';
import { audienceDefinitionSchema, audienceKeySchema, type AudienceRule } from './audience-definition';
import { audienceHistoryQueries, audienceReads, evaluateAudience } from './evaluate-audience';

const customer = (attributes: Record<string, unknown>, email: string | null = 'ada@example.com'): CustomerFacts => ({
  id: 'c1',
  externalId: 'ada',
  email,
  phone: null,
  timeZone: 'Europe/Paris',
  locale: 'fr-FR',
  attributes,
});

const parse = (definition: unknown): AudienceRule => audienceDefinitionSchema.parse(definition);

const boughtTwiceIn90Days = parse({
  history: { event: 'Order Completed', comparison: 'at-least', count: 2, withinDays: 90 },
});
const ordersKey = historyKey({ event: 'Order Completed', where: [], withinDays: 90 });

const loyalBuyers = parse({
  all: [
    { attribute: { path: 'value_tier', operator: 'eq', value: 'most-valuable' } },
    {
      any: [
        { history: { event: 'Order Completed', comparison: 'at-least', count: 2, withinDays: 90 } },
        { attribute: { path: 'orders_count', operator: 'gte', value: 10 } },
      ],
    },
    { history: { event: 'Refund Requested', comparison: 'none', withinDays: null } },
  ],
});
const refundsKey = historyKey({ event: 'Refund Requested', where: [], withinDays: null });

describe('evaluateAudience', () => {
  it.each([
    { found: undefined, member: false },
    { found: 1, member: false },
    { found: 2, member: true },
    { found: 7, member: true },
  ])('should count $found orders in 90 days as member=$member when at least 2 are needed', ({ found, member }) => {
    const history: HistoryFacts = found === undefined ? {} : { [ordersKey]: found };

    expect(evaluateAudience(boughtTwiceIn90Days, { customer: customer({}), history })).toBe(member);
  });

  it.each([
    { tier: 'most-valuable', orders: 2, ordersCount: 0, refunds: 0, member: true, why: 'all three hold' },
    { tier: 'most-growable', orders: 2, ordersCount: 0, refunds: 0, member: false, why: 'the tier differs' },
    {
      tier: 'most-valuable',
      orders: 0,
      ordersCount: 12,
      refunds: 0,
      member: true,
      why: 'the any-group holds by count',
    },
    { tier: 'most-valuable', orders: 1, ordersCount: 3, refunds: 0, member: false, why: 'neither side of any holds' },
    { tier: 'most-valuable', orders: 5, ordersCount: 0, refunds: 1, member: false, why: 'they asked for a refund' },
  ])('should say member=$member when $why', ({ tier, orders, ordersCount, refunds, member }) => {
    const facts = {
      customer: customer({ value_tier: tier, orders_count: ordersCount }),
      history: { [ordersKey]: orders, [refundsKey]: refunds },
    };

    expect(evaluateAudience(loyalBuyers, facts)).toBe(member);
  });

  it('should read profile fields as well as attributes when a path names one', () => {
    const hasEmail = parse({ attribute: { path: 'email', operator: 'exists' } });

    expect(evaluateAudience(hasEmail, { customer: customer({}), history: {} })).toBe(true);
    expect(evaluateAudience(hasEmail, { customer: customer({}, null), history: {} })).toBe(false);
  });

  it('should compare ISO dates of computed attributes when a condition orders them', () => {
    const atRisk = parse({ attribute: { path: 'churn_risk_at', operator: 'lte', value: '2026-06-01T00:00:00Z' } });

    expect(
      evaluateAudience(atRisk, { customer: customer({ churn_risk_at: '2026-05-20T00:00:00Z' }), history: {} }),
    ).toBe(true);
    expect(evaluateAudience(atRisk, { customer: customer({}), history: {} })).toBe(false);
  });
});

describe('audienceHistoryQueries', () => {
  it('should ask each distinct event question once when the definition repeats one', () => {
    const twice = parse({
      any: [boughtTwiceIn90Days, { all: [boughtTwiceIn90Days] }, loyalBuyers],
    });

    expect(audienceHistoryQueries(twice)).toEqual([
      { event: 'Order Completed', where: [], withinDays: 90 },
      { event: 'Refund Requested', where: [], withinDays: null },
    ]);
  });

  it('should ask nothing when the definition only reads the profile', () => {
    expect(audienceHistoryQueries(parse({ attribute: { path: 'tier', operator: 'eq', value: 'gold' } }))).toEqual([]);
  });
});

describe('audienceReads', () => {
  it('should list top-level attributes, events and whether time can change membership', () => {
    const address = parse({
      all: [{ attribute: { path: 'address.city', operator: 'eq', value: 'Lyon' } }, loyalBuyers],
    });

    expect(audienceReads(address)).toEqual({
      attributes: ['address', 'orders_count', 'value_tier'],
      events: ['Order Completed', 'Refund Requested'],
      timed: true,
    });
  });
});

describe('audienceDefinitionSchema', () => {
  const issuesOf = (definition: unknown) =>
    audienceDefinitionSchema.safeParse(definition).error?.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    }));

  it('should name the wrong field inside a group when a history test is invalid', () => {
    expect(
      issuesOf({
        all: [
          { attribute: { path: 'tier', operator: 'eq', value: 'gold' } },
          { history: { event: 'Order Completed', comparison: 'at-least', count: 2, withinDays: 0 } },
        ],
      }),
    ).toEqual([{ path: 'all.1.history.withinDays', message: 'field.history.days-min' }]);
  });

  it('should ask for a value when an attribute operator compares', () => {
    expect(issuesOf({ any: [{ attribute: { path: 'tier', operator: 'eq' } }] })).toEqual([
      { path: 'any.0.attribute.value', message: 'field.value.compare-required' },
    ]);
  });

  // Language-free: each rule is a catalog key (worded by @rapport/messages) with the params its sentence needs.
  const wordsOf = (definition: unknown) =>
    audienceDefinitionSchema.safeParse(definition).error?.issues.map(fieldIssueParams);
  const exists = { attribute: { path: 'a', operator: 'exists' } };

  it.each([
    ['no kind of condition', {}, { message: 'field.audience.condition-shape' }],
    [
      'an empty "all" group',
      { all: [], any: [exists] },
      { field: 'all', message: 'field.audience.group-empty', group: 'all' },
    ],
    ['an empty "any" group', { any: [] }, { field: 'any', message: 'field.audience.group-empty', group: 'any' }],
    ['an unknown key', { segment: 'vip' }, { message: 'field.audience.unknown-key', keys: 'segment' }],
    [
      'more conditions than a group holds',
      { all: Array.from({ length: 31 }, () => exists) },
      { field: 'all', message: 'field.audience.group-max', maximum: 30 },
    ],
  ])('should refuse %s by key with its params', (_what, definition, expected) => {
    expect(wordsOf(definition)).toContainEqual(expect.objectContaining(expected));
  });

  it('should refuse groups nested deeper than five levels', () => {
    let rule: unknown = exists;
    for (let level = 0; level < 5; level += 1) rule = { all: [rule] };

    expect(issuesOf(rule)).toEqual([{ path: '', message: 'field.audience.depth-max' }]);
    expect(wordsOf(rule)).toEqual([{ field: '', message: 'field.audience.depth-max', maximum: 5 }]);
  });

  it('should refuse more conditions than an audience holds when they are spread over groups', () => {
    const rule = {
      all: [{ all: Array.from({ length: 16 }, () => exists) }, { any: Array.from({ length: 15 }, () => exists) }],
    };

    expect(wordsOf(rule)).toEqual([{ field: '', message: 'field.audience.tests-max', maximum: 30 }]);
  });

  it('should fill the history defaults when a test leaves them out', () => {
    expect(parse({ history: { event: 'Signed Up', comparison: 'none' } })).toEqual({
      history: { event: 'Signed Up', comparison: 'none', where: [], withinDays: null, count: 1 },
    });
  });
});

describe('audienceKeySchema', () => {
  it.each([
    ['loyal-buyers', true],
    ['vip_2026', true],
    ['all', false],
    ['Loyal Buyers', false],
    ['', false],
  ])('should accept %s: %s', (key, ok) => {
    expect(audienceKeySchema.safeParse(key).success).toBe(ok);
  });

  it('should keep "all" for every customer, naming it in the rule params', () => {
    const sut = audienceKeySchema.safeParse('all').error?.issues.map(fieldIssueParams);

    expect(sut).toEqual([{ field: '', message: 'field.audience.key-reserved', key: 'all' }]);
  });
});
