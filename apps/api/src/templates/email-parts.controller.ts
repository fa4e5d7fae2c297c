import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Put, Req, UseGuards } from '@nestjs/common';
import { z } from 'zod';
import { validateTemplate } from '@rapport/channels';
import { EmailPartRepository, type EmailPartKind } from '@rapport/persistence';
import type { Engine } from '@rapport/engine';
import { ApiError, InvalidRequest, notFound } from '../common/api-error';
import { ApiKeyGuard, type AuthedRequest } from '../common/auth.guards';
import { ENGINE } from '../common/engine.token';
import { parseBody } from '../common/parse-body';
import { templateFaultIssue } from './template-fault';

const nameSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,99}$/, 'field.email-part.name-format');

const layoutSchema = z.object({
  html: z
    .string()
    .min(1)
    .max(500_000)
    .refine((html) => /\{\{\{\s*body\s*\}\}\}/.test(html), 'field.layout.body-required'),
  text: z.string().max(500_000).nullish(),
});
const partialSchema = z.object({ html: z.string().min(1).max(500_000) });

const KINDS = { layouts: 'layout', partials: 'partial' } as const satisfies Record<string, EmailPartKind>;

const kindOf = (plural: string): EmailPartKind => {
  const kind = KINDS[plural as keyof typeof KINDS];
  if (!kind) throw new ApiError('not_found', { key: 'api.email-part-kind', params: { kind: plural } });
  return kind;
};

/**
 * The workspace's email design: layouts wrap a template's body (`{{{body}}}`), partials are blocks any template
 * calls (`{{> footer}}`). Real sends, previews and test sends all render with them.
 */
@Controller('api/email-parts')
@UseGuards(ApiKeyGuard)
export class EmailPartsController {
  constructor(@Inject(ENGINE) private readonly engine: Engine) {}

  private get parts() {
    return new EmailPartRepository(this.engine.db.manager);
  }

  @Get()
  async list(@Req() request: AuthedRequest) {
    const parts = await this.parts.list(request.workspace.id);
    return {
      layouts: parts.filter((part) => part.kind === 'layout'),
      partials: parts.filter((part) => part.kind === 'partial'),
    };
  }

  @Get(':kind/:name')
  async get(@Req() request: AuthedRequest, @Param('kind') plural: string, @Param('name') name: string) {
    const part = await this.parts.find(request.workspace.id, kindOf(plural), name);
    if (!part) throw notFound(kindOf(plural), name);
    return part;
  }

  @Put(':kind/:name')
  async save(
    @Req() request: AuthedRequest,
    @Param('kind') plural: string,
    @Param('name') rawName: string,
    @Body() body: unknown,
  ) {
    const kind = kindOf(plural);
    const name = parseBody(nameSchema, rawName, 'part-name');
    const workspaceId = request.workspace.id;
    const { partials } = await this.parts.design(workspaceId, null);
    if (kind === 'layout') {
      const layout = parseBody(layoutSchema, body, 'layout');
      const check = validateTemplate({ subject: '', html: '{{{body}}}' }, { layout, partials });
      if (!check.ok) throw new InvalidRequest('layout', [templateFaultIssue(check.fault)]);
      return this.parts.save(workspaceId, { kind, name, ...layout }, await this.engine.clock.now());
    }
    const partial = parseBody(partialSchema, body, 'partial');
    const check = validateTemplate({ subject: '', html: '' }, { partials: { ...partials, [name]: partial.html } });
    if (!check.ok) throw new InvalidRequest('partial', [templateFaultIssue(check.fault)]);
    return this.parts.save(workspaceId, { kind, name, html: partial.html }, await this.engine.clock.now());
  }

  @Delete(':kind/:name')
  @HttpCode(204)
  async remove(@Req() request: AuthedRequest, @Param('kind') plural: string, @Param('name') name: string) {
    const kind = kindOf(plural);
    // Refused while in use: a send would otherwise fail at render time rather than here.
    const users =
      kind === 'layout'
        ? (await this.parts.templatesUsingLayout(request.workspace.id, name)).map((key) => `template ${key}`)
        : await this.parts.usersOfPartial(request.workspace.id, name);
    if (users.length > 0)
      throw new ApiError(
        'conflict',
        {
          key: 'api.email-part.in-use',
          // Names only in the sentence (`template welcome` -> `welcome`): they read the same in any language.
          params: { kind, name, count: users.length, users: users.map((user) => user.split(' ')[1]).join(', ') },
        },
        { usedBy: users },
      );
    if (!(await this.parts.remove(request.workspace.id, kind, name))) throw notFound(kind, name);
  }
}
