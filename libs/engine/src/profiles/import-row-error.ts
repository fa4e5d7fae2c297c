import { translate, type MessageKey, type MessageParams } from '@rapport/messages';
import type { ImportRowError } from '@rapport/persistence';

// A cell can be megabytes long; its error quotes the start, enough to find it, and keeps the stored report small.
const QUOTED_LENGTH = 200;

const shortened = (params: MessageParams): MessageParams =>
  Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      typeof value === 'string' && value.length > QUOTED_LENGTH ? `${value.slice(0, QUOTED_LENGTH - 1)}…` : value,
    ]),
  );

/**
 * One line of an import's error report: where (its line, and the column or null for the whole row) and why, as a
 * catalog key with its params, worded in each reader's language when the report is read. `message` is the English
 * rendering, stored beside them for logs and for anyone reading the table directly.
 */
export const rowError = (error: {
  row: number;
  column: string | null;
  key: MessageKey;
  params?: MessageParams;
}): ImportRowError => {
  const params = shortened(error.params ?? {});
  return {
    row: error.row,
    column: error.column,
    code: error.key,
    params,
    message: translate('en', error.key, params),
  };
};
