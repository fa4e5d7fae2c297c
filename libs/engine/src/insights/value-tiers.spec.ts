import {
  DEFAULT_VALUE_TIER_SETTINGS,
  rfmScores,
  tierFor,
  valueTierSettingsOf,
  valueTierSettingsSchema,
  type QuintileBoundaries,
} from './value-tiers';

const NOW = new Date('2026-06-01T00:00:00Z');
const DAY = 86_400_000;
const boundaries: QuintileBoundaries = {
  recencyDays: [10, 30, 60, 120],
  frequency: [1, 2, 3, 6],
  monetary: [20, 50, 100, 300],
  customers: 100,
  computedAt: NOW.toISOString(),
};
const summary = (daysAgo: number, orders: number, spent: number) => ({
  ordersCount: orders,
  spentCents: spent * 100,
  firstOrderAt: new Date(NOW.getTime() - 400 * DAY),
  lastOrderAt: new Date(NOW.getTime() - daysAgo * DAY),
});

describe('rfmScores', () => {
  it.each([
    {
      daysAgo: 2,
      orders: 9,
      spent: 900,
      expected: { recency: 5, frequency: 5, monetary: 5 },
      who: 'a recent big spender',
    },
    {
      daysAgo: 200,
      orders: 1,
      spent: 10,
      expected: { recency: 1, frequency: 1, monetary: 1 },
      who: 'a lapsed one-off buyer',
    },
    // On a cut point counts as within the lower quintile (percentile_disc gives real values).
    {
      daysAgo: 10,
      orders: 2,
      spent: 50,
      expected: { recency: 5, frequency: 2, monetary: 2 },
      who: 'exactly on cut points',
    },
    {
      daysAgo: 45,
      orders: 4,
      spent: 120,
      expected: { recency: 3, frequency: 4, monetary: 4 },
      who: 'a middling regular',
    },
  ])('should score $who as $expected', ({ daysAgo, orders, spent, expected }) => {
    expect(rfmScores(summary(daysAgo, orders, spent), NOW, boundaries)).toEqual(expected);
  });
});

describe('tierFor', () => {
  const scores = (recency: number, frequency: number, monetary: number) => ({ recency, frequency, monetary });
  const settings = DEFAULT_VALUE_TIER_SETTINGS;

  it.each([
    { s: scores(5, 5, 5), spent: 900, attributes: {}, tier: 'most-valuable', why: 'they buy the most now' },
    { s: scores(5, 1, 2), spent: 40, attributes: {}, tier: 'most-growable', why: 'recent but not buying much yet' },
    { s: scores(1, 1, 1), spent: 10, attributes: {}, tier: 'other', why: 'no rule holds' },
    {
      s: scores(5, 5, 5),
      spent: 900,
      attributes: { cost_to_serve: 1200 },
      tier: 'below-zero',
      why: 'they cost more than they bring (first rule wins)',
    },
    {
      s: scores(5, 5, 5),
      spent: 900,
      attributes: { cost_to_serve: '80' },
      tier: 'most-valuable',
      why: 'cost below spend',
    },
    {
      s: scores(2, 2, 2),
      spent: 50,
      attributes: { cost_to_serve: 'high' },
      tier: 'other',
      why: 'the cost is not a number',
    },
  ])('should give $tier when $why', ({ s, spent, attributes, tier }) => {
    expect(tierFor(settings, { scores: s, totalSpent: spent, attributes })).toBe(tier);
  });

  it('should use the marketer’s own tier names and fallback', () => {
    const custom = valueTierSettingsSchema.parse({
      rules: [{ tier: 'champions', frequency: { min: 5 } }],
      otherTier: 'everyone-else',
    });
    expect(tierFor(custom, { scores: scores(1, 5, 1), totalSpent: 0, attributes: {} })).toBe('champions');
    expect(tierFor(custom, { scores: scores(5, 4, 5), totalSpent: 0, attributes: {} })).toBe('everyone-else');
  });
});

describe('valueTierSettingsSchema', () => {
  const issuesOf = (body: unknown) =>
    valueTierSettingsSchema.safeParse(body).error?.issues.map((issue) => [issue.path.join('.'), issue.message]);

  it.each([
    {
      body: { rules: [{ tier: 'Most Valuable', recency: { min: 4 } }] },
      path: 'rules.0.tier',
      why: 'a tier name with spaces',
    },
    { body: { rules: [{ tier: 'top', recency: { min: 6 } }] }, path: 'rules.0.recency.min', why: 'a score above 5' },
    {
      body: { rules: [{ tier: 'top', monetary: { min: 4, max: 2 } }] },
      path: 'rules.0.monetary.min',
      why: 'min above max',
    },
    { body: { rules: [{ tier: 'top' }] }, path: 'rules.0.tier', why: 'a rule with no condition' },
    { body: { rules: [], rescoreEveryHours: 0 }, path: 'rescoreEveryHours', why: 'an interval under an hour' },
    {
      body: { rules: [{ tier: 'top', recency: { min: 4 }, colour: 'red' }] },
      path: 'rules.0',
      why: 'an unknown field',
    },
  ])('should name $path for $why', ({ body, path }) => {
    expect(issuesOf(body)?.map(([where]) => where)).toContain(path);
  });

  it('should fill the fallback tier and interval, and fall back to the defaults for unreadable stored settings', () => {
    expect(valueTierSettingsSchema.parse({ rules: [] })).toEqual({
      rules: [],
      otherTier: 'other',
      rescoreEveryHours: 24,
    });
    expect(valueTierSettingsOf({ rules: 'nope' })).toEqual(DEFAULT_VALUE_TIER_SETTINGS);
  });
});
