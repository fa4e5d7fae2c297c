import { useEffect } from 'react';
import { isLocale, LOCALE_NAMES, LOCALES, type Locale } from '@rapport/messages';
import { useSession } from '../auth/session-context';
import { useI18n } from './i18n-context';

/**
 * The header's language switch (English / 中文). Inside the signed-in app it first adopts the language stored
 * with the marketer's account, once per sign-in, so every browser opens in the language they chose.
 */
export const LanguageSwitch = () => {
  const { locale, setLocale, t } = useI18n();
  const session = useSession();
  const stored = session?.user.locale;
  const userId = session?.user.id;

  useEffect(() => {
    if (isLocale(stored)) setLocale(stored, { remember: false });
    // Only when someone (else) signs in: a later switch must not be undone by the session's older value.
  }, [userId]);

  return (
    <select
      className="language-switch"
      aria-label={t('editor.language.label')}
      title={t('editor.language.label')}
      value={locale}
      onChange={(event) => setLocale(event.target.value as Locale)}
      data-testid="language-switch"
    >
      {LOCALES.map((option) => (
        <option key={option} value={option} lang={option}>
          {LOCALE_NAMES[option]}
        </option>
      ))}
    </select>
  );
};
