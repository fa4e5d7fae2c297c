import { en, type MessageKey } from './catalog.en';
import { zhCN } from './catalog.zh-CN';
import { DEFAULT_LOCALE, isLocale, type Locale } from './locale';
import { formatMessage, type FormatContext, type MessageParams } from './message-format';

export const catalogs: Record<Locale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

export type TranslateOptions = {
  /** IANA zone that `{x, datetime}` and `{x, time}` are shown in (the workspace's or the reader's); UTC otherwise. */
  timeZone?: string;
};

export const isMessageKey = (key: string): key is MessageKey => Object.prototype.hasOwnProperty.call(en, key);

const wordsOf = (locale: Locale): FormatContext['words'] => {
  const catalog = catalogs[locale];
  return {
    nothing: catalog['value.nothing'],
    yes: catalog['value.true'],
    no: catalog['value.false'],
    quote: (text) => catalog['value.quoted'].replace('{text}', () => text),
  };
};

/** One message in the reader's language, with its parameters filled in. */
export const translate = (
  locale: Locale,
  key: MessageKey,
  params: MessageParams = {},
  options: TranslateOptions = {},
): string => {
  const chosen = isLocale(locale) ? locale : DEFAULT_LOCALE;
  const context: FormatContext = {
    locale: chosen,
    words: wordsOf(chosen),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  };
  return formatMessage(catalogs[chosen][key], params, context);
};

/** Coerces stored JSON parameters (a timeline row's `params`) to what messages take; objects become JSON text. */
export const toMessageParams = (params: Record<string, unknown>): MessageParams =>
  Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      value === null ||
      value === undefined ||
      typeof value === 'string' ||
      typeof value === 'number' ||
      typeof value === 'boolean'
        ? value
        : JSON.stringify(value),
    ]),
  );

/** A validation problem's sentence (`problem.<code>`), or the bare code if the catalog has none. */
export const describeProblem = (
  locale: Locale,
  problem: { code: string; params: Record<string, unknown> },
  options: TranslateOptions = {},
): string => {
  const key = `problem.${problem.code}`;
  if (!isMessageKey(key)) return problem.code;
  const params = toMessageParams(problem.params);
  // A settings rule names its words by key (`field.wait.min`): they fill `{detail}` in the reader's language.
  const rule = params['message'];
  if (params['detail'] == null && typeof rule === 'string' && rule.startsWith('field.') && isMessageKey(rule)) {
    params['detail'] = translate(locale, rule, params, options);
  }
  return translate(locale, key, params, options);
};

/**
 * A timeline line: an interpreter reason (`reason.<code>`) or a delivery outcome the worker recorded
 * (`outcome.<code>`), or the bare code if the catalog has neither.
 */
export const describeHistory = (
  locale: Locale,
  entry: { code: string; params: Record<string, unknown> },
  options: TranslateOptions = {},
): string => {
  const key = [`reason.${entry.code}`, `outcome.${entry.code}`].find(isMessageKey);
  return key ? translate(locale, key, toMessageParams(entry.params), options) : entry.code;
};
