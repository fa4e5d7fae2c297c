import { DateTime, IANAZone, type DateTimeFormatOptions } from 'luxon';

/** Where a render happens: the customer's locale (BCP 47) and IANA time zone. */
export type RenderPlace = { locale: string; timeZone: string };

export const DEFAULT_LOCALE = 'en-US';
export const DEFAULT_TIME_ZONE = 'UTC';

/** The custom helpers templates may call; anything else is a compile error (`knownHelpersOnly`). */
export const EMAIL_HELPER_NAMES = ['date', 'money', 'upper', 'lower'] as const;
export type EmailHelperName = (typeof EMAIL_HELPER_NAMES)[number];
export type EmailHelper = (...args: unknown[]) => string;

export const DATE_FORMATS = {
  /** Long month, day, year and time: "March 5, 2025 at 9:30 AM". */
  long: { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' },
  /** Numeric date and time: "3/5/2025, 9:30 AM". */
  short: DateTime.DATETIME_SHORT,
  /** Long month, day and year: "March 5, 2025". */
  date: DateTime.DATE_FULL,
  /** Time of day: "9:30 AM". */
  time: DateTime.TIME_SIMPLE,
} satisfies Record<string, DateTimeFormatOptions>;
export type DateFormat = keyof typeof DATE_FORMATS;

const isDateFormat = (value: unknown): value is DateFormat =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(DATE_FORMATS, value);

/** A canonical BCP 47 tag, or the default when the customer's locale is missing or malformed. */
export const resolveLocale = (locale: string | null | undefined): string => {
  if (!locale) return DEFAULT_LOCALE;
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
};

/** An IANA zone, or UTC when the customer's zone is missing or unknown. */
export const resolveTimeZone = (timeZone: string | null | undefined): string =>
  timeZone && IANAZone.isValidZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE;

// Handlebars passes its options object last; helpers read only `hash` from it.
const splitArgs = (args: unknown[]): { params: unknown[]; hash: Record<string, unknown> } => {
  const options = args[args.length - 1] as { hash?: Record<string, unknown> } | undefined;
  return { params: args.slice(0, -1), hash: options?.hash ?? {} };
};

const toDateTime = (value: unknown, timeZone: string): DateTime | null => {
  let parsed: DateTime | null = null;
  // fromISO reads an offset when the string has one and converts to the zone; a bare date or
  // local time is taken as already being in the customer's zone (a birthday stays on its day).
  if (typeof value === 'string' && value.trim() !== '') parsed = DateTime.fromISO(value.trim(), { zone: timeZone });
  else if (value instanceof Date) parsed = DateTime.fromJSDate(value, { zone: timeZone });
  return parsed?.isValid ? parsed : null;
};

const MAX_FORMATTERS = 200;
const moneyFormatters = new Map<string, Intl.NumberFormat>();

const moneyFormatter = (locale: string, currency: string): Intl.NumberFormat | null => {
  const key = `${locale}|${currency}`;
  const hit = moneyFormatters.get(key);
  if (hit) return hit;
  let formatter: Intl.NumberFormat;
  try {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
  } catch {
    return null;
  }
  if (moneyFormatters.size >= MAX_FORMATTERS) moneyFormatters.clear();
  moneyFormatters.set(key, formatter);
  return formatter;
};

const toAmount = (value: unknown): number | null => {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return null;
};

const toText = (value: unknown): string | null =>
  typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : null;

/**
 * The helpers for one render, bound to the customer's locale and zone. Each is pure and returns a
 * plain string, so Handlebars still escapes it in html: no helper ever returns a SafeString.
 * A bad value renders empty (data is the customer's); a bad literal argument throws, which the
 * renderer reports as a TemplateSyntaxError so `validateTemplate` catches it before publish.
 */
export const createEmailHelpers = (place: RenderPlace): Record<EmailHelperName, EmailHelper> => {
  const { locale, timeZone } = place;
  return {
    date: (...args) => {
      const { params, hash } = splitArgs(args);
      const format = hash['format'] ?? 'date';
      if (!isDateFormat(format)) {
        throw new Error(`date: unknown format "${String(format)}"; use one of ${Object.keys(DATE_FORMATS).join(', ')}`);
      }
      const at = toDateTime(params[0], timeZone);
      // ICU 72+ puts a narrow no-break space before "PM" but not on every code path (it differs by
      // zone here); a plain space is stable and shows in every mail client's font.
      return at
        ? at
            .setLocale(locale)
            .toLocaleString(DATE_FORMATS[format])
            .replace(/\u202f/g, ' ')
        : '';
    },
    money: (...args) => {
      const { params, hash } = splitArgs(args);
      if (!('currency' in hash)) throw new Error('money: a currency is required, e.g. {{money total currency="EUR"}}');
      const currency = hash['currency'];
      const amount = toAmount(params[0]);
      if (amount === null || typeof currency !== 'string' || !/^[A-Za-z]{3}$/.test(currency)) return '';
      return moneyFormatter(locale, currency.toUpperCase())?.format(amount) ?? '';
    },
    upper: (...args) => toText(splitArgs(args).params[0])?.toLocaleUpperCase(locale) ?? '',
    lower: (...args) => toText(splitArgs(args).params[0])?.toLocaleLowerCase(locale) ?? '',
  };
};
