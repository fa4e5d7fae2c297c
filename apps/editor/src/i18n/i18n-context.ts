import { createContext, useContext } from 'react';
import {
  DEFAULT_LOCALE,
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  translate,
  type Locale,
  type MessageKey,
  type MessageParams,
} from '@rapport/messages';

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export type I18n = {
  locale: Locale;
  /** Switches the editor's language; `remember` also saves it to the signed-in account (the default). */
  setLocale(locale: Locale, options?: { remember?: boolean }): void;
  t: Translate;
  /** Dates, times, numbers and money in the chosen language; zones and currencies are always explicit. */
  format: {
    date(value: Date | string | number, timeZone?: string): string;
    dateTime(value: Date | string | number, timeZone?: string): string;
    money(amount: number, currency: string): string;
    number(value: number): string;
  };
};

/** Everything a component needs for one locale; pure, so a test or a non-React module can build it too. */
export const i18nFor = (locale: Locale, setLocale: I18n['setLocale'] = () => undefined): I18n => ({
  locale,
  setLocale,
  t: (key, params) => translate(locale, key, params),
  format: {
    date: (value, timeZone) => formatDate(locale, value, timeZone),
    dateTime: (value, timeZone) => formatDateTime(locale, value, timeZone),
    money: (amount, currency) => formatMoney(locale, amount, currency),
    number: (value) => formatNumber(locale, value),
  },
});

/** English until a provider says otherwise, so a component rendered alone (a test) still has words. */
export const I18nContext = createContext<I18n>(i18nFor(DEFAULT_LOCALE));

export const useI18n = (): I18n => useContext(I18nContext);

/** `const t = useT(); t('editor.loading')`: a message in the marketer's language. */
export const useT = (): Translate => useContext(I18nContext).t;

/** Intl formatting bound to the marketer's language: `format.money(12.5, 'CNY')`. */
export const useFormat = (): I18n['format'] => useContext(I18nContext).format;
