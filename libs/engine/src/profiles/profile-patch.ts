import { z } from 'zod';
import {
  attributeNameSchema,
  canonicalLocale,
  checkValue,
  E164,
  isIanaZone,
  type AttributeType,
} from './attribute-types';

import { isMessageKey, translate } from '@rapport/messages';
import type { InputIssue } from '../tracking/segment.schema';

/** A rule named by catalog key (`field.attribute.reserved-name`) in English, for logs and the import's status. */
const inEnglish = (message: string): string => (isMessageKey(message) ? translate('en', message) : message);

/** What a ProfileInputError is about: a profile edit, an import's header line, or the import file itself. */
export type ProfileInputSubject = 'profile' | 'csv-header' | 'csv';

/** Bad profile input: every wrong field at once, nothing written. */
export class ProfileInputError extends Error {
  constructor(
    message: string,
    readonly issues: InputIssue[],
    readonly subject: ProfileInputSubject = 'profile',
  ) {
    super(message);
  }

  static of(what: string, issues: InputIssue[], subject: ProfileInputSubject = 'profile'): ProfileInputError {
    const summary = issues.map((issue) => `${issue.path.join('.') || 'body'}: ${inEnglish(issue.message)}`).join('; ');
    return new ProfileInputError(`Invalid ${what}: ${summary}`, issues, subject);
  }
}

const patchSchema = z
  .object({
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
  })
  .strict();

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
  const issues: InputIssue[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ path: issue.path as (string | number)[], message: issue.message }));
  // Attributes are checked even when another field is wrong, so one answer names every problem.
  const attributes = (body as { attributes?: unknown } | null)?.attributes;
  const set: Record<string, unknown> = {};
  const remove: string[] = [];
  if (attributes && typeof attributes === 'object' && !Array.isArray(attributes)) {
    for (const [name, value] of Object.entries(attributes)) {
      const path = ['attributes', name];
      const named = attributeNameSchema.safeParse(name);
      if (!named.success) {
        issues.push(...named.error.issues.map((issue) => ({ path, message: issue.message })));
        continue;
      }
      if (value === null) {
        remove.push(name);
        continue;
      }
      const checked = checkValue(types.get(name) ?? null, value);
      if (checked.ok) set[name] = checked.value;
      else issues.push({ path, message: checked.message });
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
