import { z } from 'zod';
import {
  attributeNameSchema,
  canonicalLocale,
  checkValue,
  E164,
  isIanaZone,
  type AttributeType,
} from './attribute-types';
import { fieldIssueParams } from '@rapport/journey';
import { isMessageKey, toMessageParams, translate, type MessageKey, type MessageParams } from '@rapport/messages';

/** What a ProfileInputError is about: a profile edit, an import's header line, or the import file itself. */
export type ProfileInputSubject = 'profile' | 'csv-header' | 'csv';

/** One wrong field: where, and why as a catalog key with its params (the API words it in the reader's language). */
export type ProfileIssue = { path: (string | number)[]; key: MessageKey; params: MessageParams };

/** A zod issue as a ProfileIssue: its rule's own key, or zod's generic check (`field.too-big`) with the limits. */
export const profileIssueOf = (issue: z.core.$ZodIssue, path = issue.path as (string | number)[]): ProfileIssue => {
  const params = fieldIssueParams(issue);
  return {
    path,
    key: isMessageKey(params.message) ? params.message : 'field.invalid',
    params: toMessageParams(params),
  };
};

/** Bad profile input: every wrong field at once, nothing written. The message is English, for logs. */
export class ProfileInputError extends Error {
  constructor(
    message: string,
    readonly issues: ProfileIssue[],
    readonly subject: ProfileInputSubject = 'profile',
  ) {
    super(message);
  }

  static of(what: string, issues: ProfileIssue[], subject: ProfileInputSubject = 'profile'): ProfileInputError {
    const summary = issues
      .map((issue) => `${issue.path.join('.') || 'body'}: ${translate('en', issue.key, issue.params)}`)
      .join('; ');
    return new ProfileInputError(`Invalid ${what}: ${summary}`, issues, subject);
  }
}

const patchSchema = z.strictObject(
  {
    email: z.email('field.email.format').max(320).nullable().optional(),
    phone: z.string().regex(E164, 'field.phone.format').nullable().optional(),
    timeZone: z.string().refine(isIanaZone, 'field.time-zone.format').nullable().optional(),
    locale: z
      .string()
      .refine((tag) => canonicalLocale(tag) !== null, 'field.locale.format')
      .nullable()
      .optional(),
    /** A null value removes the attribute. */
    attributes: z.record(z.string(), z.unknown()).optional(),
    consent: z.object({ email: z.boolean().optional(), sms: z.boolean().optional() }).strict().optional(),
  },
  // Only the unknown names get these words; a body that is not an object keeps zod's generic check.
  { error: (issue) => (issue.code === 'unrecognized_keys' ? 'field.profile.unknown-fields' : undefined) },
);

/** A validated profile edit, ready for CustomerRepository.update. */
export type ProfilePatch = {
  fields: Partial<Record<'email' | 'phone' | 'time_zone' | 'locale', string | null>>;
  set: Record<string, unknown>;
  remove: string[];
  consent: { channel: 'email' | 'sms'; granted: boolean }[];
};

/** Validates a PATCH body against the schema and the workspace's declared attribute types. */
export const parseProfilePatch = (body: unknown, types: ReadonlyMap<string, AttributeType>): ProfilePatch => {
  const parsed = patchSchema.safeParse(body);
  const issues: ProfileIssue[] = parsed.success ? [] : parsed.error.issues.map((issue) => profileIssueOf(issue));
  // Attributes are checked even when another field is wrong, so one answer names every problem.
  const attributes = (body as { attributes?: unknown } | null)?.attributes;
  const set: Record<string, unknown> = {};
  const remove: string[] = [];
  if (attributes && typeof attributes === 'object' && !Array.isArray(attributes)) {
    for (const [name, value] of Object.entries(attributes)) {
      const path = ['attributes', name];
      const named = attributeNameSchema.safeParse(name);
      if (!named.success) {
        issues.push(...named.error.issues.map((issue) => profileIssueOf(issue, path)));
        continue;
      }
      if (value === null) {
        remove.push(name);
        continue;
      }
      const checked = checkValue(types.get(name) ?? null, value);
      if (checked.ok) set[name] = checked.value;
      else issues.push({ path, key: checked.key, params: checked.params });
    }
  }
  if (!parsed.success || issues.length > 0) throw ProfileInputError.of('profile', issues);
  const input = parsed.data;

  const fields: ProfilePatch['fields'] = {};
  if (input.email !== undefined) fields.email = input.email?.toLowerCase() ?? null;
  if (input.phone !== undefined) fields.phone = input.phone;
  if (input.timeZone !== undefined) fields.time_zone = input.timeZone;
  if (input.locale !== undefined) fields.locale = input.locale === null ? null : canonicalLocale(input.locale);
  const consent = (['email', 'sms'] as const).flatMap((channel) => {
    const granted = input.consent?.[channel];
    return granted === undefined ? [] : [{ channel, granted }];
  });
  return { fields, set, remove, consent };
};
