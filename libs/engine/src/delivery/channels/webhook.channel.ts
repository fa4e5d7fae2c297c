import { sendWebhook, WebhookSendError } from '@rapport/channels';
import { ChannelError, type ChannelContext, type ChannelReceipt, type DeliveryChannelSender } from './channel';

const TIMEOUT_MS = 10_000;

/**
 * An outgoing webhook, signed per Standard Webhooks with the workspace's secret; `webhook-id` is the delivery id,
 * so a receiver can fold a resend. Private and loopback targets are refused unless the workspace allows them.
 */
export class WebhookChannel implements DeliveryChannelSender {
  recipientOf(_customer: unknown, delivery: { payload: Record<string, unknown> }): string | null {
    return typeof delivery.payload['url'] === 'string' ? delivery.payload['url'] : null;
  }

  async send({ delivery, loaded, customer, idempotencyKey, rules, now }: ChannelContext): Promise<ChannelReceipt> {
    const url = String(delivery.payload['url']);
    const body = {
      type: String(delivery.payload['topic'] ?? 'journey.step'),
      timestamp: now.toISOString(),
      data: {
        deliveryId: delivery.id,
        enrollmentId: delivery.enrollment_id,
        nodeId: delivery.node_id,
        customer: {
          id: customer.id,
          externalId: customer.externalId,
          email: customer.email,
          phone: customer.phone,
          attributes: customer.attributes,
        },
        event: loaded.trigger,
        coupon: loaded.coupon,
      },
    };
    try {
      await sendWebhook({
        url,
        body,
        id: idempotencyKey,
        secret: loaded.webhookSecret,
        now,
        timeoutMs: TIMEOUT_MS,
        allowPrivate: rules.allowPrivateWebhooks,
      });
      return { recipient: url, messageId: idempotencyKey };
    } catch (error) {
      if (error instanceof WebhookSendError) {
        const kind = error.kind === 'refused' ? 'permanent' : error.kind;
        throw new ChannelError(kind, error.message, error.retryAfterMs);
      }
      throw new ChannelError('retryable', error instanceof Error ? error.message : String(error));
    }
  }
}
