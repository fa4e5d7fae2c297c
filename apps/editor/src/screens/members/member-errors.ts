import { ApiError } from '../../api/api-client';

export type MemberField = 'email' | 'name' | 'role' | 'password';
const FIELDS: readonly string[] = ['email', 'name', 'role', 'password'] satisfies MemberField[];

/** A refusal split by field, so each message sits next to what it is about; `general` is the rest. */
export type FieldErrors = { fields: Partial<Record<MemberField, string>>; general: string | null };

const isField = (value: unknown): value is MemberField => typeof value === 'string' && FIELDS.includes(value);

/**
 * Where the server says a member change went wrong: a 400 names fields in `issues` (`{ path: ['email'] }`), the
 * accounts errors name one in `field` (a new email without a password, an email already a member). Anything
 * without a field (the last admin, the network) is general.
 */
export const fieldErrorsOf = (error: unknown): FieldErrors => {
  if (!(error instanceof ApiError)) return { fields: {}, general: String(error) };
  const fields: FieldErrors['fields'] = {};
  for (const issue of error.details.issues ?? []) {
    const field = issue.path[0];
    if (isField(field) && !fields[field]) fields[field] = issue.message;
  }
  if (isField(error.details.field) && !fields[error.details.field]) fields[error.details.field] = error.message;
  return Object.keys(fields).length > 0 ? { fields, general: null } : { fields, general: error.message };
};
