import type { DataSource } from 'typeorm';

/** When each stage finished, in seconds after the first ingest, read back from the rows the engine wrote. */
export type StageTimings = {
  lastStepped: number;
  lastSent: number;
  /** Per mail, from the event's arrival to its delivery row (queueing + step), and from that row to sent. */
  stepLatency: { p50: number; p95: number };
  sendLatency: { p50: number; p95: number };
  deliveriesSent: number;
};

/** Rows written with the engine's SystemClock, i.e. the wall clock the bench also reads. */
export const readStageTimings = async (db: DataSource, workspaceId: string, startedAt: Date): Promise<StageTimings> => {
  const [row] = await db.query(
    `SELECT EXTRACT(EPOCH FROM MAX(d.created_at) - $2::timestamptz)::float8 AS last_stepped,
            EXTRACT(EPOCH FROM MAX(d.sent_at) - $2::timestamptz)::float8 AS last_sent,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM d.created_at - ev.received_at))::float8 AS step_p50,
            percentile_cont(0.95) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM d.created_at - ev.received_at))::float8 AS step_p95,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM d.sent_at - d.created_at))::float8 AS send_p50,
            percentile_cont(0.95) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM d.sent_at - d.created_at))::float8 AS send_p95,
            COUNT(*) FILTER (WHERE d.status = 'sent')::int AS sent
       FROM deliveries d
       JOIN enrollments e ON e.id = d.enrollment_id
       JOIN events ev ON ev.id = e.trigger_event_id
      WHERE d.workspace_id = $1`,
    [workspaceId, startedAt],
  );
  return {
    lastStepped: row.last_stepped,
    lastSent: row.last_sent,
    stepLatency: { p50: row.step_p50, p95: row.step_p95 },
    sendLatency: { p50: row.send_p50, p95: row.send_p95 },
    deliveriesSent: row.sent,
  };
};

/** Committed transactions so far in this database (every autocommit statement is one); flushed lazily by Postgres. */
export const committedTransactions = async (db: DataSource): Promise<number> => {
  await db.query('SELECT pg_stat_force_next_flush()');
  const [row] = await db.query(
    'SELECT (xact_commit + xact_rollback)::bigint AS n FROM pg_stat_database WHERE datname = current_database()',
  );
  return Number(row.n);
};
