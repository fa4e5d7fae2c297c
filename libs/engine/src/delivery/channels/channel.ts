import type { CustomerFacts } from '@rapport/journey';
import type { DeliveryRow, DeliveryToSend } from '@rapport/persistence';
import type { DeliveryRules } from '../delivery-rules';

/** What a channel reports for a message it handed over. */
export type ChannelReceipt = { recipient: string; messageId: string };

/** Failures a channel names: a retry may cure `retryable`; `permanent` never; `unknown` = it may have gone out. */
export class ChannelError extends Error {
  constructor(
    readonly kind: 'retryable' | 'permanent' | 'unknown',
    message: string,
    /** The receiver asked to be left alone this long (`Retry-After`): the delivery is deferred, not retried at once. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export type ChannelContext = {
  delivery: DeliveryRow;
  loaded: DeliveryToSend;
  customer: CustomerFacts;
  /** Deterministic per delivery: providers and receivers de-duplicate on it, so a resend after a crash is one message. */
  idempotencyKey: string;
  rules: DeliveryRules;
  now: Date;
};

/** One channel's sending: the worker's effect registry calls it through the delivery pipeline. */
export type DeliveryChannelSender = {
  /** The address for this customer, or null when the customer cannot be reached on the channel. */
  recipientOf(customer: CustomerFacts, delivery: DeliveryRow): string | null;
  send(context: ChannelContext): Promise<ChannelReceipt>;
};
