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
    // Before any screen's effect runs again: the requests a switch causes already ask in the new language.
    setRequestLocale(next);
    setLocaleState(next);
    // Signed out (401) or offline: the browser still remembers it; the account catches up at the next switch.
    if (options.remember !== false) void request('PUT', '/auth/me/locale', { locale: next }).catch(() => undefined);
  }, []);

  const value = useMemo(() => i18nFor(locale, setLocale), [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
};
