import { isMessageKey, type MessageKey } from '@rapport/messages';
import type { Translate } from '../i18n/i18n-context';

// The settings form's words live in the message catalog (`form.*`); these helpers pick the key for a config key
// or an enum value, and fall back to what the schema says when the catalog has no words for it.

/** A field's label by config key (`form.field.<key>`), or null when the catalog has none. */
export const fieldLabelKey = (name: string): MessageKey | null => {
  const key = `form.field.${name}`;
  return isMessageKey(key) ? key : null;
};

/** The label of the choice between a setting's shapes (`form.variant.<key>`: "How often"), or null. */
export const variantChoiceKey = (name: string): MessageKey | null => {
  const key = `form.variant.${name}`;
  return isMessageKey(key) ? key : null;
};

/** How one shape of a setting reads (`form.variant.<key>.<value>`: "Every week"), or null. */
export const variantLabelKey = (name: string, value: string): MessageKey | null => {
  const key = `form.variant.${name}.${value}`;
  return isMessageKey(key) ? key : null;
};

/** How an enum value reads in a select (`form.option.<value>`); a value not listed is shown as it is. */
export const optionLabel = (t: Translate, value: string): string => {
  const key = `form.option.${value}`;
  return isMessageKey(key) ? t(key) : value;
};

/** Monday first, as the core numbers weekdays (1..7). */
export const WEEKDAY_KEYS = [
  'form.weekday.1',
  'form.weekday.2',
  'form.weekday.3',
  'form.weekday.4',
  'form.weekday.5',
  'form.weekday.6',
  'form.weekday.7',
] as const satisfies readonly MessageKey[];
