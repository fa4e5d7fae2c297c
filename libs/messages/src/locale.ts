/** The languages a marketer (and a customer's built-in pages) can read Rapport in. */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

/** What the language switch shows: each language in its own words. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '中文' };

/** One tag (`zh`, `zh-Hans-CN`, `en-GB`, `fr`) to the locale we have for it, or null. */
const matchTag = (tag: string): Locale | null => {
  const lower = tag.trim().toLowerCase();
  if (lower === '' || lower === '*') return null;
  const [language, ...rest] = lower.split(/[-_]/);
  if (language === 'en') return 'en';
  // Traditional Chinese (zh-TW, zh-HK, zh-Hant) readers are better served by English than by simplified characters.
  if (language === 'zh') return rest.some((part) => ['hant', 'tw', 'hk', 'mo'].includes(part)) ? null : 'zh-CN';
  return null;
};

/** An Accept-Language header's tags, best first (by q, then by order); q=0 means "not this one". */
const acceptedTags = (header: string): string[] =>
  header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...options] = part.split(';');
      const q = options.map((option) => option.trim()).find((option) => option.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((entry) => entry.tag);

/**
 * The reader's language from what we know, most explicit first: each candidate is a stored preference (`zh-CN`, a
 * customer's `zh_CN`) or an Accept-Language header (`zh-CN,zh;q=0.9,en;q=0.8`); the first that names a language
 * we have wins, and English otherwise.
 */
export const pickLocale = (...candidates: (string | null | undefined)[]): Locale => {
  for (const candidate of candidates) {
    if (!candidate) continue;
    for (const tag of acceptedTags(candidate)) {
      const found = matchTag(tag);
      if (found) return found;
    }
  }
  return DEFAULT_LOCALE;
};
