import { z } from 'zod';
import { propertyFilterSchema, type PropertyFilter } from '../graph/condition';
import { eventHistoryConditionKind, type EventHistoryConditionConfig } from '../kinds/event-history-condition.kind';

/**
 * One part of a saved audience: a group (`all` must hold, or `any`), a test on the profile (`attribute`, the same
 * path/operator/value the attribute-condition node uses, computed attributes included), or a test on what the
 * customer did (`history`, the event-history-condition node's settings: event, filters, at least / at most / none,
 * within N days or ever). Exactly one key per part.
 */
export type AudienceRule = {
  all?: AudienceRule[];
  any?: AudienceRule[];
  attribute?: PropertyFilter;
  history?: EventHistoryConditionConfig;
};

const RULE_KEYS = ['all', 'any', 'attribute', 'history'] as const;

// Deep trees and hundreds of tests are beyond what a marketer can read, and each history test costs a query.
export const MAX_AUDIENCE_DEPTH = 5;
export const MAX_AUDIENCE_TESTS = 30;

const groupSchema = (word: 'all' | 'any') =>
  z
    .array(z.lazy(() => audienceRuleSchema))
    .min(1, `an "${word}" group needs at least one condition`)
    .max(MAX_AUDIENCE_TESTS, `use at most ${MAX_AUDIENCE_TESTS} conditions in a group`);

export const audienceRuleSchema: z.ZodType<AudienceRule> = z
  .strictObject(
    {
      all: groupSchema('all').optional(),
      any: groupSchema('any').optional(),
      attribute: propertyFilterSchema.optional(),
      history: eventHistoryConditionKind.schema.optional(),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `unknown key ${issue.keys.map((key) => `"${key}"`).join(', ')}: use one of "all", "any", "attribute" or "history"`
          : undefined,
    },
  )
  .refine((rule) => RULE_KEYS.filter((key) => rule[key] !== undefined).length === 1, {
    message: 'field.audience.condition-shape',
  });

const depthOf = (rule: AudienceRule): number =>
  1 + Math.max(0, ...[...(rule.all ?? []), ...(rule.any ?? [])].map(depthOf));

const testsIn = (rule: AudienceRule): number =>
  rule.attribute || rule.history ? 1 : [...(rule.all ?? []), ...(rule.any ?? [])].reduce((n, r) => n + testsIn(r), 0);

/** A saved audience's definition: one rule (usually an `all` or `any` group), within the size limits. */
export const audienceDefinitionSchema = audienceRuleSchema
  .refine((rule) => depthOf(rule) <= MAX_AUDIENCE_DEPTH, {
    message: `nest groups at most ${MAX_AUDIENCE_DEPTH} levels deep`,
  })
  .refine((rule) => testsIn(rule) <= MAX_AUDIENCE_TESTS, {
    message: `use at most ${MAX_AUDIENCE_TESTS} conditions in one audience`,
  });

export type AudienceDefinition = AudienceRule;

/** `all` is reserved: a schedule trigger's audience `all` means every customer. */
export const audienceKeySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,99}$/, 'field.audience.key-format')
  .refine((key) => key !== 'all', '"all" is reserved for every customer; choose another key');
