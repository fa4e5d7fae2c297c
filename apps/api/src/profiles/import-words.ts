import { isMessageKey, toMessageParams, translate, type Locale } from '@rapport/messages';
import type { ImportRecord, StoredImportError } from '@rapport/persistence';

/**
 * An import's stored sentence in the reader's language: by its catalog key and params, or as stored (English)
 * for errors written before they had keys.
 */
const worded = (
  locale: Locale,
  stored: { code: string | null; params: Record<string, unknown>; message: string },
): string =>
  stored.code && isMessageKey(stored.code)
    ? translate(locale, stored.code, toMessageParams(stored.params))
    : stored.message;

/** One line of the error report as the API shows it: `code` and `params` stay the same in every language. */
export const importErrorIn = (locale: Locale, error: StoredImportError) => ({
  row: error.row,
  column: error.column,
  code: error.code,
  params: error.params,
  message: worded(locale, error),
});

/** An import as the API shows it, its `error` (why it stopped) worded for the reader. */
export const importIn = (locale: Locale, record: ImportRecord): ImportRecord => ({
  ...record,
  error:
    record.error === null
      ? null
      : worded(locale, { code: record.errorCode, params: record.errorParams, message: record.error }),
});
