import { translate, type Locale, type MessageKey, type MessageParams } from '@rapport/messages';

/** Every error the API answers with on purpose; the filter maps codes to HTTP statuses in one table. */
export type ApiErrorCode =
  | 'invalid_request'
  | 'payload_too_large'
  | 'unauthorized'
  | 'forbidden'
  | 'csrf'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'upstream_failed'
  | 'journey.invalid'
  | 'version.immutable'
  | 'test_clock.disabled';

export const apiErrorStatus = {
  invalid_request: 400,
  payload_too_large: 400,
  unauthorized: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  upstream_failed: 502,
  'journey.invalid': 422,
  'version.immutable': 405,
  'test_clock.disabled': 404,
} satisfies Record<ApiErrorCode, number>;

/** A sentence by catalog key: the filter words it in the reader's language when it answers. */
export type Words = { key: MessageKey; params?: MessageParams };

/**
 * One wrong field of a request: where, and why in words (a catalog key with its parameters). `text` is for the
 * few readers that are programs, not marketers (a shop's webhook sender): their issues are shown as written.
 */
export type ApiIssue = { path: (string | number)[] } & ({ words: Words } | { text: string });

/**
 * A refusal the API answers on purpose. Its sentence is a catalog key, never English text: the exception filter
 * renders it (and each issue) for whoever asked. `message` holds the English rendering, for logs and programs.
 */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    readonly words: Words,
    readonly details: Record<string, unknown> = {},
    readonly issues: ApiIssue[] = [],
  ) {
    super(translate('en', words.key, words.params));
  }

  /** The answer's body in one language: `{ code, message, issues?, ...details }`. */
  bodyIn(locale: Locale): Record<string, unknown> {
    return {
      code: this.code,
      message: translate(locale, this.words.key, this.words.params),
      ...this.details,
      ...(this.issues.length > 0 ? { issues: issuesIn(locale, this.issues) } : {}),
    };
  }
}

/** Issues as the API sends them: `{ path, message }` in the reader's language. */
export const issuesIn = (locale: Locale, issues: ApiIssue[]): { path: (string | number)[]; message: string }[] =>
  issues.map((issue) => ({
    path: issue.path,
    message: 'text' in issue ? issue.text : translate(locale, issue.words.key, issue.words.params),
  }));

/** The things the API can fail to find, each worded by the `api.not-found` sentence. */
export type Findable =
  | 'journey'
  | 'version'
  | 'customer'
  | 'template'
  | 'layout'
  | 'partial'
  | 'attribute'
  | 'audience'
  | 'coupon-pool'
  | 'import'
  | 'product'
  | 'member'
  | 'shop-source'
  | 'secret';

export const notFound = (what: Findable, id: string | number = '', params: MessageParams = {}): ApiError =>
  new ApiError('not_found', { key: 'api.not-found', params: { what, id: String(id), ...params } });

/** What a request body was for, worded by the `api.invalid` sentence ("The template is not valid: ..."). */
export type Subject =
  | 'journey'
  | 'template'
  | 'template-key'
  | 'layout'
  | 'partial'
  | 'part-name'
  | 'test-send'
  | 'preview'
  | 'audience'
  | 'audience-preview'
  | 'coupon-pool'
  | 'coupon-codes'
  | 'member'
  | 'role-change'
  | 'sign-in'
  | 'workspace-switch'
  | 'language'
  | 'delivery-rules'
  | 'value-tiers'
  | 'shop-source'
  | 'secret'
  | 'query'
  | 'clock-change'
  | 'attribute'
  | 'profile'
  | 'csv-header'
  | 'csv';

/**
 * A 400 naming each wrong field. The sentence carries every issue too (a program reading only `message` still
 * learns what to fix); it is assembled per language at render time, so the issue list is a parameter filled late.
 */
export class InvalidRequest extends ApiError {
  constructor(
    readonly subject: Subject,
    issues: ApiIssue[],
    details: Record<string, unknown> = {},
  ) {
    super(
      'invalid_request',
      { key: 'api.invalid', params: { what: subject, issues: summary('en', issues) } },
      details,
      issues,
    );
  }

  override bodyIn(locale: Locale): Record<string, unknown> {
    return {
      ...super.bodyIn(locale),
      message: translate(locale, 'api.invalid', { what: this.subject, issues: summary(locale, this.issues) }),
    };
  }
}

const summary = (locale: Locale, issues: ApiIssue[]): string =>
  issuesIn(locale, issues)
    .map((issue) => `${issue.path.join('.') || '-'}: ${issue.message}`)
    .join(locale === 'zh-CN' ? '；' : '; ');
