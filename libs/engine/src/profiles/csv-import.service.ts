import type { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import {
  AttributeDefinitionRepository,
  ImportRepository,
  type Clock,
  type ImportKind,
  type ImportRecord,
  type ImportRowError,
} from '@rapport/persistence';
import type { TrackingMessage } from '../tracking/segment.schema';
import type { TrackingService } from '../tracking/tracking.service';
import { checkHeader, customerRow, orderRow, type CsvRow, type OrderLine } from './csv-rows';
import type { ImportedProfile, ProfileService } from './profile.service';
import { rowError } from './import-row-error';
import { ImportStopped } from './import-stopped';
import { ProfileInputError } from './profile-patch';

/** Rows per transaction: big enough to amortize a commit, small enough that a retry row by row stays cheap. */
export const IMPORT_BATCH_ROWS = 500;

export type ImportStarted = { record: ImportRecord; done: Promise<ImportRecord | null> };

type Pending<T> = { row: number; item: T };

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** csv-parse's error codes for a record it skipped, as the reasons the report words (others keep its English). */
const UNREADABLE_REASONS: Record<string, string> = {
  CSV_INVALID_CLOSING_QUOTE: 'closing-quote',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'closing-quote',
  INVALID_OPENING_QUOTE: 'opening-quote',
  CSV_INVALID_OPENING_QUOTE: 'opening-quote',
  CSV_QUOTE_NOT_CLOSED: 'quote-not-closed',
  CSV_MAX_RECORD_SIZE: 'too-long',
};

/** `Order Completed` for one order, with a messageId from the order id so a second import stores nothing. */
const orderMessage = (order: { first: OrderLine; lines: OrderLine[] }): TrackingMessage => {
  const products = order.lines.map((line) => line.product);
  const computed = products.reduce(
    (sum, product) => sum + (typeof product['price'] === 'number' ? product['price'] * Number(product['quantity']) : 0),
    0,
  );
  return {
    type: 'track',
    messageId: `import:order:${order.first.orderId}`,
    userId: order.first.userId,
    event: 'Order Completed',
    timestamp: order.first.timestamp,
    properties: {
      order_id: order.first.orderId,
      total: order.first.total ?? Math.round(computed * 100) / 100,
      ...(order.first.currency ? { currency: order.first.currency } : {}),
      products,
    },
  };
};

/**
 * CSV imports, streamed: the file is parsed as it arrives and written in batches of IMPORT_BATCH_ROWS rows, one
 * transaction each, through the same paths as tracking (profiles like identify, orders as `Order Completed`
 * events). A bad row is reported with its line and column and never stops the rest.
 */
export class CsvImportService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly tracking: TrackingService,
    private readonly profiles: ProfileService,
    private readonly logger: Logger,
  ) {}

  /**
   * Reads the header (a wrong one throws ProfileInputError before anything is recorded), records the import and
   * goes on in the background; `done` settles when the last row is written.
   */
  async start(workspaceId: string, kind: ImportKind, body: Readable): Promise<ImportStarted> {
    const parser = parse({
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      skip_records_with_error: true,
      info: true,
    });
    const malformed: ImportRowError[] = [];
    parser.on('skip', (error: CsvError) =>
      malformed.push(
        rowError({
          row: Number(error.lines),
          column: null,
          key: 'import.row.unreadable',
          params: { reason: UNREADABLE_REASONS[error.code] ?? 'other', detail: error.message },
        }),
      ),
    );
    // A request body fails only when its client goes away, or when the API cuts a stalled upload (ImportStopped).
    body.on('error', (error) => parser.destroy(error instanceof ImportStopped ? error : ImportStopped.interrupted()));
    body.on('aborted', () => parser.destroy(ImportStopped.interrupted()));
    body.pipe(parser);
    const rows = parser[Symbol.asyncIterator]() as AsyncIterator<{ record: string[]; info: { lines: number } }>;
    let header: string[];
    try {
      const first = await rows.next();
      if (first.done) {
        throw ProfileInputError.of('CSV', [{ path: ['body'], key: 'field.import.empty-file', params: {} }], 'csv');
      }
      header = checkHeader(kind, first.value.record);
    } catch (error) {
      // Nothing more will be read: let the rest of the upload drain so the connection stays usable.
      body.unpipe(parser);
      body.resume();
      throw error;
    }
    const types = await new AttributeDefinitionRepository(this.db.manager).types(workspaceId);
    const imports = new ImportRepository(this.db.manager);
    const record = await imports.create(workspaceId, kind, await this.clock.now());
    const read = async function* (): AsyncGenerator<CsvRow> {
      for (;;) {
        const next = await rows.next();
        if (next.done) return;
        yield { line: next.value.info.lines, cells: next.value.record };
      }
    };
    const run =
      kind === 'customers'
        ? this.importCustomers(workspaceId, record.id, read(), (row) => customerRow(header, row, types), malformed)
        : this.importOrders(workspaceId, record.id, read(), header, malformed);
    const done = run
      .then(async () => {
        await imports.finish(record.id, { status: 'completed' }, await this.clock.now());
        return imports.find(workspaceId, record.id);
      })
      .catch(async (error: unknown) => {
        this.logger.warn({ importId: record.id, err: message(error) }, 'import stopped');
        const why = ImportStopped.reasonOf(error);
        await imports.finish(record.id, { status: 'failed', error: why }, await this.clock.now());
        return imports.find(workspaceId, record.id);
      });
    return { record, done };
  }

  private async importCustomers(
    workspaceId: string,
    importId: string,
    rows: AsyncGenerator<CsvRow>,
    toProfile: (row: CsvRow) => ReturnType<typeof customerRow>,
    malformed: ImportRowError[],
  ): Promise<void> {
    let batch: Pending<ImportedProfile>[] = [];
    let errors: ImportRowError[] = [];
    let failedRows = 0;
    const flush = async () => {
      const saved = await this.saveInBatch(batch, (items) => this.profiles.importProfiles(workspaceId, items));
      // Records the parser could not read count as read and failed.
      const unreadable = malformed.splice(0);
      errors.push(...saved, ...unreadable);
      await this.progress(importId, {
        rowsRead: batch.length + failedRows + unreadable.length,
        imported: batch.length - saved.length,
        failed: failedRows + saved.length + unreadable.length,
        duplicates: 0,
        errors,
      });
      batch = [];
      errors = [];
      failedRows = 0;
    };
    for await (const row of rows) {
      const parsed = toProfile(row);
      if (parsed.ok) batch.push({ row: row.line, item: parsed.value });
      else {
        failedRows += 1;
        errors.push(...parsed.errors);
      }
      if (batch.length + failedRows >= IMPORT_BATCH_ROWS) await flush();
    }
    await flush();
  }

  private async importOrders(
    workspaceId: string,
    importId: string,
    rows: AsyncGenerator<CsvRow>,
    header: string[],
    malformed: ImportRowError[],
  ): Promise<void> {
    let orders: Pending<{ first: OrderLine; lines: OrderLine[]; rows: number[] }>[] = [];
    let current: {
      first: OrderLine | null;
      orderId: string;
      lines: OrderLine[];
      rows: number[];
      bad: number[];
    } | null = null;
    let errors: ImportRowError[] = [];
    let failedRows = 0;
    let pendingRows = 0;
    // An order is imported whole or not at all: one bad line would make its total and products wrong.
    const close = () => {
      if (!current) return;
      if (current.bad.length > 0 || !current.first) {
        const good = current.rows.filter((row) => !current?.bad.includes(row));
        for (const row of good) {
          errors.push(
            rowError({
              row,
              column: null,
              key: 'import.row.order-not-imported',
              params: { order: current.orderId, line: current.bad[0] },
            }),
          );
        }
        failedRows += current.rows.length;
      } else {
        orders.push({
          row: current.rows[0] as number,
          item: { first: current.first, lines: current.lines, rows: current.rows },
        });
        pendingRows += current.rows.length;
      }
      current = null;
    };
    const flush = async () => {
      let duplicates = 0;
      const saved = await this.saveInBatch(orders, async (items) => {
        const result = await this.tracking.ingest(workspaceId, items.map(orderMessage));
        duplicates += result.duplicates;
      });
      const failedOrders = new Set(saved.map((error) => error.row));
      const lostRows = orders
        .filter((order) => failedOrders.has(order.row))
        .reduce((sum, order) => sum + order.item.rows.length, 0);
      const unreadable = malformed.splice(0);
      errors.push(...saved, ...unreadable);
      await this.progress(importId, {
        rowsRead: pendingRows + failedRows + unreadable.length,
        imported: pendingRows - lostRows,
        failed: failedRows + lostRows + unreadable.length,
        duplicates,
        errors,
      });
      orders = [];
      errors = [];
      failedRows = 0;
      pendingRows = 0;
    };
    for await (const row of rows) {
      const parsed = orderRow(header, row);
      const orderId = parsed.ok ? parsed.value.orderId : (row.cells[header.indexOf('order_id')] ?? '').trim();
      if (!current || current.orderId !== orderId) {
        close();
        if (pendingRows + failedRows >= IMPORT_BATCH_ROWS) await flush();
        current = { first: null, orderId, lines: [], rows: [], bad: [] };
      }
      current.rows.push(row.line);
      if (parsed.ok && current.first && parsed.value.userId !== current.first.userId) {
        // One order belongs to one customer: a line naming another is an error, not a silent reassignment.
        current.bad.push(row.line);
        errors.push(
          rowError({
            row: row.line,
            column: 'user_id',
            key: 'import.cell.other-customer',
            params: { userId: current.first.userId },
          }),
        );
      } else if (parsed.ok) {
        current.first ??= parsed.value;
        current.lines.push(parsed.value);
      } else {
        current.bad.push(row.line);
        errors.push(...parsed.errors);
      }
    }
    close();
    await flush();
  }

  /** Writes a batch in one transaction; if that fails, item by item, so only the item at fault is reported. */
  private async saveInBatch<T>(batch: Pending<T>[], save: (items: T[]) => Promise<void>): Promise<ImportRowError[]> {
    const errors: ImportRowError[] = [];
    if (batch.length > 0) {
      try {
        await save(batch.map((pending) => pending.item));
      } catch {
        for (const pending of batch) {
          await save([pending.item]).catch((error: unknown) =>
            errors.push(
              rowError({
                row: pending.row,
                column: null,
                key: 'import.row.not-saved',
                params: { detail: message(error) },
              }),
            ),
          );
        }
      }
    }
    return errors;
  }

  private async progress(
    importId: string,
    batch: { rowsRead: number; imported: number; failed: number; duplicates: number; errors: ImportRowError[] },
  ): Promise<void> {
    const errors = [...batch.errors].sort((a, b) => a.row - b.row);
    await new ImportRepository(this.db.manager).progress(importId, { ...batch, errors }, await this.clock.now());
  }
}
