import type { DataSource } from 'typeorm';
import { EmailSendError, renderEmail, TemplateSyntaxError, type SmtpEmailTransport } from '@rapport/channels';
import { DeliveryRepository, toCustomerFacts, type Clock, type DeliveryRow } from '@rapport/persistence';
import type { JobPayload } from '../queue/job-catalog';

export type SendOutcome = 'sent' | 'skipped' | 'failed' | 'retry';

/** A failure no retry can cure (no address, no template): the delivery fails with the reason. */
class PermanentDeliveryError extends Error {}

/**
 * Sends one outbox row: pending -> sending (a compare-and-set only one attempt wins) -> sent | failed.
 * Rendering is the same renderer previews and test sends use; the Message-ID is derived from the delivery id.
 * Three statements per mail: claim, one joined read, and the outcome written with its history line.
 */
export class EmailDeliverySender {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly transport: SmtpEmailTransport,
    private readonly messageIdDomain: string,
  ) {}

  async run(payload: JobPayload<'send'>, options: { lastAttempt: boolean }): Promise<SendOutcome> {
    const deliveries = new DeliveryRepository(this.db.manager);
    const delivery = await deliveries.claim(payload.deliveryId, await this.clock.now());
    // Already sent, failed, or claimed by an attempt that crashed mid-send: never risk a second copy.
    if (!delivery) return 'skipped';
    try {
      const sent = await this.sendClaimed(delivery, deliveries);
      await deliveries.markSent(
        delivery.id,
        { ...sent, history: { code: 'email.sent', params: { template: delivery.template_key, to: sent.recipient } } },
        await this.clock.now(),
      );
      return 'sent';
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const permanent =
        error instanceof PermanentDeliveryError ||
        error instanceof TemplateSyntaxError ||
        (error instanceof EmailSendError && error.kind === 'permanent');
      if (permanent || options.lastAttempt) {
        const history = { code: 'email.failed', params: { template: delivery.template_key, error: message } };
        await deliveries.markFailed(delivery.id, message, history, await this.clock.now());
        return 'failed';
      }
      await deliveries.release(delivery.id, message, await this.clock.now());
      return 'retry';
    }
  }

  private async sendClaimed(
    delivery: DeliveryRow,
    deliveries: DeliveryRepository,
  ): Promise<{ recipient: string; messageId: string }> {
    const loaded = await deliveries.loadForSend(delivery);
    if (!loaded) throw new PermanentDeliveryError('the customer no longer exists');
    if (!loaded.template) throw new PermanentDeliveryError(`there is no template "${delivery.template_key}"`);
    const customer = toCustomerFacts(loaded.customer);
    if (!customer.email) throw new PermanentDeliveryError('the customer has no email address');

    const rendered = renderEmail(loaded.template, {
      ...customer.attributes,
      customer: { ...customer.attributes, ...customer },
      event: loaded.trigger,
    });
    const messageId = `<${delivery.id}@${this.messageIdDomain}>`;
    await this.transport.send({
      from: loaded.emailFrom,
      to: customer.email,
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      messageId,
      headers: { 'X-Rapport-Delivery': delivery.id },
    });
    return { recipient: customer.email, messageId };
  }
}
