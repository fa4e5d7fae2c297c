/**
 * A small, hand-written subset of ICU MessageFormat, enough for Rapport's catalogs:
 *
 * - `{name}` inserts a parameter;
 * - `{name, number}`, `{name, date}`, `{name, datetime}`, `{name, time}` format it for the locale (Intl);
 * - `{name, value}` shows a customer's or event's value: quoted text, a number, or "nothing";
 * - `{name, plural, =0 {…} one {# day} other {# days}}` picks by Intl.PluralRules (`#` is the number);
 * - `{name, select, sms {…} other {…}}` picks by the value (`none` when it is missing or empty);
 * - `'{'` writes a literal brace; `''` an apostrophe (a lone apostrophe is just an apostrophe).
 *
 * Messages are parsed once and cached. A malformed message throws when it is first used; the catalog test parses
 * every message in both languages, so that never reaches a reader.
 */

export type MessageParamValue = string | number | boolean | null | undefined;
export type MessageParams = Record<string, MessageParamValue>;

type Part =
  | { type: 'text'; text: string }
  | { type: 'arg'; name: string; format: ArgFormat | null }
  | { type: 'pound' }
  | { type: 'choice'; kind: 'plural' | 'select'; name: string; options: Map<string, Part[]> };

export const ARG_FORMATS = ['number', 'date', 'datetime', 'time', 'value', 'weekdays'] as const;
type ArgFormat = (typeof ARG_FORMATS)[number];

/** What formatting needs besides the message: the locale, a zone for times, and the catalog's own words. */
export type FormatContext = {
  locale: string;
  /** IANA zone for `datetime` and `time`; UTC when not given. */
  timeZone?: string;
  /** Words `{x, value}` uses: `nothing`, `true`, `false`, and `quoted` with `{text}`. */
  words: { nothing: string; yes: string; no: string; quote: (text: string) => string };
};

export class MessageSyntaxError extends Error {
  constructor(message: string, source: string) {
    super(`${message} in message: ${source}`);
    this.name = 'MessageSyntaxError';
  }
}

const parse = (source: string): Part[] => {
  let at = 0;

  const fail = (what: string): never => {
    throw new MessageSyntaxError(`${what} at ${at}`, source);
  };
  const skipSpace = () => {
    while (at < source.length && /\s/.test(source[at] ?? '')) at += 1;
  };
  const word = (): string => {
    skipSpace();
    const start = at;
    while (at < source.length && /[^\s{},]/.test(source[at] ?? '')) at += 1;
    if (at === start) fail('expected a name');
    return source.slice(start, at);
  };

  const parts = (inChoice: 'plural' | 'select' | null): Part[] => {
    const out: Part[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push({ type: 'text', text });
      text = '';
    };
    while (at < source.length) {
      const char = source[at] ?? '';
      if (char === "'") {
        const next = source[at + 1];
        if (next === "'") {
          text += "'";
          at += 2;
        } else if (next === '{' || next === '}' || (next === '#' && inChoice === 'plural')) {
          const end = source.indexOf("'", at + 1);
          if (end < 0) fail('unclosed quote');
          text += source.slice(at + 1, end);
          at = end + 1;
        } else {
          text += char;
          at += 1;
        }
      } else if (char === '{') {
        flush();
        at += 1;
        out.push(argument());
      } else if (char === '}') {
        if (!inChoice) fail('unexpected }');
        break;
      } else if (char === '#' && inChoice === 'plural') {
        flush();
        out.push({ type: 'pound' });
        at += 1;
      } else {
        text += char;
        at += 1;
      }
    }
    flush();
    return out;
  };

  const argument = (): Part => {
    const name = word();
    skipSpace();
    if (source[at] === '}') {
      at += 1;
      return { type: 'arg', name, format: null };
    }
    if (source[at] !== ',') fail('expected , or }');
    at += 1;
    const format = word();
    skipSpace();
    if (format === 'plural' || format === 'select') {
      if (source[at] !== ',') fail(`expected , after ${format}`);
      at += 1;
      const options = new Map<string, Part[]>();
      for (;;) {
        skipSpace();
        if (source[at] === '}') break;
        const key = word();
        skipSpace();
        if (source[at] !== '{') fail(`expected { after ${key}`);
        at += 1;
        options.set(key, parts(format));
        if (source[at] !== '}') fail('unclosed option');
        at += 1;
      }
      at += 1;
      if (!options.has('other')) fail(`${format} needs an "other" option`);
      return { type: 'choice', kind: format, name, options };
    }
    if (!(ARG_FORMATS as readonly string[]).includes(format)) fail(`unknown format "${format}"`);
    if (source[at] !== '}') fail('expected }');
    at += 1;
    return { type: 'arg', name, format: format as ArgFormat };
  };

  const result = parts(null);
  if (at < source.length) fail('unexpected }');
  return result;
};

const cache = new Map<string, Part[]>();
const parsed = (source: string): Part[] => {
  let found = cache.get(source);
  if (!found) {
    found = parse(source);
    cache.set(source, found);
  }
  return found;
};

/** A calendar date (`2026-11-23`) stays that day everywhere; anything else is an instant. */
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

const asDate = (value: MessageParamValue): Date | null => {
  if (typeof value === 'number') return new Date(value);
  if (typeof value !== 'string' || value === '') return null;
  const date = new Date(CALENDAR_DATE.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? null : date;
};

/** `1,3` (ISO weekdays, Monday = 1) -> `Monday and Wednesday` / `星期一和星期三`; anything else as it is. */
const formatWeekdays = (value: MessageParamValue, locale: string): string => {
  const text = String(value ?? '');
  if (!/^[1-7](,[1-7])*$/.test(text)) return text;
  const name = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  const names = text.split(',').map((day) => name.format(new Date(Date.UTC(2024, 0, Number(day)))));
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
};

const formatArg = (value: MessageParamValue, format: ArgFormat | null, context: FormatContext): string => {
  const zone = context.timeZone ?? 'UTC';
  switch (format) {
    case null:
      return value === null || value === undefined ? '' : String(value);
    case 'number':
      return typeof value === 'number' ? new Intl.NumberFormat(context.locale).format(value) : String(value ?? '');
    case 'value':
      if (value === null || value === undefined) return context.words.nothing;
      if (typeof value === 'boolean') return value ? context.words.yes : context.words.no;
      if (typeof value === 'number') return new Intl.NumberFormat(context.locale).format(value);
      return context.words.quote(value);
    case 'date': {
      const date = asDate(value);
      if (!date) return String(value ?? '');
      const timeZone = typeof value === 'string' && CALENDAR_DATE.test(value) ? 'UTC' : zone;
      return new Intl.DateTimeFormat(context.locale, { dateStyle: 'long', timeZone }).format(date);
    }
    case 'weekdays':
      return formatWeekdays(value, context.locale);
    case 'datetime':
    case 'time': {
      const date = asDate(value);
      if (!date) return String(value ?? '');
      return new Intl.DateTimeFormat(context.locale, {
        ...(format === 'datetime' ? { year: 'numeric', month: 'short', day: 'numeric' } : {}),
        hour: 'numeric',
        minute: '2-digit',
        timeZone: zone,
        timeZoneName: 'short',
      }).format(date);
    }
  }
};

const selectorOf = (value: MessageParamValue): string =>
  value === null || value === undefined || value === '' ? 'none' : String(value);

const render = (parts: Part[], params: MessageParams, context: FormatContext, count: number | null): string =>
  parts
    .map((part) => {
      switch (part.type) {
        case 'text':
          return part.text;
        case 'pound':
          return count === null ? '#' : new Intl.NumberFormat(context.locale).format(count);
        case 'arg':
          return formatArg(params[part.name], part.format, context);
        case 'choice': {
          const value = params[part.name];
          if (part.kind === 'select') {
            const chosen = part.options.get(selectorOf(value)) ?? part.options.get('other') ?? [];
            return render(chosen, params, context, count);
          }
          const n = typeof value === 'number' ? value : Number(value);
          const chosen =
            part.options.get(`=${n}`) ??
            part.options.get(new Intl.PluralRules(context.locale).select(n)) ??
            part.options.get('other') ??
            [];
          return render(chosen, params, context, n);
        }
      }
    })
    .join('');

/** Renders one message with its parameters; see the header for the syntax. */
export const formatMessage = (source: string, params: MessageParams, context: FormatContext): string =>
  render(parsed(source), params, context, null);

/** The parameter names a message reads (for the catalog test: a message must not use what its code never gets). */
export const messageParamNames = (source: string): Set<string> => {
  const names = new Set<string>();
  const walk = (parts: Part[]) => {
    for (const part of parts) {
      if (part.type === 'arg') names.add(part.name);
      if (part.type === 'choice') {
        names.add(part.name);
        part.options.forEach(walk);
      }
    }
  };
  walk(parsed(source));
  return names;
};

/** The literal text of a message (no parameters), for checking that a translation is not left in English. */
export const messageText = (source: string): string => {
  const walk = (parts: Part[]): string =>
    parts
      .map((part) =>
        part.type === 'text'
          ? part.text
          : part.type === 'choice'
            ? [...part.options.values()].map(walk).join(' ')
            : ' ',
      )
      .join('');
  return walk(parsed(source));
};
