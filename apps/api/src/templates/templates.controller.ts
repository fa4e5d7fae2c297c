import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Req, UseGuards } from '@nestjs/common';
import { z } from 'zod';
import { validateTemplate } from '@rapport/channels';
import { EmailPartRepository, TemplateRepository } from '@rapport/persistence';
import type { Engine } from '@rapport/engine';
import { InvalidRequest, notFound } from '../common/api-error';
import { ApiKeyGuard, type AuthedRequest } from '../common/auth.guards';
import { ENGINE } from '../common/engine.token';
import { parseBody } from '../common/parse-body';
import { readerLocale } from '../messages/reader-locale';
import { TemplatePreviewService } from './template-preview.service';
import { templateFaultIssue } from './template-fault';

const templateSchema = z.object({
  name: z.string().trim().min(1).max(200),
  subject: z.string().min(1, 'field.template.subject-required').max(998),
  html: z.string().min(1, 'field.template.body-required').max(500_000),
  text: z.string().max(500_000).nullish(),
  /** A layout of the workspace's email design that wraps this template. */
  layout: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,99}$/, 'field.email-part.name-format')
    .nullish(),
});

const previewSchema = z.object({ externalId: z.string().min(1).max(200).optional() });
const testSendSchema = z.object({
  to: z.email('field.template.test-address'),
  externalId: z.string().min(1).max(200).optional(),
});

const keySchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,99}$/, 'field.template.key-format');

/** Email templates, addressed by their key (`thank-you`) so journey documents stay portable. */
@Controller('api/templates')
@UseGuards(ApiKeyGuard)
export class TemplatesController {
  constructor(
    @Inject(ENGINE) private readonly engine: Engine,
    private readonly previews: TemplatePreviewService,
  ) {}

  private get templates() {
    return new TemplateRepository(this.engine.db.manager);
  }

  @Get()
  async list(@Req() request: AuthedRequest) {
    return { templates: await this.templates.list(request.workspace.id) };
  }

  @Get(':key')
  async get(@Req() request: AuthedRequest, @Param('key') key: string) {
    const template = await this.templates.findByKey(request.workspace.id, key);
    if (!template) throw notFound('template', key);
    return template;
  }

  @Put(':key')
  async save(@Req() request: AuthedRequest, @Param('key') key: string, @Body() body: unknown) {
    const validKey = parseBody(keySchema, key, 'template-key');
    const fields = parseBody(templateSchema, body, 'template');
    // Checked with the workspace's design: the layout must exist, and `{{> name}}` may call only its partials.
    const design = await new EmailPartRepository(this.engine.db.manager).design(
      request.workspace.id,
      fields.layout ?? null,
    );
    if (fields.layout && !design.layout) {
      const params = { layout: fields.layout, path: `/api/email-parts/layouts/${fields.layout}` };
      throw new InvalidRequest('template', [{ path: ['layout'], words: { key: 'api.template.no-layout', params } }]);
    }
    const check = validateTemplate(fields, design);
    if (!check.ok) {
      throw new InvalidRequest('template', [templateFaultIssue(check.fault)]);
    }
    return this.templates.save(request.workspace.id, { key: validKey, ...fields }, await this.engine.clock.now());
  }

  /** Renders the template for a real customer (`externalId`), with the renderer real sends use. */
  @Post(':key/preview')
  @HttpCode(200)
  preview(@Req() request: AuthedRequest, @Param('key') key: string, @Body() body: unknown) {
    const input = parseBody(previewSchema, body ?? {}, 'preview');
    return this.previews.render(request.workspace.id, key, input.externalId);
  }

  @Post(':key/test-send')
  @HttpCode(200)
  testSend(@Req() request: AuthedRequest, @Param('key') key: string, @Body() body: unknown) {
    const input = parseBody(testSendSchema, body, 'test-send');
    return this.previews.testSend(request.workspace.id, key, input, readerLocale(request));
  }

  @Delete(':key')
  @HttpCode(204)
  async remove(@Req() request: AuthedRequest, @Param('key') key: string) {
    const template = await this.templates.findByKey(request.workspace.id, key);
    if (!template) throw notFound('template', key);
    await this.templates.remove(request.workspace.id, template.id);
  }
}
