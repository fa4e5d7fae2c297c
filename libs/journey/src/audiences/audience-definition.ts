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

// Rules name their words by key (`field.audience.*`), worded in the reader's language by @rapport/messages;
// a custom rule's `params` (the group's `all`/`any`, a limit) go into the sentence too.
const groupSchema = (group: 'all' | 'any') =>
  z
    .array(z.lazy(() => audienceRuleSchema))
    .max(MAX_AUDIENCE_TESTS, 'field.audience.group-max')
    .refine((rules) => rules.length > 0, { message: 'field.audience.group-empty', params: { group } });

export const audienceRuleSchema: z.ZodType<AudienceRule> = z
  .strictObject(
    {
      all: groupSchema('all').optional(),
      any: groupSchema('any').optional(),
      attribute: propertyFilterSchema.optional(),
      history: eventHistoryConditionKind.schema.optional(),
    },
    {
      // zod's issue keeps the unknown names (`keys`): the sentence quotes them.
      error: (issue) => (issue.code === 'unrecognized_keys' ? 'field.audience.unknown-key' : undefined),
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
    message: 'field.audience.depth-max',
    params: { maximum: MAX_AUDIENCE_DEPTH },
  })
  .refine((rule) => testsIn(rule) <= MAX_AUDIENCE_TESTS, {
    message: 'field.audience.tests-max',
    params: { maximum: MAX_AUDIENCE_TESTS },
  });

export type AudienceDefinition = AudienceRule;

/** `all` is reserved: a schedule trigger's audience `all` means every customer. */
export const audienceKeySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,99}$/, 'field.audience.key-format')
  .refine((key) => key !== 'all', { message: 'field.audience.key-reserved', params: { key: 'all' } });
