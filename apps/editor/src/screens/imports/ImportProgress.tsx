import type { ImportRowError, ImportRun, UploadProgress } from './imports-api';

const TEXT = {
  progress: 'Import progress',
  sending: 'Sending the file; rows are imported as they arrive…',
  running: 'Importing…',
  completed: (imported: number, failed: number) =>
    `Done: ${imported === 1 ? '1 row' : `${imported} rows`} imported, ${failed} failed.`,
  failed: (why: string | null) =>
    `The import stopped: ${why ?? 'unknown reason'}. Rows written so far stay; importing the file again is safe.`,
  sent: (sent: string, total: string) => `${sent} of ${total} sent`,
  rowsRead: 'Rows read',
  imported: 'Imported',
  failedRows: 'Failed',
  duplicates: 'Orders already there',
  errorsTitle: 'Rows with errors',
  noErrors: 'No row failed.',
  row: 'Line',
  column: 'Column',
  message: 'Problem',
  wholeRow: 'whole row',
  download: 'Download all errors as CSV',
  firstPage: (shown: number) => `The first ${shown} errors; the download has them all.`,
} as const;

const size = (bytes: number): string =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The phase in words; the live region announces it when it changes, not at every poll. */
const phaseOf = (run: ImportRun | null): string => {
  if (!run) return TEXT.sending;
  if (run.status === 'completed') return TEXT.completed(run.imported, run.failed);
  if (run.status === 'failed') return TEXT.failed(run.error);
  return TEXT.running;
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
  const done = run?.status === 'completed';
  // Indeterminate (no value) when the page did not send the file itself, e.g. after a reload.
  const value = done ? 1 : upload && upload.total > 0 ? upload.sent / upload.total : undefined;
  return (
    <section className="import-progress" aria-label={TEXT.progress}>
      <progress aria-label={TEXT.progress} max={1} value={value} data-testid="import-progress" />
      {upload && !done && <span className="hint"> {TEXT.sent(size(upload.sent), size(upload.total))}</span>}
      <p
        role="status"
        aria-live="polite"
        data-testid="import-status"
        className={run?.status === 'failed' ? 'error' : undefined}
      >
        {phaseOf(run)}
      </p>
      {run && (
        <dl className="import-counts" data-testid="import-counts">
          <div>
            <dt>{TEXT.rowsRead}</dt>
            <dd data-testid="import-rows-read">{run.rowsRead}</dd>
          </div>
          <div>
            <dt>{TEXT.imported}</dt>
            <dd data-testid="import-imported">{run.imported}</dd>
          </div>
          <div>
            <dt>{TEXT.failedRows}</dt>
            <dd data-testid="import-failed">{run.failed}</dd>
          </div>
          {run.kind === 'orders' && (
            <div>
              <dt>{TEXT.duplicates}</dt>
              <dd>{run.duplicates}</dd>
            </div>
          )}
        </dl>
      )}
      {run && (
        <>
          <h2>{TEXT.errorsTitle}</h2>
          {errors.length === 0 ? (
            <p>{TEXT.noErrors}</p>
          ) : (
            <>
              <table data-testid="import-errors">
                <thead>
                  <tr>
                    <th scope="col">{TEXT.row}</th>
                    <th scope="col">{TEXT.column}</th>
                    <th scope="col">{TEXT.message}</th>
                  </tr>
                </thead>
                <tbody>
                  {errors.map((error, index) => (
                    <tr key={`${error.row}-${error.column}-${index}`}>
                      <td>{error.row}</td>
                      <td>{error.column === null ? <em>{TEXT.wholeRow}</em> : <code>{error.column}</code>}</td>
                      <td>{error.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {moreErrors && <p className="hint">{TEXT.firstPage(errors.length)}</p>}
            </>
          )}
          {errorsCsvUrl && run.failed > 0 && (
            <p>
              <a href={errorsCsvUrl} download>
                {TEXT.download}
              </a>
            </p>
          )}
        </>
      )}
    </section>
  );
};
