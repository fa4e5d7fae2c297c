import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { renderEmail, SmtpEmailTransport, TemplateSyntaxError, type RenderedEmail } from '@rapport/channels';
import { templateContext, type Engine } from '@rapport/engine';
import { CustomerRepository, EmailPartRepository, TemplateRepository, WorkspaceRepository } from '@rapport/persistence';
import type { CustomerFacts } from '@rapport/journey';
import { ApiError, notFound } from '../common/api-error';
import { translate, type Locale } from '@rapport/messages';
import { ENGINE } from '../common/engine.token';
import { templateFaultWords } from './template-fault';

/** A coupon shown in previews and test sends, so marketers see where the code goes. */
const SAMPLE_COUPON = { code: 'PREVIEW-CODE', expiresAt: null };

/**
 * Preview with a real customer, and test sends to an address: the same renderer and template context as real
 * sends (only the coupon is a sample, and no unsubscribe link is signed for a test).
 */
@Injectable()
export class TemplatePreviewService implements OnModuleDestroy {
  private transport: SmtpEmailTransport | null = null;

  constructor(@Inject(ENGINE) private readonly engine: Engine) {}

  async render(workspaceId: string, key: string, externalId: string | undefined): Promise<RenderedEmail> {
    const template = await new TemplateRepository(this.engine.db.manager).findByKey(workspaceId, key);
    if (!template) throw notFound('template', key);
    const customer = await this.customer(workspaceId, externalId);
    const design = await new EmailPartRepository(this.engine.db.manager).design(workspaceId, template.layout);
    try {
      return renderEmail(
        template,
        { ...templateContext(customer, { trigger: null, coupon: SAMPLE_COUPON }), unsubscribeUrl: '#unsubscribe' },
        {
          locale: customer.locale ?? undefined,
          timeZone: customer.timeZone ?? undefined,
          layout: design.layout,
          partials: design.partials,
        },
      );
    } catch (error) {
      if (error instanceof TemplateSyntaxError) throw new ApiError('invalid_request', templateFaultWords(error));
      throw error;
    }
  }

  /** Sends the rendered template to the marketer; the subject is marked as a test in the marketer's language. */
  async testSend(workspaceId: string, key: string, input: { to: string; externalId?: string }, locale: Locale = 'en') {
    const rendered = await this.render(workspaceId, key, input.externalId);
    const workspace = await new WorkspaceRepository(this.engine.db).findById(workspaceId);
    this.transport ??= new SmtpEmailTransport({ url: this.engine.config.SMTP_URL, maxConnections: 1 });
    const messageId = `<test-${randomUUID()}@${this.engine.config.MESSAGE_ID_DOMAIN}>`;
    const subject = translate(locale, 'api.template.test-subject', { subject: rendered.subject });
    try {
      await this.transport.send({
        from: workspace?.emailFrom ?? 'rapport@localhost',
        to: input.to,
        subject,
        html: rendered.html,
        text: rendered.text,
        messageId,
      });
    } catch (error) {
      // The marketer needs the mail server's own words (a refused recipient, no connection), not a bare 500.
      throw new ApiError('upstream_failed', {
        key: 'api.template.test-send-failed',
        params: { detail: error instanceof Error ? error.message : String(error) },
      });
    }
    return { sent: true, messageId, subject };
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }

  private async customer(workspaceId: string, externalId: string | undefined): Promise<CustomerFacts> {
    if (!externalId) {
      return {
        id: 'preview',
        externalId: null,
        email: null,
        phone: null,
        timeZone: null,
        locale: null,
        attributes: {},
      };
    }
    const found = await new CustomerRepository(this.engine.db.manager).findByExternalId(workspaceId, externalId);
    if (!found) throw notFound('customer', externalId);
    return { ...found, attributes: found.attributes ?? {} };
  }
}
