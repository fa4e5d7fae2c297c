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

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string): ApiError => new ApiError('not_found', `${what} was not found.`);
