export type SmsSendErrorKind = 'retryable' | 'permanent';

export type SmsSendErrorDetails = {
  /** HTTP status of the provider's reply; absent when no reply arrived (network error, timeout). */
  status?: number;
  /** The provider's own error code (Twilio: 21211 invalid To, 20003 authentication, ...). */
  code?: number;
  /**
   * True when the provider may have accepted the message although the call failed (timeout, reset
   * after the request was written, 5xx, unreadable 2xx). The delivery is then "unknown": a retry
   * must reuse the same idempotency key, which is what makes it safe.
   */
  mayHaveBeenSent?: boolean;
  /** From `Retry-After` on a 429/503, in milliseconds. */
  retryAfterMs?: number;
};

/** A failed SMS send, classified so the worker knows whether to retry the delivery. */
export class SmsSendError extends Error {
  override readonly name = 'SmsSendError';
  readonly status: number | undefined;
  readonly code: number | undefined;
  readonly mayHaveBeenSent: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(
    readonly kind: SmsSendErrorKind,
    message: string,
    details: SmsSendErrorDetails = {},
  ) {
    super(message);
    this.status = details.status;
    this.code = details.code;
    this.mayHaveBeenSent = details.mayHaveBeenSent ?? false;
    this.retryAfterMs = details.retryAfterMs;
  }
}
