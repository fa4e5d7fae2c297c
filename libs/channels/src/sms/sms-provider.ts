export type OutgoingSms = {
  /** E.164, e.g. `+447700900123`. */
  to: string;
  /** E.164 sender number (or alphanumeric sender id where the provider allows it). */
  from: string;
  /** Already rendered text; see `measureSms` for its length and segments. */
  body: string;
  /**
   * Stable per delivery (Rapport passes the delivery id) so a retried send is recognised by the
   * provider and never produces a second message.
   */
  idempotencyKey: string;
  /** Where the provider posts delivery status changes (verified with the provider's signature). */
  statusCallbackUrl?: string;
};

export type SmsSendResult = {
  /** The provider's id for the message (Twilio `SM…` sid); status callbacks refer to it. */
  providerMessageId: string;
  /** The provider's status at acceptance, e.g. Twilio `queued` or `accepted`. */
  status: string;
};

/**
 * One class per SMS provider implements this; the worker's SMS effect only knows this shape.
 * Failures reject with `SmsSendError` (`kind: 'retryable' | 'permanent'`).
 */
export type SmsProvider = {
  send(message: OutgoingSms): Promise<SmsSendResult>;
};
