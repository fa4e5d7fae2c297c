import { translate } from '@rapport/messages';
import { ApiError, request, requestLocale } from '../../api/api-client';

export type ImportKind = 'customers' | 'orders';

/** One import as `GET /api/imports/:id` answers it: how far it got and how many rows failed. */
export type ImportRun = {
  id: string;
  kind: ImportKind;
  status: 'running' | 'completed' | 'failed';
  rowsRead: number;
  imported: number;
  failed: number;
  duplicates: number;
  error: string | null;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
};

/** A bad cell or row: its line in the file (the header is line 1), the column (null: the whole row), why. */
export type ImportRowError = { row: number; column: string | null; message: string };

/** Bytes of the file the browser has sent so far. */
export type UploadProgress = { sent: number; total: number };

const enc = encodeURIComponent;

/** The import id from `Location: /api/imports/<id>`, or null. */
export const importIdOf = (location: string | null): string | null => {
  const match = location ? /\/api\/imports\/([^/?#]+)$/.exec(location) : null;
  return match?.[1] ? decodeURIComponent(match[1]) : null;
};

const failure = (status: number, text: string): ApiError => {
  let error: { code?: string; message?: string } | undefined;
  try {
    error = (JSON.parse(text) as { error?: typeof error }).error;
  } catch {
    error = undefined;
  }
  const fallback = () => translate(requestLocale(), 'editor.error.http', { status, statusText: '' });
  return new ApiError(status, error?.code ?? `http.${status}`, error?.message ?? fallback());
};

/**
 * Sends the file itself as the request body (`text/csv`): the browser streams it from disk, so a file of any size
 * never sits in the page's memory, and the server imports rows while they arrive. An XMLHttpRequest rather than
 * fetch, because only it reports how much of the upload has gone (fetch has no upload progress), and the server
 * reads the body at the pace it writes rows, so bytes sent is how far the import got. `answer=when-done`: the
 * server answers after the last row, not at once, because Chromium (through the editor's Vite proxy) cuts an
 * upload whose answer arrives before the body is sent. `onStarted` gets the import's id from `Location` as soon as
 * the answer's headers come.
 */
export const uploadImport = (input: {
  kind: ImportKind;
  file: Blob;
  csrfToken: string | null;
  onProgress(progress: UploadProgress): void;
  onStarted(importId: string): void;
}): Promise<ImportRun> =>
  new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/imports/${input.kind}?answer=when-done`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', 'text/csv');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', requestLocale());
    if (input.csrfToken) xhr.setRequestHeader('x-csrf-token', input.csrfToken);
    let started = false;
    xhr.upload.onprogress = (event) =>
      input.onProgress({ sent: event.loaded, total: event.lengthComputable ? event.total : input.file.size });
    xhr.onreadystatechange = () => {
      if (started || xhr.readyState < XMLHttpRequest.HEADERS_RECEIVED || xhr.status !== 202) return;
      const id = importIdOf(xhr.getResponseHeader('location'));
      if (id) {
        started = true;
        input.onStarted(id);
      }
    };
    xhr.onload = () => {
      if (xhr.status === 202) resolve(JSON.parse(xhr.responseText) as ImportRun);
      else reject(failure(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', translate(requestLocale(), 'editor.error.upload-broke')));
    xhr.send(input.file);
  });

export const importsApi = {
  progress: (id: string) => request<ImportRun>('GET', `/imports/${enc(id)}`),
  errors: (id: string, limit = 100) =>
    request<{ errors: ImportRowError[]; next: number | null }>('GET', `/imports/${enc(id)}/errors?limit=${limit}`),
  /** Every error as a CSV attachment: a plain link, the session cookie goes with it. */
  errorsCsvUrl: (id: string) => `/api/imports/${enc(id)}/errors?format=csv`,
};
