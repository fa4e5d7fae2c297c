import { Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { CsvImportService, ImportStopped, type Engine } from '@rapport/engine';
import { ImportRepository, type ImportKind } from '@rapport/persistence';
import { ApiError, notFound } from '../common/api-error';
import { ApiKeyGuard, type AuthedRequest } from '../common/auth.guards';
import { ENGINE } from '../common/engine.token';
import { readerLocale } from '../messages/reader-locale';
import { importErrorIn, importIn } from './import-words';
import { asApiErrors } from './profile-errors';

const isUuid = (id: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** One CSV cell, quoted when it needs to be. */
const csvCell = (value: string | number | null): string => {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * CSV imports of customers and orders. The body is parsed as it arrives and never held in memory; the answer
 * (202 with the import id) comes once the header is checked, and the rows are written while the upload goes on.
 */
@Controller('api/imports')
@UseGuards(ApiKeyGuard)
export class ImportsController {
  private readonly importer: CsvImportService;

  constructor(@Inject(ENGINE) private readonly engine: Engine) {
    this.importer = new CsvImportService(engine.db, engine.clock, engine.tracking, engine.profiles, engine.logger);
  }

  private get imports() {
    return new ImportRepository(this.engine.db.manager);
  }

  @Post('customers')
  @HttpCode(202)
  customers(@Req() request: AuthedRequest, @Res({ passthrough: true }) response: Response) {
    return this.start(request, response, 'customers');
  }

  @Post('orders')
  @HttpCode(202)
  orders(@Req() request: AuthedRequest, @Res({ passthrough: true }) response: Response) {
    return this.start(request, response, 'orders');
  }

  @Get(':id')
  async progress(@Req() request: AuthedRequest, @Param('id') id: string) {
    const found = isUuid(id) ? await this.imports.find(request.workspace.id, id) : null;
    if (!found) throw notFound('import', id);
    return importIn(readerLocale(request), found);
  }

  /**
   * The rows that failed, in order: JSON pages (`after`, `limit`), or the whole report with `format=csv`; each
   * `message` in the reader's language (the CSV too: it is for a person to open in a spreadsheet).
   */
  @Get(':id/errors')
  async errors(
    @Req() request: AuthedRequest,
    @Res() response: Response,
    @Param('id') id: string,
    @Query('format') format?: string,
    @Query('after') after?: string,
    @Query('limit') limit?: string,
  ) {
    const workspaceId = request.workspace.id;
    const locale = readerLocale(request);
    const found = isUuid(id) ? await this.imports.find(workspaceId, id) : null;
    if (!found) throw notFound('import', id);
    if (format === 'csv') {
      response.status(200).type('text/csv').attachment(`import-${id}-errors.csv`);
      response.write('row,column,message\n');
      for (let cursor = 0; ;) {
        const page = await this.imports.errors(workspaceId, id, { afterId: cursor, limit: 5000 });
        for (const error of page) {
          const { row, column, message } = importErrorIn(locale, error);
          response.write(`${[row, column, message].map(csvCell).join(',')}\n`);
        }
        if (page.length < 5000) break;
        cursor = page[page.length - 1]?.id ?? cursor;
      }
      response.end();
      return;
    }
    const size = Math.min(Math.max(Number(limit) || 100, 1), 1000);
    const page = await this.imports.errors(workspaceId, id, { afterId: Math.max(Number(after) || 0, 0), limit: size });
    response.json({
      errors: page.map((error) => importErrorIn(locale, error)),
      next: page.length === size ? page[page.length - 1]?.id : null,
    });
  }

  private async start(request: AuthedRequest, response: Response, kind: ImportKind) {
    if (!request.is(['text/csv', 'application/csv'])) {
      throw new ApiError(
        'invalid_request',
        { key: 'api.import.not-csv', params: { header: 'Content-Type: text/csv' } },
        {},
        [{ path: ['content-type'], words: { key: 'field.import.content-type', params: { type: 'text/csv' } } }],
      );
    }
    // A client that stops sending without closing (some answer early and stop) must not leave the import
    // `running` forever: an upload silent this long is cut, and the import ends `failed` with the reason.
    const idleMs = this.engine.config.IMPORT_IDLE_TIMEOUT_MS;
    request.setTimeout(idleMs, () => request.destroy(ImportStopped.stalled(Math.round(idleMs / 1000))));
    const started = await asApiErrors(() => this.importer.start(request.workspace.id, kind, request));
    response.setHeader('Location', `/api/imports/${started.record.id}`);
    // `?answer=when-done` (the editor): answered once the whole body is read and written. Browsers and proxies
    // (Chromium through Vite's proxy) cut an upload whose answer comes before its body is sent.
    const locale = readerLocale(request);
    if (request.query['answer'] === 'when-done') return importIn(locale, (await started.done) ?? started.record);
    return importIn(locale, started.record);
  }
}
