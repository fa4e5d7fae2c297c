// The editor's languages: wrap the app in I18nProvider (main.tsx), read words with useT(), format with useFormat().
export { I18nProvider } from './I18nProvider';
export { LanguageSwitch } from './LanguageSwitch';
export { useFormat, useI18n, useT, i18nFor, type I18n, type Translate } from './i18n-context';
