import { isLocale, pickLocale, type Locale } from '@rapport/messages';

/** Where the browser keeps the marketer's language between visits (the account keeps it across browsers). */
export const LOCALE_STORAGE_KEY = 'rapport.locale';

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

/** Storage can be missing or refuse (private modes, blocked cookies): the language then lasts for this page only. */
const safely = <T>(read: () => T, fallback: T): T => {
  try {
    return read();
  } catch {
    return fallback;
  }
};

/**
 * The language to open in before anyone is signed in: the one chosen in this browser before, else the browser's
 * own languages, else English. After sign-in the account's stored language takes over (see LanguageSwitch).
 */
export const initialLocale = (storage: KeyValueStore | null, browserLanguages: readonly string[]): Locale => {
  const stored = storage ? safely(() => storage.getItem(LOCALE_STORAGE_KEY), null) : null;
  return isLocale(stored) ? stored : pickLocale(browserLanguages.join(','));
};

export const rememberLocaleInBrowser = (storage: KeyValueStore | null, locale: Locale): void => {
  if (storage) safely(() => storage.setItem(LOCALE_STORAGE_KEY, locale), undefined);
};

/** `<html lang>`: screen readers pick their voice by it, and browsers their fonts and hyphenation. */
export const applyDocumentLocale = (root: { lang: string } | null, locale: Locale): void => {
  if (root) root.lang = locale;
};
