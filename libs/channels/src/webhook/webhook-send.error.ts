/**
 * - `retryable`: timeout, network or DNS failure, 5xx, 429: try again later (after `retryAfterMs` if given).
 * - `permanent`: the receiver rejected this message (4xx other than 429, or a redirect, which is never followed).
 * - `refused`: Rapport itself refused the URL (not http(s), or a private/loopback address the workspace does not
 *   allow); nothing was sent, and retrying cannot help. Treat as permanent.
 */
export type WebhookSendErrorKind = 'retryable' | 'permanent' | 'refused';

export type WebhookSendErrorDetails = {
  /** The HTTP status, when the receiver answered. */
  status?: number;
  /** From the receiver's `Retry-After`, relative to the send's `now`. */
  retryAfterMs?: number;
  /** A Node or DNS error code (`ETIMEDOUT`, `ECONNREFUSED`, `ENOTFOUND`), or the guard's refusal reason. */
  code?: string;
  durationMs?: number;
};

/** A failed webhook send, classified so the worker knows whether to retry the delivery. */
export class WebhookSendError extends Error {
  override readonly name = 'WebhookSendError';
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly code?: string;
  readonly durationMs?: number;

  constructor(
    readonly kind: WebhookSendErrorKind,
    message: string,
    details: WebhookSendErrorDetails = {},
  ) {
    super(message);
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
    this.code = details.code;
    this.durationMs = details.durationMs;
  }

  get retryable(): boolean {
    return this.kind === 'retryable';
  }
}
