import { z } from 'zod';
import { readPath } from '@rapport/journey';
import type { OrderSummary } from './computed-attributes';

const DAY_MS = 86_400_000;

const score = z
  .number({ message: 'field.tier.score' })
  .int('field.tier.score')
  .min(1, 'field.tier.score')
  .max(5, 'field.tier.score');

const scoreRange = z
  .object({ min: score.optional(), max: score.optional() })
  .strict()
  .refine((range) => range.min === undefined || range.max === undefined || range.min <= range.max, {
    message: 'field.tier.range-order',
    path: ['min'],
  });

const tierName = z
  .string()
  .trim()
  .min(1, 'field.tier.name-required')
  .max(60)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'field.tier.name-format');

const rule = z
  .object({
    /** The value written to `value_tier` (conditions compare with it). */
    tier: tierName,
    /** The marketer's words for it, shown in settings. */
    label: z.string().trim().max(100).optional(),
    recency: scoreRange.optional(),
    frequency: scoreRange.optional(),
    monetary: scoreRange.optional(),
    /** "Costs more than they bring": the customer's number attribute (returns, service, discounts) exceeds total_spent. */
    costAbove: z
      .object({
        attribute: z
          .string()
          .trim()
          .min(1, 'field.tier.cost-attribute-required')
          .max(200)
          .regex(/^[^.\s][^\s]*$/, 'field.attribute.path-format'),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((value) => value.recency || value.frequency || value.monetary || value.costAbove, {
    message: 'field.tier.rule-empty',
    path: ['tier'],
  });

export const valueTierSettingsSchema = z
  .object({
    /** Checked in order; the first that holds gives the tier. */
    rules: z.array(rule).max(20, 'field.tier.rules-max'),
    /** The tier of scored customers no rule matches. */
    otherTier: tierName.default('other'),
    /** How often the workspace's quintiles and every customer's tier are computed again. */
    rescoreEveryHours: z
      .number()
      .int('field.tier.rescore-hours')
      .min(1, 'field.tier.rescore-hours')
      .max(24 * 31, 'field.tier.rescore-hours')
      .default(24),
  })
  .strict();

export type ValueTierSettings = z.output<typeof valueTierSettingsSchema>;
export type ValueTierRule = ValueTierSettings['rules'][number];

export const DEFAULT_VALUE_TIER_SETTINGS: ValueTierSettings = {
  rules: [
    { tier: 'below-zero', label: 'Below zero: cost more than they bring', costAbove: { attribute: 'cost_to_serve' } },
    {
      tier: 'most-valuable',
      label: 'Most valuable: buy the most now',
      recency: { min: 3 },
      frequency: { min: 4 },
      monetary: { min: 4 },
    },
    {
      tier: 'most-growable',
      label: 'Most growable: recent, but not buying much yet',
      recency: { min: 4 },
      frequency: { max: 3 },
    },
  ],
  otherTier: 'other',
  rescoreEveryHours: 24,
};

/** The stored settings, or the defaults when the marketer never saved any. */
export const valueTierSettingsOf = (stored: unknown): ValueTierSettings => {
  const parsed = valueTierSettingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_VALUE_TIER_SETTINGS;
};

/**
 * The quintile cut points of the workspace's customers with orders (20th, 40th, 60th and 80th percentiles):
 * days since the last order, number of orders, money spent.
 */
export type QuintileBoundaries = {
  recencyDays: number[];
  frequency: number[];
  monetary: number[];
  customers: number;
  computedAt: string;
};

export type RfmScores = { recency: number; frequency: number; monetary: number };

/** 1 to 5: one more for each cut point the value is above (below, for recency: fewer days is better). */
const quintile = (value: number, cuts: number[], higherIsBetter: boolean): number => {
  const above = cuts.filter((cut) => value > cut).length;
  return higherIsBetter ? 1 + above : 5 - above;
};

export const daysSince = (date: Date, now: Date): number => Math.max(0, (now.getTime() - date.getTime()) / DAY_MS);

export const rfmScores = (summary: OrderSummary, now: Date, boundaries: QuintileBoundaries): RfmScores => ({
  recency: quintile(daysSince(summary.lastOrderAt, now), boundaries.recencyDays, false),
  frequency: quintile(summary.ordersCount, boundaries.frequency, true),
  monetary: quintile(summary.spentCents / 100, boundaries.monetary, true),
});

const within = (value: number, range: { min?: number; max?: number } | undefined): boolean =>
  !range || ((range.min === undefined || value >= range.min) && (range.max === undefined || value <= range.max));

const costOf = (attributes: Record<string, unknown>, path: string): number | null => {
  const value = readPath(attributes, path);
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : null;
};

/** The first rule that holds gives the tier; a cost rule needs the cost attribute to be a number. */
export const tierFor = (
  settings: ValueTierSettings,
  input: { scores: RfmScores; totalSpent: number; attributes: Record<string, unknown> },
): string => {
  const matched = settings.rules.find((candidate) => {
    if (!within(input.scores.recency, candidate.recency)) return false;
    if (!within(input.scores.frequency, candidate.frequency)) return false;
    if (!within(input.scores.monetary, candidate.monetary)) return false;
    if (!candidate.costAbove) return true;
    const cost = costOf(input.attributes, candidate.costAbove.attribute);
    return cost !== null && cost > input.totalSpent;
  });
  return matched?.tier ?? settings.otherTier;
};

/** The attributes scoring writes: the three scores and the tier. */
export const tierAttributes = (
  settings: ValueTierSettings,
  input: { summary: OrderSummary; now: Date; boundaries: QuintileBoundaries; attributes: Record<string, unknown> },
): Record<string, unknown> => {
  const scores = rfmScores(input.summary, input.now, input.boundaries);
  const tier = tierFor(settings, {
    scores,
    totalSpent: input.summary.spentCents / 100,
    attributes: input.attributes,
  });
  return {
    rfm_recency: scores.recency,
    rfm_frequency: scores.frequency,
    rfm_monetary: scores.monetary,
    value_tier: tier,
  };
};
