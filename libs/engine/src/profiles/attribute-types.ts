import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import type { MessageKey, MessageParams } from '@rapport/messages';

/** What a marketer can declare an attribute to hold; the editor offers operators by type. */
export const ATTRIBUTE_TYPES = ['string', 'number', 'boolean', 'date'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

/**
 * Computed from the order history (the insights area keeps them current): templates and conditions read them.
 * Their names for marketers are catalog words (`attribute.label.<name>`), given by the API in the reader's language.
 */
export const COMPUTED_ATTRIBUTES = [
  { name: 'orders_count', type: 'number' },
  { name: 'total_spent', type: 'number' },
  { name: 'first_order_at', type: 'date' },
  { name: 'last_order_at', type: 'date' },
  { name: 'average_order_interval_days', type: 'number' },
  { name: 'churn_risk_at', type: 'date' },
  { name: 'products_bought', type: 'list' },
  { name: 'value_tier', type: 'string' },
  { name: 'rfm_recency', type: 'number' },
  { name: 'rfm_frequency', type: 'number' },
  { name: 'rfm_monetary', type: 'number' },
  { name: 'next_refill_due_at', type: 'date' },
  // Per product id: `refill_due_at.<product>` and `last_ordered_at.<product>` are dates.
  { name: 'refill_due_at', type: 'map' },
  { name: 'last_ordered_at', type: 'map' },
  { name: 'recommendations', type: 'list' },
  { name: 'recommended_categories', type: 'list' },
] as const satisfies readonly { name: string; type: AttributeType | 'list' | 'map' }[];

/** Profile fields kept in their own columns (not attributes). */
export const PROFILE_FIELDS = [
  { name: 'externalId', type: 'string' },
  { name: 'email', type: 'string' },
  { name: 'phone', type: 'string' },
  { name: 'timeZone', type: 'string' },
  { name: 'locale', type: 'string' },
] as const satisfies readonly { name: string; type: AttributeType }[];

const COMPUTED = new Set<string>(COMPUTED_ATTRIBUTES.map((attribute) => attribute.name));
const RESERVED = new Set<string>([
  ...PROFILE_FIELDS.map((field) => field.name),
  'id',
  'customer',
  'event',
  'coupon',
  'unsubscribeUrl',
  'recommendations',
  'time_zone',
  'timezone',
  'user_id',
  'email_consent',
  'sms_consent',
]);

export const isComputedAttribute = (name: string): boolean => COMPUTED.has(name);

export const attributeNameSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'field.attribute.declared-name-format')
  .refine((name) => !RESERVED.has(name), 'field.attribute.reserved-name')
  .refine((name) => !COMPUTED.has(name), 'field.attribute.computed-name');

export const attributeDeclarationSchema = z
  .object({
    type: z.enum(ATTRIBUTE_TYPES, { message: 'field.attribute.type-choice' }),
    label: z.string().trim().min(1).max(100).nullish(),
  })
  .strict();

export const isIanaZone = (zone: string): boolean => IANAZone.isValidZone(zone);

/** The canonical BCP 47 form (`fr-FR`), or null when the tag is not well-formed. */
export const canonicalLocale = (locale: string): string | null => {
  try {
    const [canonical] = Intl.getCanonicalLocales(locale.trim());
    return canonical ?? null;
  } catch {
    return null;
  }
};

export const E164 = /^\+[1-9]\d{6,14}$/;

/** A date attribute is stored as `YYYY-MM-DD` (a calendar day, like a birthday) or an ISO instant in UTC. */
const normalizeDate = (value: string): string | null => {
  const trimmed = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return DateTime.fromISO(trimmed).isValid ? trimmed : null;
  const parsed = DateTime.fromISO(trimmed, { setZone: true });
  return parsed.isValid ? (parsed.toUTC().toISO() ?? null) : null;
};

/** A value read or checked: the value to store, or why not as a catalog key with its params (worded per reader). */
export type Parsed = { ok: true; value: unknown } | { ok: false; key: MessageKey; params: MessageParams };

const BOOLEAN_WORDS: Record<string, boolean> = {
  true: true,
  yes: true,
  '1': true,
  false: false,
  no: false,
  '0': false,
};

const refused = (key: MessageKey, params: MessageParams = {}): Parsed => ({ ok: false, key, params });

/** Reads a CSV cell as the declared type (undeclared attributes stay text). */
export const parseCell = (type: AttributeType | null, raw: string): Parsed => {
  const text = raw.trim();
  switch (type ?? 'string') {
    case 'string':
      return { ok: true, value: raw };
    case 'number': {
      const value = Number(text);
      return text !== '' && Number.isFinite(value)
        ? { ok: true, value }
        : refused('field.value.not-number', { value: raw });
    }
    case 'boolean': {
      const value = BOOLEAN_WORDS[text.toLowerCase()];
      return value === undefined ? refused('field.value.not-boolean', { value: raw }) : { ok: true, value };
    }
    case 'date': {
      const value = normalizeDate(text);
      return value ? { ok: true, value } : refused('field.value.not-date', { value: raw });
    }
  }
};

/** Checks a JSON value against the declared type; dates are normalized. */
export const checkValue = (type: AttributeType | null, value: unknown): Parsed => {
  if (type === null) return { ok: true, value };
  const declared = refused('field.value.declared-type', { type });
  switch (type) {
    case 'string':
      return typeof value === 'string' ? { ok: true, value } : declared;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? { ok: true, value } : declared;
    case 'boolean':
      return typeof value === 'boolean' ? { ok: true, value } : declared;
    case 'date': {
      const normalized = typeof value === 'string' ? normalizeDate(value) : null;
      return normalized ? { ok: true, value: normalized } : declared;
    }
  }
};

/** The type a stored value suggests, for attributes nobody declared. */
export const inferType = (values: unknown[]): AttributeType | 'list' | 'object' => {
  const kinds = new Set(
    values.map((value) =>
      Array.isArray(value)
        ? 'list'
        : typeof value === 'string' && normalizeDate(value) && /^\d{4}-\d{2}-\d{2}/.test(value)
          ? 'date'
          : value !== null && typeof value === 'object'
            ? 'object'
            : typeof value,
    ),
  );
  if (kinds.size !== 1) return 'string';
  const [kind] = kinds;
  return kind === 'number' || kind === 'boolean' || kind === 'date' || kind === 'list' || kind === 'object'
    ? kind
    : 'string';
};
