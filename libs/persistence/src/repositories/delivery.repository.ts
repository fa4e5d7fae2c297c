import type { EntityManager } from 'typeorm';
import type { EventFacts } from '@rapport/journey';
import type { DeliveryStatus } from '../entities';
import type { CustomerRow } from './customer.repository';
import { toEventFacts } from './event.repository';

export type NewDelivery = {
  workspaceId: string;
  enrollmentId: string;
  customerId: string;
  nodeId: string;
  visit: number;
  channel: 'email';
  templateKey: string;
};

export type DeliveryRow = {
  id: string;
  workspace_id: string;
  enrollment_id: string;
  customer_id: string;
  node_id: string;
  visit: number;
  channel: 'email';
  template_key: string;
  status: DeliveryStatus;
  recipient: string | null;
  message_id: string | null;
  attempts: number;
  last_error: string | null;
  sent_at: Date | null;
  created_at: Date;
};

/** Everything a send needs, read in one round trip with the delivery. */
export type DeliveryToSend = {
  emailFrom: string;
  customer: CustomerRow;
  template: { subject: string; html: string; text: string | null } | null;
  trigger: EventFacts | null;
};

export class DeliveryRepository {
  constructor(private readonly db: EntityManager) {}

  /** Writes outbox rows in the step's transaction; a repeated step finds its rows already there. */
  async insertMany(deliveries: NewDelivery[], now: Date): Promise<string[]> {
    if (deliveries.length === 0) return [];
    const values: unknown[] = [now];
    const tuples = deliveries.map((d) => {
      values.push(d.workspaceId, d.enrollmentId, d.customerId, d.nodeId, d.visit, d.channel, d.templateKey);
      const p = values.length - 7;
      return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7}, 'pending', $1, $1, $1)`;
    });
    const rows: { id: string }[] = await this.db.query(
      `INSERT INTO deliveries (workspace_id, enrollment_id, customer_id, node_id, visit, channel, template_key, status,
         enqueued_at, created_at, updated_at)
       VALUES ${tuples.join(', ')}
       ON CONFLICT (enrollment_id, node_id, visit) DO NOTHING
       RETURNING id`,
      values,
    );
    return rows.map((row) => row.id);
  }

  /** pending -> sending, once: only the caller that wins this update may talk to the mail server. */
  async claim(id: string, now: Date): Promise<DeliveryRow | null> {
    const [rows]: [DeliveryRow[], number] = await this.db.query(
      `UPDATE deliveries SET status = 'sending', attempts = attempts + 1, updated_at = $2
        WHERE id = $1 AND status = 'pending' RETURNING *`,
      [id, now],
    );
    return rows[0] ?? null;
  }

  async loadForSend(delivery: DeliveryRow): Promise<DeliveryToSend | null> {
    const rows: (CustomerRow & {
      email_from: string;
      t_subject: string | null;
      t_html: string | null;
      t_text: string | null;
      ev_id: string | null;
      ev_name: string | null;
      ev_properties: Record<string, unknown> | null;
      ev_occurred_at: Date | null;
    })[] = await this.db.query(
      `SELECT c.*, w.email_from, t.subject AS t_subject, t.html AS t_html, t.text AS t_text,
              ev.id AS ev_id, ev.name AS ev_name, ev.properties AS ev_properties, ev.occurred_at AS ev_occurred_at
         FROM customers c
         JOIN workspaces w ON w.id = c.workspace_id
         LEFT JOIN templates t ON t.workspace_id = c.workspace_id AND t.key = $3
         LEFT JOIN enrollments en ON en.id = $4
         LEFT JOIN events ev ON ev.id = en.trigger_event_id
        WHERE c.workspace_id = $1 AND c.id = $2`,
      [delivery.workspace_id, delivery.customer_id, delivery.template_key, delivery.enrollment_id],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      emailFrom: row.email_from,
      customer: row,
      template:
        row.t_subject !== null && row.t_html !== null
          ? { subject: row.t_subject, html: row.t_html, text: row.t_text }
          : null,
      trigger:
        row.ev_id && row.ev_occurred_at
          ? toEventFacts({
              id: row.ev_id,
              name: row.ev_name,
              properties: row.ev_properties ?? {},
              occurred_at: row.ev_occurred_at,
            })
          : null,
    };
  }

  /** sending -> sent, with the outcome appended to the enrollment's history in the same statement. */
  async markSent(
    id: string,
    result: { recipient: string; messageId: string; history: { code: string; params: Record<string, unknown> } },
    now: Date,
  ): Promise<void> {
    await this.db.query(
      `WITH sent AS (
         UPDATE deliveries SET status = 'sent', recipient = $2, message_id = $3, sent_at = $4, updated_at = $4,
           last_error = NULL, enqueued_at = NULL WHERE id = $1 AND status = 'sending'
         RETURNING workspace_id, enrollment_id, node_id)
       INSERT INTO enrollment_history (workspace_id, enrollment_id, seq, at, node_id, code, params)
       SELECT sent.workspace_id, sent.enrollment_id, e.seq, $4, sent.node_id, $5, $6
         FROM sent JOIN enrollments e ON e.id = sent.enrollment_id`,
      [id, result.recipient, result.messageId, now, result.history.code, JSON.stringify(result.history.params)],
    );
  }

  /** A failure that a retry may cure: back to pending so the next attempt can claim it. */
  async release(id: string, error: string, now: Date): Promise<void> {
    await this.db.query(
      `UPDATE deliveries SET status = 'pending', last_error = $2, updated_at = $3 WHERE id = $1 AND status = 'sending'`,
      [id, error.slice(0, 1000), now],
    );
  }

  /** -> failed, with the reason appended to the enrollment's history in the same statement. */
  async markFailed(
    id: string,
    error: string,
    history: { code: string; params: Record<string, unknown> },
    now: Date,
  ): Promise<void> {
    await this.db.query(
      `WITH failed AS (
         UPDATE deliveries SET status = 'failed', last_error = $2, updated_at = $3, enqueued_at = NULL
          WHERE id = $1 AND status IN ('pending', 'sending')
         RETURNING workspace_id, enrollment_id, node_id)
       INSERT INTO enrollment_history (workspace_id, enrollment_id, seq, at, node_id, code, params)
       SELECT failed.workspace_id, failed.enrollment_id, e.seq, $3, failed.node_id, $4, $5
         FROM failed JOIN enrollments e ON e.id = failed.enrollment_id`,
      [id, error.slice(0, 1000), now, history.code, JSON.stringify(history.params)],
    );
  }

  async find(id: string): Promise<DeliveryRow | null> {
    const rows: DeliveryRow[] = await this.db.query('SELECT * FROM deliveries WHERE id = $1', [id]);
    return rows[0] ?? null;
  }

  /** Outbox rows that should have a job in the queue; the sweeper re-enqueues those Redis lost. */
  async listPending(limit: number, after: string | null): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM deliveries WHERE status = 'pending' AND ($2::uuid IS NULL OR id > $2) ORDER BY id LIMIT $1`,
      [limit, after],
    );
    return rows.map((row) => row.id);
  }

  async countOpen(): Promise<number> {
    const rows: { count: string }[] = await this.db.query(
      `SELECT count(*) FROM deliveries WHERE status IN ('pending', 'sending')`,
    );
    return Number(rows[0]?.count ?? 0);
  }

  async listForEnrollments(workspaceId: string, enrollmentIds: string[]): Promise<DeliveryRow[]> {
    if (enrollmentIds.length === 0) return [];
    return this.db.query(
      `SELECT * FROM deliveries WHERE workspace_id = $1 AND enrollment_id = ANY($2::uuid[]) ORDER BY created_at, id`,
      [workspaceId, enrollmentIds],
    );
  }
}
