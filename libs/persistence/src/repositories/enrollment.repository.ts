import type { EntityManager } from 'typeorm';
import { isTerminalStatus, type EnrollmentState, type EventFacts, type Reason } from '@rapport/journey';
import type { CustomerRow } from './customer.repository';
import { toEventFacts, type EventRow } from './event.repository';

export type NewEnrollment = {
  workspaceId: string;
  journeyId: string;
  versionId: string;
  customerId: string;
  triggerEventId: string | null;
  triggerKey: string;
  state: EnrollmentState;
};

const CHUNK = 1000;

export type DueEnrollment = { id: string; seq: number };

export type CreatedEnrollment = DueEnrollment & { journeyId: string; customerId: string; triggerKey: string };

export type HistoryRow = HistoryEntry & { workspaceId: string; enrollmentId: string; seq: number; at: Date };

export type EnrollmentRow = {
  id: string;
  workspace_id: string;
  journey_id: string;
  version_id: string;
  customer_id: string;
  trigger_event_id: string | null;
  status: EnrollmentState['status'];
  node_id: string;
  state: EnrollmentState;
  seq: number;
  wake_at: Date | null;
  enqueued_at: Date | null;
  entered_at: Date;
  ended_at: Date | null;
};

export type HistoryEntry = { nodeId: string; code: string; params: Record<string, unknown> };

export class EnrollmentRepository {
  constructor(private readonly db: EntityManager) {}

  /**
   * Creates enrollments that do not exist yet (one per journey, customer and trigger key) as due now and
   * already handed to the queue; returns only those created.
   */
  async createMany(enrollments: NewEnrollment[], now: Date): Promise<CreatedEnrollment[]> {
    if (enrollments.length === 0) return [];
    // Postgres takes at most 65,535 parameters a statement: 1,000 rows of 8 stay well inside.
    if (enrollments.length > CHUNK) {
      const created: CreatedEnrollment[] = [];
      for (let i = 0; i < enrollments.length; i += CHUNK) {
        created.push(...(await this.createMany(enrollments.slice(i, i + CHUNK), now)));
      }
      return created;
    }
    const values: unknown[] = [];
    const tuples = enrollments.map((e, i) => {
      values.push(
        e.workspaceId,
        e.journeyId,
        e.versionId,
        e.customerId,
        e.triggerEventId,
        e.triggerKey,
        e.state.nodeId,
        JSON.stringify(e.state),
      );
      const p = i * 8;
      return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, 'active', $${p + 7}, $${p + 8}::jsonb, 0, $NOW, $NOW, $NOW, $NOW)`;
    });
    values.push(now);
    const nowParam = `$${values.length}`;
    const rows: { id: string; seq: number; journey_id: string; customer_id: string; trigger_key: string }[] =
      await this.db.query(
        `INSERT INTO enrollments (workspace_id, journey_id, version_id, customer_id, trigger_event_id, trigger_key,
         status, node_id, state, seq, wake_at, enqueued_at, entered_at, updated_at)
       VALUES ${tuples.join(', ').replaceAll('$NOW', nowParam)}
       ON CONFLICT (journey_id, customer_id, trigger_key) DO NOTHING
       RETURNING id, seq, journey_id, customer_id, trigger_key`,
        values,
      );
    return rows.map((row) => ({
      id: row.id,
      seq: row.seq,
      journeyId: row.journey_id,
      customerId: row.customer_id,
      triggerKey: row.trigger_key,
    }));
  }

  /** The enrollment with its customer and triggering event, in one round trip: what a step needs. */
  async loadForStep(id: string): Promise<{
    enrollment: EnrollmentRow;
    customer: CustomerRow;
    trigger: EventFacts | null;
    workspaceTimeZone: string;
  } | null> {
    const rows: {
      enrollment: EnrollmentRow;
      customer: CustomerRow;
      trigger: (EventRow & { id: string | null }) | null;
      time_zone: string;
    }[] = await this.db.query(
      `SELECT row_to_json(e) AS enrollment, row_to_json(c) AS customer, w.time_zone,
                CASE WHEN ev.id IS NULL THEN NULL
                     ELSE json_build_object('id', ev.id, 'name', ev.name, 'properties', ev.properties,
                                            'occurred_at', ev.occurred_at) END AS trigger
           FROM enrollments e
           JOIN customers c ON c.id = e.customer_id
           JOIN workspaces w ON w.id = e.workspace_id
           LEFT JOIN events ev ON ev.id = e.trigger_event_id
          WHERE e.id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      enrollment: row.enrollment,
      customer: row.customer,
      trigger: row.trigger ? toEventFacts({ ...row.trigger, id: row.trigger.id ?? '' }) : null,
      workspaceTimeZone: row.time_zone,
    };
  }

  async find(id: string): Promise<EnrollmentRow | null> {
    const rows: EnrollmentRow[] = await this.db.query('SELECT * FROM enrollments WHERE id = $1', [id]);
    return rows[0] ?? null;
  }

  /**
   * The compare-and-set at the heart of exactly-once: applies the step only if nobody moved the enrollment
   * since `seq` was read. Returns false when it lost the race (the caller then does nothing).
   */
  async applyStep(input: {
    id: string;
    seq: number;
    state: EnrollmentState;
    wakeAt: Date | null;
    enqueueNow: boolean;
    now: Date;
  }): Promise<boolean> {
    const ended = isTerminalStatus(input.state.status);
    const result: [unknown[], number] = await this.db.query(
      `UPDATE enrollments SET status = $3, node_id = $4, state = $5, seq = seq + 1, wake_at = $6, waiting_event = $10,
         enqueued_at = CASE WHEN $7 THEN $8::timestamptz ELSE NULL END, updated_at = $8,
         ended_at = CASE WHEN $9 THEN $8::timestamptz ELSE NULL END
       WHERE id = $1 AND seq = $2`,
      [
        input.id,
        input.seq,
        input.state.status,
        input.state.nodeId,
        JSON.stringify(input.state),
        input.wakeAt,
        input.enqueueNow,
        input.now,
        ended,
        input.state.status === 'waiting' ? (input.state.listen?.event ?? null) : null,
      ],
    );
    return result[1] === 1;
  }

  /** Hands a not-yet-due job back to the promoter (a timer that fired early changes nothing else). */
  async release(id: string, seq: number): Promise<void> {
    await this.db.query('UPDATE enrollments SET enqueued_at = NULL WHERE id = $1 AND seq = $2', [id, seq]);
  }

  async appendHistory(
    workspaceId: string,
    enrollmentId: string,
    seq: number,
    at: Date,
    entries: (HistoryEntry | Reason)[],
  ): Promise<void> {
    if (entries.length === 0) return;
    const values: unknown[] = [workspaceId, enrollmentId, seq, at];
    const tuples = entries.map((entry) => {
      values.push(entry.nodeId, entry.code, JSON.stringify(entry.params));
      const p = values.length;
      return `($1, $2, $3, $4, $${p - 2}, $${p - 1}, $${p}::jsonb)`;
    });
    await this.db.query(
      `INSERT INTO enrollment_history (workspace_id, enrollment_id, seq, at, node_id, code, params) VALUES ${tuples.join(', ')}`,
      values,
    );
  }

  /** History lines of many enrollments in one statement (a tracking batch enrolls many at once). */
  async appendEntries(rows: HistoryRow[]): Promise<void> {
    if (rows.length === 0) return;
    if (rows.length > CHUNK) {
      for (let i = 0; i < rows.length; i += CHUNK) await this.appendEntries(rows.slice(i, i + CHUNK));
      return;
    }
    const values: unknown[] = [];
    const tuples = rows.map((row) => {
      values.push(row.workspaceId, row.enrollmentId, row.seq, row.at, row.nodeId, row.code, JSON.stringify(row.params));
      const p = values.length - 7;
      return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7}::jsonb)`;
    });
    await this.db.query(
      `INSERT INTO enrollment_history (workspace_id, enrollment_id, seq, at, node_id, code, params) VALUES ${tuples.join(', ')}`,
      values,
    );
  }

  /** Claims due enrollments for the queue; SKIP LOCKED lets several promoters run without handing out a row twice. */
  async claimDue(now: Date, limit: number): Promise<DueEnrollment[]> {
    // An UPDATE answers [rows, count] through TypeORM.
    const [rows]: [DueEnrollment[], number] = await this.db.query(
      `UPDATE enrollments e SET enqueued_at = $1
         FROM (SELECT id FROM enrollments WHERE wake_at <= $1 AND enqueued_at IS NULL
               ORDER BY wake_at LIMIT $2 FOR UPDATE SKIP LOCKED) due
        WHERE e.id = due.id
       RETURNING e.id, e.seq`,
      [now, limit],
    );
    return rows;
  }

  /** Rows handed to the queue and not yet stepped; the sweeper checks each still has its job in Redis. */
  async listEnqueued(limit: number, after: string | null): Promise<DueEnrollment[]> {
    return this.db.query(
      `SELECT id, seq FROM enrollments WHERE enqueued_at IS NOT NULL AND ($2::uuid IS NULL OR id > $2)
        ORDER BY id LIMIT $1`,
      [limit, after],
    );
  }

  async countOutstanding(now: Date): Promise<number> {
    const rows: { count: string }[] = await this.db.query(
      `SELECT count(*) FROM enrollments WHERE enqueued_at IS NOT NULL OR wake_at <= $1`,
      [now],
    );
    return Number(rows[0]?.count ?? 0);
  }

  /** The customer's enrollments, newest first, each with the number of the version it pins. */
  async listForCustomer(workspaceId: string, customerId: string): Promise<(EnrollmentRow & { version: number })[]> {
    return this.db.query(
      `SELECT e.*, v.version FROM enrollments e JOIN journey_versions v ON v.id = e.version_id
        WHERE e.workspace_id = $1 AND e.customer_id = $2 ORDER BY e.entered_at DESC, e.id`,
      [workspaceId, customerId],
    );
  }

  async historyFor(
    workspaceId: string,
    enrollmentIds: string[],
  ): Promise<(HistoryEntry & { enrollmentId: string; at: Date; seq: number })[]> {
    if (enrollmentIds.length === 0) return [];
    const rows: {
      enrollment_id: string;
      at: Date;
      seq: number;
      node_id: string;
      code: string;
      params: Record<string, unknown>;
    }[] = await this.db.query(
      `SELECT enrollment_id, at, seq, node_id, code, params FROM enrollment_history
          WHERE workspace_id = $1 AND enrollment_id = ANY($2::uuid[]) ORDER BY id`,
      [workspaceId, enrollmentIds],
    );
    return rows.map((row) => ({
      enrollmentId: row.enrollment_id,
      at: row.at,
      seq: row.seq,
      nodeId: row.node_id,
      code: row.code,
      params: row.params,
    }));
  }
}
