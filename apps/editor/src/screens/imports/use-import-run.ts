import { useEffect, useState } from 'react';
import { ApiError } from '../../api/api-client';
import { importsApi, type ImportRowError, type ImportRun } from './imports-api';

const POLL_MS = 500;

export type ImportReport = {
  run: ImportRun | null;
  errors: ImportRowError[];
  /** More errors than the first page: the CSV download has them all. */
  moreErrors: boolean;
  loadError: string | null;
};

/**
 * Follows one import: polls `GET /api/imports/:id` while it runs, and reads the first page of its errors each time
 * the failed count moves (and once more at the end), so the table fills while the file is still being read.
 */
export const useImportRun = (importId: string | null): ImportReport => {
  const [report, setReport] = useState<ImportReport>({ run: null, errors: [], moreErrors: false, loadError: null });

  useEffect(() => {
    setReport({ run: null, errors: [], moreErrors: false, loadError: null });
    if (!importId) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let errorsFor = -1;
    const poll = async () => {
      try {
        const run = await importsApi.progress(importId);
        if (cancelled) return;
        const done = run.status !== 'running';
        // Errors are read again only when there are new ones (and at the end, when the count is final).
        if (run.failed !== errorsFor || done) {
          const page = await importsApi.errors(importId);
          if (cancelled) return;
          errorsFor = run.failed;
          setReport({ run, errors: page.errors, moreErrors: page.next !== null, loadError: null });
        } else {
          setReport((current) => ({ ...current, run, loadError: null }));
        }
        if (!done) timer = setTimeout(() => void poll(), POLL_MS);
      } catch (caught) {
        if (cancelled) return;
        setReport((current) => ({ ...current, loadError: (caught as Error).message }));
        // An unknown import stays unknown; anything else (the network, a restart) is worth another try.
        if (caught instanceof ApiError && caught.status === 404) return;
        timer = setTimeout(() => void poll(), POLL_MS * 4);
      }
    };
    void poll();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [importId]);

  return report;
};
