import { formatList, type Locale } from '@rapport/messages';
import type { I18n } from '../../i18n';
import type { AttributeInfo } from '../screens-api';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** One attribute of the profile as the screen shows it: its name, its label in the reader's words, its value. */
export type AttributeRow = { name: string; label: string | null; value: unknown };

/**
 * The profile's attributes split in two: those the shop sends or a marketer declared, and those Rapport computes
 * from orders (read only). The API's attribute list says which are computed and gives their labels in the reader's
 * language; an attribute it does not list is simply the shop's. Each group is sorted by name.
 */
export const groupAttributes = (
  attributes: Record<string, unknown> | null,
  known: readonly AttributeInfo[],
): { own: AttributeRow[]; computed: AttributeRow[] } => {
  const infos = new Map(known.map((info) => [info.name, info]));
  const rows = Object.entries(attributes ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => ({ name, label: infos.get(name)?.label ?? null, value }));
  const isComputed = (row: AttributeRow) => infos.get(row.name)?.source === 'computed';
  return { own: rows.filter((row) => !isComputed(row)), computed: rows.filter(isComputed) };
};

type Words = { yes: string; no: string; empty: string };

const isFlat = (values: unknown[]) => values.every((item) => item === null || typeof item !== 'object');

/**
 * A stored value in the reader's way: numbers grouped, a calendar date (`1990-04-21`) as that day, an instant in
 * the given zone with the zone named, yes/no, lists joined the language's way, a map of simple values (a date per
 * product) one `key: value` per line. Deeper data (recommendations) stays JSON: it is for templates, not sentences.
 * Money has no currency on a profile (totals are summed in the shop's one currency, never stored with it), so it
 * is written as a number.
 */
export const formatAttributeValue = (
  value: unknown,
  context: { locale: Locale; format: I18n['format']; timeZone: string; words: Words },
): string => {
  const { format, words } = context;
  if (value === null || value === undefined || value === '') return words.empty;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'number') return Number.isFinite(value) ? format.number(value) : String(value);
  if (typeof value === 'string') {
    if (CALENDAR_DATE.test(value)) return format.date(value);
    if (INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return format.dateTime(value, context.timeZone);
    return value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return words.empty;
    if (isFlat(value))
      return formatList(
        context.locale,
        value.map((item) => formatAttributeValue(item, context)),
      );
  } else if (typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return words.empty;
    if (isFlat(entries.map(([, item]) => item)))
      return entries.map(([key, item]) => `${key}: ${formatAttributeValue(item, context)}`).join('\n');
  }
  return JSON.stringify(value);
};
