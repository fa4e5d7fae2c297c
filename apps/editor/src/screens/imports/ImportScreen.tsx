import { useState, type DragEvent, type FormEvent } from 'react';
import type { MessageKey } from '@rapport/messages';
import { useSession } from '../../auth/session-context';
import { useFormat, useT } from '../../i18n';
import { useCan } from '../../auth/use-can';
import { ReadOnlyNote } from '../access/ReadOnlyNote';
import { ErrorNote } from '../ErrorNote';
import { go } from '../route-paths';
import { ImportHelp } from './ImportHelp';
import { ImportProgress, sizeOf } from './ImportProgress';
import { importsApi, uploadImport, type ImportKind, type UploadProgress } from './imports-api';
import { useImportRun } from './use-import-run';

const TEXT = {
  title: 'screens.imports.title',
  intro: 'screens.imports.intro',
  what: 'screens.imports.what',
  drop: 'screens.imports.drop',
  choose: 'screens.imports.choose',
  dropping: 'screens.imports.dropping',
  noFile: 'screens.imports.no-file',
  start: 'screens.imports.start',
  another: 'screens.imports.another',
} as const satisfies Record<string, MessageKey>;

const KINDS = {
  customers: 'screens.imports.kinds.customers',
  orders: 'screens.imports.kinds.orders',
} as const satisfies Record<ImportKind, MessageKey>;

const isCsv = (file: File) => /\.csv$/i.test(file.name) || file.type === 'text/csv' || file.type === 'application/csv';

/**
 * Pick or drop a CSV, send it as it is (streamed, never read into the page), then follow the import: progress,
 * counts and the rows that failed. The import's id goes into the address, so a reload shows the same report.
 */
export const ImportScreen = ({ importId }: { importId: string | null }) => {
  const t = useT();
  const format = useFormat();
  const session = useSession();
  const canImport = useCan('POST', '/imports/customers');
  const [kind, setKind] = useState<ImportKind>('customers');
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [upload, setUpload] = useState<UploadProgress | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const report = useImportRun(importId);

  const choose = (chosen: File | undefined) => {
    setError(null);
    if (!chosen) return;
    if (!isCsv(chosen)) {
      setError(t('screens.imports.not-csv', { name: chosen.name, extension: '.csv' }));
      return;
    }
    setFile(chosen);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (canImport && !sending) choose(event.dataTransfer.files[0]);
  };

  const start = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setError(null);
    setSending(true);
    setUpload({ sent: 0, total: file.size });
    let shown = false;
    const show = (id: string) => {
      if (shown) return;
      shown = true;
      go({ screen: 'imports', importId: id });
    };
    try {
      const started = await uploadImport({
        kind,
        file,
        csrfToken: session?.csrfToken ?? null,
        onProgress: setUpload,
        onStarted: show,
      });
      setUpload({ sent: file.size, total: file.size });
      show(started.id);
    } catch (caught) {
      setError((caught as Error).message);
      setUpload(null);
    } finally {
      setSending(false);
    }
  };

  const startOver = () => {
    setFile(null);
    setUpload(null);
    go({ screen: 'imports', importId: null });
  };

  const following = importId !== null || sending;
  return (
    <>
      <h1>{t(TEXT.title)}</h1>
      <p>{t(TEXT.intro)}</p>
      <ReadOnlyNote method="POST" path="/imports/customers" />
      {!following && (
        <form onSubmit={(event) => void start(event)} aria-label={t(TEXT.title)}>
          <fieldset disabled={!canImport} className="plain-fieldset">
            <fieldset>
              <legend>{t(TEXT.what)}</legend>
              {(Object.keys(KINDS) as ImportKind[]).map((option) => (
                <label key={option} className="inline-choice">
                  <input
                    type="radio"
                    name="import-kind"
                    value={option}
                    checked={kind === option}
                    onChange={() => setKind(option)}
                  />{' '}
                  {t(KINDS[option])}
                </label>
              ))}
            </fieldset>
            <div
              className={`drop-zone${dragging ? ' drop-zone--over' : ''}`}
              data-testid="drop-zone"
              onDragOver={(event) => {
                event.preventDefault();
                if (canImport) setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={onDrop}
            >
              <p>{dragging ? t(TEXT.dropping) : t(TEXT.drop)}</p>
              <label htmlFor="import-file">{t(TEXT.choose)}</label>{' '}
              <input
                id="import-file"
                type="file"
                accept=".csv,text/csv"
                onChange={(event) => choose(event.target.files?.[0])}
              />
              <p data-testid="chosen-file">
                {file
                  ? t('screens.imports.chosen', { name: file.name, size: sizeOf(file.size, format.number) })
                  : t(TEXT.noFile)}
              </p>
            </div>
            <ErrorNote message={error} />
            <button type="submit" className="button button--primary" disabled={!file}>
              {t(TEXT.start)}
            </button>
          </fieldset>
          <ImportHelp kind={kind} />
        </form>
      )}
      {following && (
        <>
          <ErrorNote message={error ?? report.loadError} />
          <ImportProgress
            upload={upload}
            run={report.run}
            errors={report.errors}
            moreErrors={report.moreErrors}
            errorsCsvUrl={importId ? importsApi.errorsCsvUrl(importId) : null}
          />
          {!sending && (
            <button type="button" className="button" onClick={startOver}>
              {t(TEXT.another)}
            </button>
          )}
        </>
      )}
    </>
  );
};
