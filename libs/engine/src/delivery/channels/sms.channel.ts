import { renderEmail, SmsSendError, TemplateSyntaxError, type SmsProvider } from '@rapport/channels';
import { ChannelError, type ChannelContext, type ChannelReceipt, type DeliveryChannelSender } from './channel';
import { templateContext } from './template-context';

/**
 * SMS through the workspace's provider. The delivery id is the provider's idempotency key, so a resend after a
 * worker died mid-send, or after a timeout that may have gone through, is one message at the provider.
 */
export class SmsChannel implements DeliveryChannelSender {
  constructor(
    private readonly provider: SmsProvider,
    private readonly from: string,
    /** Where the provider posts delivery statuses (verified by the API before they are recorded). */
    private readonly statusCallbackUrl: string | null = null,
  ) {}

  recipientOf(customer: { phone: string | null }): string | null {
    return customer.phone;
  }

  async send({ delivery, loaded, customer, idempotencyKey }: ChannelContext): Promise<ChannelReceipt> {
    const text = String(delivery.payload['text'] ?? '');
    let body: string;
    try {
      // Same Handlebars environment as email (escaping off for plain text, prototypes blocked).
      body = renderEmail({ subject: 'sms', html: '<p></p>', text }, templateContext(customer, loaded), {
        locale: customer.locale ?? undefined,
        timeZone: customer.timeZone ?? undefined,
      }).text.trim();
    } catch (error) {
      if (error instanceof TemplateSyntaxError) throw new ChannelError('permanent', error.message);
      throw error;
    }
    try {
      const sent = await this.provider.send({
        to: customer.phone as string,
        from: this.from,
        body,
        idempotencyKey,
        ...(this.statusCallbackUrl ? { statusCallbackUrl: this.statusCallbackUrl } : {}),
      });
      return { recipient: customer.phone as string, messageId: sent.providerMessageId };
    } catch (error) {
      if (error instanceof SmsSendError) {
        throw new ChannelError(error.mayHaveBeenSent ? 'unknown' : error.kind, error.message, error.retryAfterMs);
      }
      throw new ChannelError('retryable', error instanceof Error ? error.message : String(error));
    }
  }
}
