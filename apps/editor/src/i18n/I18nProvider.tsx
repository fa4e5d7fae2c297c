import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from '@rapport/messages';
import { request, setRequestLocale } from '../api/api-client';
import { I18nContext, i18nFor } from './i18n-context';
import { applyDocumentLocale, initialLocale, rememberLocaleInBrowser } from './locale-store';

const storage = (): Storage | null => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};

/**
 * The editor's language for everything inside: kept in this browser, sent to the API as Accept-Language, set on
 * `<html lang>`, and saved to the signed-in marketer's account when they switch (PUT /api/auth/me/locale), so it
 * follows them to another browser.
 */
export const I18nProvider = ({ children }: { children: ReactNode }) => {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const initial = initialLocale(storage(), navigator.languages ?? []);
    setRequestLocale(initial);
    return initial;
  });

  useEffect(() => {
    applyDocumentLocale(document.documentElement, locale);
    rememberLocaleInBrowser(storage(), locale);
  }, [locale]);

  const setLocale = useCallback((next: Locale, options: { remember?: boolean } = {}) => {
    // Requests from now on ask in the new language.
    setRequestLocale(next);
    if (options.remember === false) {
      setLocaleState(next);
      return;
    }
    // The API answers a member in their stored language: the screens switch (and ask again) once it is saved, so
    // nothing they load comes back in the old one. Signed out (401) or offline: the browser still remembers it,
    // and the account catches up at the next switch.
    void request('PUT', '/auth/me/locale', { locale: next })
      .catch(() => undefined)
      .then(() => setLocaleState(next));
  }, []);

  const value = useMemo(() => i18nFor(locale, setLocale), [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
};
