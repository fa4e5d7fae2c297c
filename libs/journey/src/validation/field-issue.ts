import type { z } from 'zod';
import type { ProblemParams } from './problem';

/**
 * The core stays language-free: a settings rule's zod message is a catalog key (`field.wait.min`), worded in the
 * reader's language by @rapport/messages. zod's own checks (no custom message) become `field.<issue code>`
 * (`field.too-small`) with the numbers the sentence needs. A message that is not a key yet (a kind still being
 * converted) stays in `detail` so the reader is never left with nothing.
 */
export const FIELD_MESSAGE_PREFIX = 'field.';

const GENERIC_CODES = new Set([
  'invalid_type',
  'too_small',
  'too_big',
  'invalid_value',
  'invalid_format',
  'invalid_union',
  'unrecognized_keys',
  'not_multiple_of',
  'custom',
]);

const isFieldKey = (message: string): boolean => /^field\.[a-z0-9.-]+$/.test(message);

const numberOrText = (value: unknown): string | number | null =>
  typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : value == null ? null : String(value);

/** What every settings problem carries; zod's limits and a not-yet-keyed rule's `detail` come beside them. */
export type FieldIssueParams = ProblemParams & { field: string; message: string };

/** Problem params for one zod issue: `field` (the setting), `message` (a catalog key) and the issue's limits. */
export const fieldIssueParams = (issue: z.core.$ZodIssue): FieldIssueParams => {
  const keyed = isFieldKey(issue.message);
  const message = keyed
    ? issue.message
    : `${FIELD_MESSAGE_PREFIX}${GENERIC_CODES.has(issue.code) ? issue.code.replace(/_/g, '-') : 'invalid'}`;
  const raw = issue as unknown as Record<string, unknown>;
  // A custom rule's own params (`refine(..., { params: { group: 'all' } })`) fill its sentence too.
  const own = issue.code === 'custom' ? Object.entries(issue.params ?? {}) : [];
  const params: FieldIssueParams = {
    ...Object.fromEntries(own.map(([name, value]) => [name, numberOrText(value)])),
    field: issue.path.join('.'),
    message,
  };
  for (const name of ['minimum', 'maximum', 'origin', 'expected', 'divisor', 'format'] as const) {
    if (raw[name] !== undefined) params[name] = numberOrText(raw[name]);
  }
  // The unknown names as the reader wrote them (`segment, tier`), for the sentence to quote.
  if (issue.code === 'unrecognized_keys') params['keys'] = issue.keys.join(', ');
  // zod's own English (or a not-yet-converted rule's) is kept as a fallback only, never shown when a key exists.
  if (!keyed && !hasBuiltInWording(issue)) params['detail'] = issue.message;
  return params;
};

/** A custom message written in a kind (not zod's generic "Too small: ..."), i.e. a rule not yet given a key. */
const hasBuiltInWording = (issue: z.core.$ZodIssue): boolean =>
  /^(Invalid|Too (small|big)|Unrecognized|Expected)/.test(issue.message);
