import { applyDocumentLocale, initialLocale, LOCALE_STORAGE_KEY, rememberLocaleInBrowser } from './locale-store';
import { i18nFor } from './i18n-context';

const memoryStorage = (initial: Record<string, string> = {}) => {
  const values = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    values,
  };
};

const refusingStorage = {
  getItem: (): string | null => {
    throw new Error('SecurityError');
  },
  setItem: (): void => {
    throw new Error('QuotaExceededError');
  },
};

describe('the editor’s language before sign-in', () => {
  it('opens in the language chosen in this browser before, over the browser’s own', () => {
    expect(initialLocale(memoryStorage({ [LOCALE_STORAGE_KEY]: 'zh-CN' }), ['en-US', 'en'])).toBe('zh-CN');
    expect(initialLocale(memoryStorage({ [LOCALE_STORAGE_KEY]: 'en' }), ['zh-CN'])).toBe('en');
  });

  it('otherwise follows the browser’s languages, English when it has none of ours', () => {
    expect(initialLocale(memoryStorage(), ['zh-CN', 'en'])).toBe('zh-CN');
    expect(initialLocale(memoryStorage({ [LOCALE_STORAGE_KEY]: 'klingon' }), ['fr-FR', 'de'])).toBe('en');
    expect(initialLocale(null, [])).toBe('en');
  });

  it('keeps working when the browser refuses storage', () => {
    expect(initialLocale(refusingStorage, ['zh'])).toBe('zh-CN');
    expect(() => rememberLocaleInBrowser(refusingStorage, 'zh-CN')).not.toThrow();
  });

  it('remembers the choice in the browser and sets <html lang>', () => {
    const storage = memoryStorage();
    rememberLocaleInBrowser(storage, 'zh-CN');
    expect(storage.values.get(LOCALE_STORAGE_KEY)).toBe('zh-CN');
    const root = { lang: 'en' };
    applyDocumentLocale(root, 'zh-CN');
    expect(root.lang).toBe('zh-CN');
  });
});

describe('i18nFor', () => {
  it('gives words and formats in the chosen language', () => {
    const chinese = i18nFor('zh-CN');
    expect(chinese.t('editor.language.label')).toBe('语言');
    expect(chinese.format.money(1234.5, 'CNY')).toBe('¥1,234.50');
    expect(chinese.format.date('2026-11-23')).toBe('2026年11月23日');
    expect(i18nFor('en').format.money(1234.5, 'CNY')).toBe('CN¥1,234.50');
    expect(i18nFor('en').t('editor.error.http', { status: 502, statusText: 'Bad Gateway' })).toBe(
      'The API answered 502 Bad Gateway.',
    );
  });
});
