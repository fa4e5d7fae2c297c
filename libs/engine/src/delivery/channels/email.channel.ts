import {
  createUnsubscribeToken,
  EmailSendError,
  renderEmail,
  TemplateSyntaxError,
  unsubscribeHeaders,
  type SmtpEmailTransport,
} from '@rapport/channels';
import { ChannelError, type ChannelContext, type ChannelReceipt, type DeliveryChannelSender } from './channel';
import { templateContext } from './template-context';

/**
 * Email over SMTP. The Message-ID is derived from the delivery id: SMTP cannot be exactly once, so the only
 * possible duplicate (a resend after a worker died mid-send) carries the same Message-ID for mail systems to fold.
 */
export class EmailChannel implements DeliveryChannelSender {
  constructor(
    private readonly transport: SmtpEmailTransport,
    private readonly messageIdDomain: string,
    private readonly unsubscribe: { baseUrl: string; secret: () => Promise<string> },
  ) {}

  recipientOf(customer: { email: string | null }): string | null {
    return customer.email;
  }

  async send({ delivery, loaded, customer, idempotencyKey }: ChannelContext): Promise<ChannelReceipt> {
    if (!loaded.template) throw new ChannelError('permanent', `there is no template "${delivery.template_key}"`);
    const to = customer.email as string;
    // RFC 8058 one-click unsubscribe: the link and the headers carry a signed token naming customer and channel.
    const token = createUnsubscribeToken(
      { workspaceId: delivery.workspace_id, customerId: customer.id, channel: 'email' },
      await this.unsubscribe.secret(),
    );
    const unsubscribeUrl = `${this.unsubscribe.baseUrl}/unsubscribe/${token}`;
    if (loaded.template.layout && !loaded.design.layout) {
      throw new ChannelError(
        'permanent',
        `the layout "${loaded.template.layout}" of "${delivery.template_key}" is gone`,
      );
    }
    let rendered;
    try {
      rendered = renderEmail(
        loaded.template,
        { ...templateContext(customer, loaded), unsubscribeUrl },
        {
          locale: customer.locale ?? undefined,
          timeZone: customer.timeZone ?? undefined,
          layout: loaded.design.layout,
          partials: loaded.design.partials,
        },
      );
    } catch (error) {
      if (error instanceof TemplateSyntaxError) throw new ChannelError('permanent', error.message);
      throw error;
    }
    const messageId = `<${idempotencyKey}@${this.messageIdDomain}>`;
    try {
      await this.transport.send({
        from: loaded.emailFrom,
        to,
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        messageId,
        headers: { 'X-Rapport-Delivery': delivery.id, ...unsubscribeHeaders(unsubscribeUrl) },
      });
    } catch (error) {
      if (error instanceof EmailSendError) throw new ChannelError(error.kind, error.message);
      throw new ChannelError('retryable', error instanceof Error ? error.message : String(error));
    }
    return { recipient: to, messageId };
  }
}
