import type { DataSource } from 'typeorm';
import { EmailSendError, renderEmail, TemplateSyntaxError, type SmtpEmailTransport } from '@rapport/channels';
import {
  DeliveryRepository,
  EnrollmentRepository,
  EventRepository,
  TemplateRepository,
  WorkspaceRepository,
  toCustomerFacts,
  type Clock,
  type DeliveryRow,
} from '@rapport/persistence';
import type { JobPayload } from '../queue/job-catalog';

export type SendOutcome = 'sent' | 'skipped' | 'failed' | 'retry';

/** A failure no retry can cure (no address, no template): the delivery fails with the reason. */
class PermanentDeliveryError extends Error {}

/**
 * Sends one outbox row: pending -> sending (a compare-and-set only one attempt wins) -> sent | failed.
 * Rendering is the same renderer previews and test sends use; the Message-ID is derived from the delivery id.
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
      const recipient = await this.sendClaimed(delivery);
      await deliveries.markSent(delivery.id, recipient, await this.clock.now());
      await this.record(delivery, 'email.sent', { template: delivery.template_key, to: recipient.recipient });
      return 'sent';
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const permanent =
        error instanceof PermanentDeliveryError ||
        error instanceof TemplateSyntaxError ||
        (error instanceof EmailSendError && error.kind === 'permanent');
      if (permanent || options.lastAttempt) {
        await deliveries.markFailed(delivery.id, message, await this.clock.now());
        await this.record(delivery, 'email.failed', { template: delivery.template_key, error: message });
        return 'failed';
      }
      await deliveries.release(delivery.id, message, await this.clock.now());
      return 'retry';
    }
  }

  private async sendClaimed(delivery: DeliveryRow): Promise<{ recipient: string; messageId: string }> {
    const manager = this.db.manager;
    const [workspace, template, customers, enrollment] = await Promise.all([
      new WorkspaceRepository(this.db).findById(delivery.workspace_id),
      new TemplateRepository(manager).findByKey(delivery.workspace_id, delivery.template_key),
      manager.query('SELECT * FROM customers WHERE id = $1', [delivery.customer_id]),
      new EnrollmentRepository(manager).find(delivery.enrollment_id),
    ]);
    if (!workspace || !customers[0]) throw new PermanentDeliveryError('the customer no longer exists');
    if (!template) throw new PermanentDeliveryError(`there is no template "${delivery.template_key}"`);
    const customer = toCustomerFacts(customers[0]);
    if (!customer.email) throw new PermanentDeliveryError('the customer has no email address');
    const trigger = enrollment?.trigger_event_id
      ? await new EventRepository(manager).findFacts(delivery.workspace_id, enrollment.trigger_event_id)
      : null;

    const rendered = renderEmail(template, {
      ...customer.attributes,
      customer: { ...customer.attributes, ...customer },
      event: trigger,
    });
    const messageId = `<${delivery.id}@${this.messageIdDomain}>`;
    await this.transport.send({
      from: workspace.emailFrom,
      to: customer.email,
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      messageId,
      headers: { 'X-Rapport-Delivery': delivery.id },
    });
    return { recipient: customer.email, messageId };
  }

  private async record(delivery: DeliveryRow, code: string, params: Record<string, unknown>): Promise<void> {
    const enrollment = await new EnrollmentRepository(this.db.manager).find(delivery.enrollment_id);
    await new EnrollmentRepository(this.db.manager).appendHistory(
      delivery.workspace_id,
      delivery.enrollment_id,
      enrollment?.seq ?? 0,
      await this.clock.now(),
      [{ nodeId: delivery.node_id, code, params }],
    );
  }
}
