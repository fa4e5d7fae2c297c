import type { MessageKey } from '@rapport/messages';
import { useFormat, useT, type Translate } from '../../i18n';
import type { ImportRowError, ImportRun, UploadProgress } from './imports-api';

const TEXT = {
  progress: 'screens.imports.progress',
  rowsRead: 'screens.imports.rows-read',
  imported: 'screens.imports.imported',
  failedRows: 'screens.imports.failed-rows',
  duplicates: 'screens.imports.duplicates',
  errorsTitle: 'screens.imports.errors-title',
  noErrors: 'screens.imports.no-errors',
  row: 'screens.imports.row',
  column: 'screens.imports.column',
  message: 'screens.imports.message',
  wholeRow: 'screens.imports.whole-row',
  download: 'screens.imports.download',
} as const satisfies Record<string, MessageKey>;

/** A file size with the digits in the reader's locale; B, KB and MB read the same in both languages. */
export const sizeOf = (bytes: number, number: (value: number) => string): string =>
  bytes < 1024
    ? `${number(bytes)} B`
    : bytes < 1024 * 1024
      ? `${number(Math.round((bytes / 1024) * 10) / 10)} KB`
      : `${number(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;

/** The phase in words; the live region announces it when it changes, not at every poll. */
const phaseOf = (run: ImportRun | null, t: Translate): string => {
  if (!run) return t('screens.imports.sending');
  // The counts stay unformatted in English ("5002 rows"), as the report has always read.
  if (run.status === 'completed') return t('screens.imports.completed', { imported: run.imported, failed: run.failed });
  if (run.status === 'failed') return t('screens.imports.failed', { why: run.error ?? '' });
  return t('screens.imports.running');
};

/**
 * How far an import got: a progress bar (bytes sent while this page uploads; full once the server says it is
 * done), the row counts, and the rows that failed with a download of every error.
 */
export const ImportProgress = ({
  upload,
  run,
  errors,
  moreErrors,
  errorsCsvUrl,
}: {
  upload: UploadProgress | null;
  run: ImportRun | null;
  errors: ImportRowError[];
  moreErrors: boolean;
  errorsCsvUrl: string | null;
}) => {
  const t = useT();
  const format = useFormat();
  const done = run?.status === 'completed';
  // Indeterminate (no value) when the page did not send the file itself, e.g. after a reload.
  const value = done ? 1 : upload && upload.total > 0 ? upload.sent / upload.total : undefined;
  return (
    <section className="import-progress" aria-label={t(TEXT.progress)}>
      <progress aria-label={t(TEXT.progress)} max={1} value={value} data-testid="import-progress" />
      {upload && !done && (
        <span className="hint">
          {' '}
          {t('screens.imports.sent', {
            sent: sizeOf(upload.sent, format.number),
            total: sizeOf(upload.total, format.number),
          })}
        </span>
      )}
      <p
        role="status"
        aria-live="polite"
        data-testid="import-status"
        className={run?.status === 'failed' ? 'error' : undefined}
      >
        {phaseOf(run, t)}
      </p>
      {run && (
        <dl className="import-counts" data-testid="import-counts">
          <div>
            <dt>{t(TEXT.rowsRead)}</dt>
            <dd data-testid="import-rows-read">{run.rowsRead}</dd>
          </div>
          <div>
            <dt>{t(TEXT.imported)}</dt>
            <dd data-testid="import-imported">{run.imported}</dd>
          </div>
          <div>
            <dt>{t(TEXT.failedRows)}</dt>
            <dd data-testid="import-failed">{run.failed}</dd>
          </div>
          {run.kind === 'orders' && (
            <div>
              <dt>{t(TEXT.duplicates)}</dt>
              <dd>{run.duplicates}</dd>
            </div>
          )}
        </dl>
      )}
      {run && (
        <>
          <h2>{t(TEXT.errorsTitle)}</h2>
          {errors.length === 0 ? (
            <p>{t(TEXT.noErrors)}</p>
          ) : (
            <>
              <table data-testid="import-errors">
                <thead>
                  <tr>
                    <th scope="col">{t(TEXT.row)}</th>
                    <th scope="col">{t(TEXT.column)}</th>
                    <th scope="col">{t(TEXT.message)}</th>
                  </tr>
                </thead>
                <tbody>
                  {errors.map((error, index) => (
                    <tr key={`${error.row}-${error.column}-${index}`}>
                      <td>{error.row}</td>
                      <td>{error.column === null ? <em>{t(TEXT.wholeRow)}</em> : <code>{error.column}</code>}</td>
                      <td>{error.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {moreErrors && <p className="hint">{t('screens.imports.first-page', { shown: errors.length })}</p>}
            </>
          )}
          {errorsCsvUrl && run.failed > 0 && (
            <p>
              <a href={errorsCsvUrl} download>
                {t(TEXT.download)}
              </a>
            </p>
          )}
        </>
      )}
    </section>
  );
};
