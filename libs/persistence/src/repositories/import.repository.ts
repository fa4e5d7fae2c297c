import type { EntityManager } from 'typeorm';

export type ImportKind = 'customers' | 'orders';
export type ImportStatus = 'running' | 'completed' | 'failed';

export type ImportRecord = {
  id: string;
  kind: ImportKind;
  status: ImportStatus;
  rowsRead: number;
  imported: number;
  failed: number;
  duplicates: number;
  /** Why a failed import stopped, in English; `errorCode` and `errorParams` word it for each reader. */
  error: string | null;
  errorCode: string | null;
  errorParams: ImportErrorParams;
  startedAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
};

/** What fills an import error's sentence: cell values, column names, counts (stored as jsonb). */
export type ImportErrorParams = Record<string, string | number | boolean | null | undefined>;

/**
 * One row that could not be imported: its row number as a spreadsheet shows it (the header is row 1), the column
 * (null: the whole row), and why as a catalog key (`code`) with its params; `message` is the English rendering.
 */
export type ImportRowError = {
  row: number;
  column: string | null;
  code: string;
  params: ImportErrorParams;
  message: string;
};

/** A stored error as read back: rows written before errors had codes have a null `code` and only `message`. */
export type StoredImportError = Omit<ImportRowError, 'code'> & { id: number; code: string | null };

/** Why a whole import stopped: a catalog key, its params, and the English rendering. */
export type ImportStopReason = { code: string; params: ImportErrorParams; message: string };

/** Past this many, errors are counted in `failed` but no longer stored (a wholly wrong file stays cheap). */
export const MAX_STORED_IMPORT_ERRORS = 100_000;

type Row = {
  id: string;
  kind: ImportKind;
  status: ImportStatus;
  rows_read: number;
  imported: number;
  failed: number;
  duplicates: number;
  error: string | null;
  error_code: string | null;
  error_params: ImportErrorParams | null;
  started_at: Date;
  updated_at: Date;
  finished_at: Date | null;
};

const toRecord = (row: Row): ImportRecord => ({
  id: row.id,
  kind: row.kind,
  status: row.status,
  rowsRead: row.rows_read,
  imported: row.imported,
  failed: row.failed,
  duplicates: row.duplicates,
  error: row.error,
  errorCode: row.error_code,
  errorParams: row.error_params ?? {},
  startedAt: new Date(row.started_at),
  updatedAt: new Date(row.updated_at),
  finishedAt: row.finished_at ? new Date(row.finished_at) : null,
});

const COLUMNS =
  'id, kind, status, rows_read, imported, failed, duplicates, error, error_code, error_params, started_at, updated_at, finished_at';

/** CSV imports: progress counters and the per-row error report. */
export class ImportRepository {
  constructor(private readonly db: EntityManager) {}

  async create(workspaceId: string, kind: ImportKind, now: Date): Promise<ImportRecord> {
    const rows: Row[] = await this.db.query(
      `INSERT INTO imports (workspace_id, kind, status, started_at, updated_at) VALUES ($1, $2, 'running', $3, $3)
       RETURNING ${COLUMNS}`,
      [workspaceId, kind, now],
    );
    return toRecord(rows[0] as Row);
  }

  async find(workspaceId: string, id: string): Promise<ImportRecord | null> {
    const rows: Row[] = await this.db.query(`SELECT ${COLUMNS} FROM imports WHERE workspace_id = $1 AND id = $2`, [
      workspaceId,
      id,
    ]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** Adds one batch's counts and errors (errors beyond MAX_STORED_IMPORT_ERRORS are only counted). */
  async progress(
    id: string,
    batch: { rowsRead: number; imported: number; failed: number; duplicates: number; errors: ImportRowError[] },
    now: Date,
  ): Promise<void> {
    const [updated]: [{ failed: number }[], number] = await this.db.query(
      `UPDATE imports SET rows_read = rows_read + $2, imported = imported + $3, failed = failed + $4,
              duplicates = duplicates + $5, updated_at = $6
        WHERE id = $1 RETURNING failed`,
      [id, batch.rowsRead, batch.imported, batch.failed, batch.duplicates, now],
    );
    const storedBefore = (updated[0]?.failed ?? 0) - batch.failed;
    const room = Math.max(0, MAX_STORED_IMPORT_ERRORS - storedBefore);
    const errors = batch.errors.slice(0, room);
    if (errors.length === 0) return;
    // One statement per batch, whatever its size: arrays unnested into rows.
    await this.db.query(
      `INSERT INTO import_errors (import_id, row_number, column_name, code, params, message)
       SELECT $1, e.row_number, e.column_name, e.code, e.params, e.message
         FROM unnest($2::int[], $3::text[], $4::text[], $5::jsonb[], $6::text[])
           AS e(row_number, column_name, code, params, message)`,
      [
        id,
        errors.map((e) => e.row),
        errors.map((e) => e.column),
        errors.map((e) => e.code),
        errors.map((e) => JSON.stringify(e.params)),
        errors.map((e) => e.message.slice(0, 500)),
      ],
    );
  }

  async finish(
    id: string,
    outcome: { status: 'completed' | 'failed'; error?: ImportStopReason },
    now: Date,
  ): Promise<void> {
    await this.db.query(
      `UPDATE imports SET status = $2, error = $3, error_code = $4, error_params = $5, updated_at = $6, finished_at = $6
        WHERE id = $1`,
      [
        id,
        outcome.status,
        outcome.error?.message ?? null,
        outcome.error?.code ?? null,
        JSON.stringify(outcome.error?.params ?? {}),
        now,
      ],
    );
  }

  /** Errors in row order, a page at a time: those after the error id `afterId` (0 for the first page). */
  async errors(
    workspaceId: string,
    id: string,
    page: { afterId: number; limit: number },
  ): Promise<StoredImportError[]> {
    const rows: {
      id: string;
      row_number: number;
      column_name: string | null;
      code: string | null;
      params: ImportErrorParams;
      message: string;
    }[] = await this.db.query(
      `SELECT e.id, e.row_number, e.column_name, e.code, e.params, e.message FROM import_errors e
           JOIN imports i ON i.id = e.import_id
          WHERE i.workspace_id = $1 AND e.import_id = $2 AND e.id > $3
          ORDER BY e.id LIMIT $4`,
      [workspaceId, id, page.afterId, page.limit],
    );
    return rows.map((row) => ({
      id: Number(row.id),
      row: row.row_number,
      column: row.column_name,
      code: row.code,
      params: row.params,
      message: row.message,
    }));
  }
}
