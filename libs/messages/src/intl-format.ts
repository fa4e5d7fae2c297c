import type { Locale } from './locale';

/**
 * Dates, times and money for the reader's locale, through Intl (no hand-made formats). Each takes the zone or the
 * currency explicitly: the server has no "local" zone worth showing, and an amount without its currency is a guess.
 */

type DateInput = Date | string | number;

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

const toDate = (value: DateInput): Date =>
  value instanceof Date
    ? value
    : new Date(typeof value === 'string' && CALENDAR_DATE.test(value) ? `${value}T00:00:00Z` : value);

/** `Nov 23, 2026` / `2026年11月23日`. A calendar date (`2026-11-23`) is that day whatever the zone. */
export const formatDate = (locale: Locale, value: DateInput, timeZone = 'UTC'): string =>
  new Intl.DateTimeFormat(locale, {
    dateStyle: locale === 'zh-CN' ? 'long' : 'medium',
    timeZone: typeof value === 'string' && CALENDAR_DATE.test(value) ? 'UTC' : timeZone,
  }).format(toDate(value));

/** `Nov 23, 2026, 10:00 AM GMT+8` / `2026年11月23日 GMT+8 10:00`: the zone is named, so nobody guesses it. */
export const formatDateTime = (locale: Locale, value: DateInput, timeZone = 'UTC'): string =>
  new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(toDate(value));

/** `10:00 AM` / `10:00` in the zone. */
export const formatTime = (locale: Locale, value: DateInput, timeZone = 'UTC'): string =>
  new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone }).format(toDate(value));

/** `CN¥1,234.50` in English, `¥1,234.50` in Chinese; `US$` in Chinese for dollars. */
export const formatMoney = (locale: Locale, amount: number, currency: string): string =>
  new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);

export const formatNumber = (locale: Locale, value: number): string => new Intl.NumberFormat(locale).format(value);

/** `A, B, and C` / `A、B和C`: a list of phrases joined the locale's way. */
export const formatList = (locale: Locale, items: readonly string[]): string =>
  new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
