import type { JourneyDocument, Problem } from '@rapport/journey';
import { DEFAULT_LOCALE, translate, type Locale } from '@rapport/messages';

// The editor never holds a workspace API key: it signs in, and the API knows it by its HttpOnly session cookie.
// Every change also carries the session's CSRF token, which only this page can have read.

export type JourneyStatus = 'draft' | 'live' | 'paused' | 'archived';

export type JourneySummary = {
  id: string;
  name: string;
  status: JourneyStatus;
  updatedAt: string;
  latestVersion: number | null;
};

export type JourneyDetail = Omit<JourneySummary, 'name'> & { name: string; draft: JourneyDocument };

export type TemplateSummary = { id: string; key: string; name: string; subject: string };

export type PublishedVersion = { id: string; version: number; publishedAt: string };

type ErrorBody = {
  error?: {
    code?: string;
    message?: string;
    problems?: Problem[];
    issues?: { path: (string | number)[]; message: string }[];
    field?: string;
    reason?: string;
  };
};

/** What the server said about where the request went wrong: the fields it names, and why (e.g. `last-admin`). */
export type ApiErrorDetails = {
  issues?: { path: (string | number)[]; message: string }[];
  field?: string;
  reason?: string;
};

/** A failed API call, with the server's code and, for a refused publish, its problems. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: Problem[] = [],
    readonly details: ApiErrorDetails = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let locale: Locale = DEFAULT_LOCALE;

/** The editor's language (I18nProvider sets it): sent as Accept-Language, so the API's words match the screen's. */
export const setRequestLocale = (next: Locale): void => {
  locale = next;
};

/** The language requests are sent in, for the few calls made without `request` (an upload with progress). */
export const requestLocale = (): Locale => locale;
let onSignedOut: (() => void) | null = null;

/** The token GET /api/auth/me or the sign-in answered with; sent as X-CSRF-Token on every change. */
export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

/** Called when the API answers 401 (the session ended): the app goes back to the sign-in screen. */
export const whenSignedOut = (listener: (() => void) | null): void => {
  onSignedOut = listener;
};

export const request = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': locale };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError(0, 'network', translate(locale, 'editor.error.network', { detail: (error as Error).message }));
  }
  const text = await response.text();
  const parsed: unknown = text ? safeJson(text) : null;
  if (!response.ok) {
    const error = (parsed as ErrorBody | null)?.error;
    if (response.status === 401 && !path.startsWith('/auth/')) onSignedOut?.();
    // The API words its refusal (and each wrong field, in the sentence) in this editor's language already.
    throw new ApiError(
      response.status,
      error?.code ?? `http.${response.status}`,
      error?.message ??
        translate(locale, 'editor.error.http', { status: response.status, statusText: response.statusText }),
      error?.problems ?? [],
      { issues: error?.issues, field: error?.field, reason: error?.reason },
    );
  }
  return parsed as T;
};

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

const journeyPath = (id: string) => `/journeys/${encodeURIComponent(id)}`;

export const api = {
  listJourneys: () => request<{ journeys: JourneySummary[] }>('GET', '/journeys').then((body) => body.journeys),
  getJourney: (id: string) => request<JourneyDetail>('GET', journeyPath(id)),
  saveJourney: (id: string, draft: JourneyDocument) => request<JourneyDetail>('PUT', journeyPath(id), draft),
  validateJourney: (id: string) =>
    request<{ problems: Problem[] }>('POST', `${journeyPath(id)}/validate`).then((body) => body.problems),
  publishJourney: (id: string) =>
    request<{ version: PublishedVersion }>('POST', `${journeyPath(id)}/publish`).then((body) => body.version),
  listTemplates: () => request<{ templates: TemplateSummary[] }>('GET', '/templates').then((body) => body.templates),
};
