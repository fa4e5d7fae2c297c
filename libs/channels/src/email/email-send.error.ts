export type EmailSendErrorKind = 'retryable' | 'permanent';

type NodemailerError = { code?: unknown; responseCode?: unknown; message?: unknown };

// Envelope and message rejections are about this one mail; anything else (auth, TLS, network)
// is about the transport and may succeed later, so it is retried even when the reply is 5xx.
const MESSAGE_LEVEL_CODES = new Set(['EENVELOPE', 'EMESSAGE', 'EMAXRECIPIENTS']);

/** A failed send, classified so the worker knows whether to retry the delivery. */
export class EmailSendError extends Error {
  override readonly name = 'EmailSendError';

  constructor(
    readonly kind: EmailSendErrorKind,
    message: string,
    readonly responseCode?: number,
    readonly code?: string,
  ) {
    super(message);
  }

  static fromNodemailer(error: unknown): EmailSendError {
    const e = (error ?? {}) as NodemailerError;
    const message = typeof e.message === 'string' ? e.message : String(error);
    const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
    const code = typeof e.code === 'string' ? e.code : undefined;
    return new EmailSendError(classify(code, responseCode), message, responseCode, code);
  }
}

const classify = (code: string | undefined, responseCode: number | undefined): EmailSendErrorKind => {
  const messageLevel = code !== undefined && MESSAGE_LEVEL_CODES.has(code);
  if (!messageLevel) return 'retryable';
  // 4xx is "try again later" by RFC 5321; a message-level failure without a reply (no valid
  // recipient, unreadable message) will fail the same way next time.
  if (responseCode !== undefined && responseCode >= 400 && responseCode < 500) return 'retryable';
  return 'permanent';
};
