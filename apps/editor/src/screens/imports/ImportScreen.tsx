import { useState, type DragEvent, type FormEvent } from 'react';
import { useSession } from '../../auth/session-context';
import { useCan } from '../../auth/use-can';
import { ReadOnlyNote } from '../access/ReadOnlyNote';
import { ErrorNote } from '../ErrorNote';
import { go } from '../route-paths';
import { ImportHelp } from './ImportHelp';
import { ImportProgress } from './ImportProgress';
import { importsApi, uploadImport, type ImportKind, type UploadProgress } from './imports-api';
import { useImportRun } from './use-import-run';

const TEXT = {
  title: 'Import customers and orders',
  intro: 'Bring customers or past orders from a CSV file. Bad rows are reported one by one and never stop the rest.',
  what: 'What the file holds',
  kinds: { customers: 'Customers', orders: 'Past orders' },
  drop: 'Drop a CSV file here, or',
  choose: 'Choose a CSV file',
  dropping: 'Let go to use this file',
  chosen: (name: string, kb: string) => `Chosen: ${name} (${kb})`,
  noFile: 'No file chosen yet.',
  notCsv: (name: string) => `${name} does not look like a CSV file; choose a .csv file.`,
  start: 'Import',
  another: 'Import another file',
} as const;

const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

const isCsv = (file: File) => /\.csv$/i.test(file.name) || file.type === 'text/csv' || file.type === 'application/csv';

/**
 * Pick or drop a CSV, send it as it is (streamed, never read into the page), then follow the import: progress,
 * counts and the rows that failed. The import's id goes into the address, so a reload shows the same report.
 */
export const ImportScreen = ({ importId }: { importId: string | null }) => {
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
      setError(TEXT.notCsv(chosen.name));
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
      <h1>{TEXT.title}</h1>
      <p>{TEXT.intro}</p>
      <ReadOnlyNote method="POST" path="/imports/customers" />
      {!following && (
        <form onSubmit={(event) => void start(event)} aria-label={TEXT.title}>
          <fieldset disabled={!canImport} className="plain-fieldset">
            <fieldset>
              <legend>{TEXT.what}</legend>
              {(Object.keys(TEXT.kinds) as ImportKind[]).map((option) => (
                <label key={option} className="inline-choice">
                  <input
                    type="radio"
                    name="import-kind"
                    value={option}
                    checked={kind === option}
                    onChange={() => setKind(option)}
                  />{' '}
                  {TEXT.kinds[option]}
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
              <p>{dragging ? TEXT.dropping : TEXT.drop}</p>
              <label htmlFor="import-file">{TEXT.choose}</label>{' '}
              <input
                id="import-file"
                type="file"
                accept=".csv,text/csv"
                onChange={(event) => choose(event.target.files?.[0])}
              />
              <p data-testid="chosen-file">{file ? TEXT.chosen(file.name, kb(file.size)) : TEXT.noFile}</p>
            </div>
            <ErrorNote message={error} />
            <button type="submit" className="button button--primary" disabled={!file}>
              {TEXT.start}
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
              {TEXT.another}
            </button>
          )}
        </>
      )}
    </>
  );
};
