import { z } from 'zod';
import { conditionSchema, propertyFilterSchema } from './condition';

export const PERIOD_UNITS = ['days', 'weeks', 'months', 'years'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

/**
 * Who may enter again, and when. `once`: once ever. `once-per-period`: at most once in any period (a birthday
 * journey: once a year). `after-exit`: again, but only once the previous passage ended. `any-time`: every time the
 * trigger fires, with at most `maxConcurrent` passages at once (null: no maximum).
 */
export const entryRuleSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('once') }),
  z.object({
    mode: z.literal('once-per-period'),
    period: z.object({ amount: z.number().int().min(1).max(1000), unit: z.enum(PERIOD_UNITS) }),
  }),
  z.object({ mode: z.literal('after-exit') }),
  z.object({ mode: z.literal('any-time'), maxConcurrent: z.number().int().min(1).max(1000).nullable().default(null) }),
]);

export type EntryRule = z.infer<typeof entryRuleSchema>;

/**
 * A conversion: the event done within `withinDays` of entering counts (measured for every passage, holdout
 * control included). `exitOnGoal` also ends the passage ("they ordered meanwhile: leave the journey").
 * `sameAsTrigger` lists property paths that must share a value with the triggering event (the same product).
 */
export const goalSchema = z.object({
  event: z.string().trim().min(1, 'field.goal.event-required').max(200),
  where: z.array(propertyFilterSchema).max(20).default([]),
  sameAsTrigger: z.array(z.string().trim().min(1).max(200)).max(5).default([]),
  withinDays: z.number().int().min(1).max(3650).default(30),
  exitOnGoal: z.boolean().default(false),
});

export type Goal = z.infer<typeof goalSchema>;

export const journeySettingsSchema = z.object({
  entry: entryRuleSchema.default({ mode: 'any-time', maxConcurrent: null }),
  /** At most this many passages in total, then entry stops (a limited offer). */
  entryLimit: z.number().int().min(1).nullable().default(null),
  goal: goalSchema.nullable().default(null),
  /** Leave as soon as the customer matches all of these (checked whenever their profile changes). */
  exitWhen: z
    .array(
      conditionSchema.refine((condition) => condition.source === 'profile', {
        message: 'field.exit.profile-only',
        path: ['source'],
      }),
    )
    .max(20)
    .nullable()
    .default(null),
  /** The zone used for customers without a valid one of their own (else the workspace's). */
  timeZone: z.string().max(64).nullable().default(null),
});

export type JourneySettings = z.infer<typeof journeySettingsSchema>;

export const DEFAULT_JOURNEY_SETTINGS: JourneySettings = journeySettingsSchema.parse({});
