import type { EntityManager } from 'typeorm';
import type { EventFacts } from '@rapport/journey';
import type { DeliveryStatus } from '../entities';
import type { CustomerRow } from './customer.repository';
import { EmailPartRepository, type EmailDesign } from './email-part.repository';
import { toEventFacts } from './event.repository';

export type DeliveryChannel = 'email' | 'sms' | 'webhook';

export type NewDelivery = {
  workspaceId: string;
  enrollmentId: string;
  customerId: string;
  nodeId: string;
  visit: number;
  channel: DeliveryChannel;
  templateKey: string | null;
  payload?: Record<string, unknown>;
  transactional?: boolean;
};

export type DeliveryRow = {
  id: string;
  workspace_id: string;
  enrollment_id: string;
  customer_id: string;
  node_id: string;
  visit: number;
  channel: DeliveryChannel;
  template_key: string | null;
  payload: Record<string, unknown>;
  transactional: boolean;
  status: DeliveryStatus;
  recipient: string | null;
  message_id: string | null;
  attempts: number;
  round: number;
  last_error: string | null;
  reason: string | null;
  provider_status?: string | null;
  sent_at: Date | null;
  created_at: Date;
};

/** A claimed delivery, and whether an earlier attempt was cut off mid-send (a worker died). */
export type ClaimedDelivery = DeliveryRow & { interrupted: boolean };

/** Everything a send needs, read in one round trip with the delivery. */
export type DeliveryToSend = {
  /** The coupon this passage was given last (for `{{coupon.code}}`), if any. */
  coupon: { code: string; expiresAt: string | null } | null;
  emailFrom: string;
  webhookSecret: string;
  workspaceTimeZone: string;
  deliveryRules: unknown;
  customer: CustomerRow;
  template: { subject: string; html: string; text: string | null; layout: string | null } | null;
  /** The template's layout and the workspace's partials (email only). */
  design: EmailDesign;
  trigger: EventFacts | null;
};

export type HistoryLine = { code: string; params: Record<string, unknown> };

/** How long an attempt may hold a delivery before another may take it over: BullMQ's lock duration. */
const STALE_CLAIM = "interval '30 seconds'";

/**
 * The outbox and its state machine: pending -> sending -> sent | failed | suppressed | unknown, deferrals back to
 * pending with a later `not_before`, each outcome written together with its enrollment history line.
 */
/** One attempt's outcome, for the child table `delivery_attempts`. */
export type AttemptRecord = {
  attempt: number;
  startedAt: Date;
  finishedAt: Date;
  outcome: 'sent' | 'retry' | 'failed' | 'suppressed' | 'deferred' | 'unknown' | 'interrupted';
  detail?: string | null;
};

/**
 * The attempt row written by the same statement as the status change it explains (`changed` is the CTE holding
 * the updated delivery), so a worker dying in between cannot leave a sent delivery without its `sent` attempt.
 * With no attempt to record, the five parameters are null and the insert selects nothing.
 */
const ATTEMPT_FROM = (changed: string, first: number): string =>
  `INSERT INTO delivery_attempts (delivery_id, attempt, started_at, finished_at, outcome, detail)
   SELECT ${changed}.id, $${first}::int, $${first + 1}::timestamptz, $${first + 2}::timestamptz, $${first + 3}::text,
          $${first + 4}::text
     FROM ${changed} WHERE $${first + 3}::text IS NOT NULL`;

const attemptParams = (attempt: AttemptRecord | null): unknown[] =>
  attempt
    ? [attempt.attempt, attempt.startedAt, attempt.finishedAt, attempt.outcome, attempt.detail?.slice(0, 1000) ?? null]
    : [null, null, null, null, null];

export class DeliveryRepository {
  constructor(private readonly db: EntityManager) {}

  /** Writes outbox rows in the step's transaction; a repeated step finds its rows already there. */
  async insertMany(deliveries: NewDelivery[], now: Date): Promise<string[]> {
    if (deliveries.length === 0) return [];
    const values: unknown[] = [now];
    const tuples = deliveries.map((d) => {
      values.push(
        d.workspaceId,
        d.enrollmentId,
        d.customerId,
        d.nodeId,
        d.visit,
        d.channel,
        d.templateKey,
        JSON.stringify(d.payload ?? {}),
        d.transactional ?? false,
      );
      const p = values.length - 9;
      const params = Array.from({ length: 9 }, (_, i) => `$${p + i + 1}`);
      return `(${params.join(', ')}, 'pending', $1, $1, $1)`;
    });
    const rows: { id: string }[] = await this.db.query(
      `INSERT INTO deliveries (workspace_id, enrollment_id, customer_id, node_id, visit, channel, template_key, payload,
         transactional, status, enqueued_at, created_at, updated_at)
       VALUES ${tuples.join(', ')}
       ON CONFLICT (enrollment_id, node_id, visit) DO NOTHING
       RETURNING id`,
      values,
    );
    return rows.map((row) => row.id);
  }

  /**
   * pending -> sending for this round, once: only the attempt that wins may talk to the provider. A row left in
   * `sending` longer than a job lock lasts belongs to an attempt that died; it may be taken over (`interrupted`).
   */
  async claim(id: string, round: number, now: Date): Promise<ClaimedDelivery | null> {
    const [rows]: [(DeliveryRow & { previous: DeliveryStatus })[], number] = await this.db.query(
      `WITH previous AS (SELECT id, status FROM deliveries WHERE id = $1 FOR UPDATE)
       UPDATE deliveries d SET status = 'sending', attempts = d.attempts + 1, updated_at = $2, sending_since = now()
         FROM previous
        WHERE d.id = previous.id AND d.round = $3
          AND (d.status = 'pending' OR (d.status = 'sending' AND d.sending_since < now() - ${STALE_CLAIM}))
       RETURNING d.*, previous.status AS previous`,
      [id, now, round],
    );
    const row = rows[0];
    if (!row) return null;
    const { previous, ...delivery } = row;
    return { ...delivery, interrupted: previous === 'sending' };
  }

  async loadForSend(delivery: DeliveryRow): Promise<DeliveryToSend | null> {
    const rows: (CustomerRow & {
      email_from: string;
      webhook_secret: string;
      workspace_time_zone: string;
      delivery_rules: unknown;
      t_subject: string | null;
      t_html: string | null;
      t_text: string | null;
      t_layout: string | null;
      ev_id: string | null;
      ev_name: string | null;
      ev_properties: Record<string, unknown> | null;
      ev_occurred_at: Date | null;
      coupon_code: string | null;
      coupon_expires_at: Date | null;
    })[] = await this.db.query(
      `SELECT c.*, w.email_from, w.webhook_secret, w.delivery_rules, w.time_zone AS workspace_time_zone, t.subject AS t_subject, t.html AS t_html, t.text AS t_text, t.layout AS t_layout,
              ev.id AS ev_id, ev.name AS ev_name, ev.properties AS ev_properties, ev.occurred_at AS ev_occurred_at,
              coupon.code AS coupon_code, coupon.expires_at AS coupon_expires_at
         FROM customers c
         JOIN workspaces w ON w.id = c.workspace_id
         LEFT JOIN templates t ON t.workspace_id = c.workspace_id AND t.key = $3
         LEFT JOIN enrollments en ON en.id = $4
         LEFT JOIN events ev ON ev.id = en.trigger_event_id
         LEFT JOIN LATERAL (SELECT code, expires_at FROM coupon_codes WHERE enrollment_id = en.id
                             ORDER BY issued_at DESC LIMIT 1) coupon ON true
        WHERE c.workspace_id = $1 AND c.id = $2`,
      [delivery.workspace_id, delivery.customer_id, delivery.template_key, delivery.enrollment_id],
    );
    const row = rows[0];
    if (!row) return null;
    const design =
      delivery.channel === 'email' && row.t_html !== null
        ? await new EmailPartRepository(this.db).design(delivery.workspace_id, row.t_layout)
        : { layout: null, partials: {} };
    return {
      design,
      coupon: row.coupon_code
        ? {
            code: row.coupon_code,
            expiresAt: row.coupon_expires_at ? new Date(row.coupon_expires_at).toISOString() : null,
          }
        : null,
      emailFrom: row.email_from,
      webhookSecret: row.webhook_secret,
      workspaceTimeZone: row.workspace_time_zone,
      deliveryRules: row.delivery_rules,
      customer: row,
      template:
        row.t_subject !== null && row.t_html !== null
          ? { subject: row.t_subject, html: row.t_html, text: row.t_text, layout: row.t_layout }
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

  /** The attempt's outcome in the delivery's child table (an interrupted attempt, found by the one taking over). */
  async recordAttempt(input: AttemptRecord & { deliveryId: string }): Promise<void> {
    await this.db.query(
      `INSERT INTO delivery_attempts (delivery_id, attempt, started_at, finished_at, outcome, detail)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        input.deliveryId,
        input.attempt,
        input.startedAt,
        input.finishedAt,
        input.outcome,
        input.detail?.slice(0, 1000) ?? null,
      ],
    );
  }

  /** sending -> a final status, with the outcome appended to the enrollment's history in the same statement. */
  async finish(
    id: string,
    outcome: {
      status: 'sent' | 'failed' | 'suppressed' | 'unknown';
      recipient?: string | null;
      messageId?: string | null;
      error?: string | null;
      reason?: string | null;
      history: HistoryLine;
    },
    now: Date,
    attempt: AttemptRecord | null = null,
  ): Promise<void> {
    await this.db.query(
      `WITH done AS (
         UPDATE deliveries SET status = $2, recipient = COALESCE($3, recipient), message_id = COALESCE($4, message_id),
           last_error = $5, reason = $6, updated_at = $7, enqueued_at = NULL, sending_since = NULL,
           sent_at = CASE WHEN $2 = 'sent' THEN $7::timestamptz ELSE sent_at END
          WHERE id = $1 AND status IN ('pending', 'sending')
         RETURNING id, workspace_id, enrollment_id, node_id),
       history AS (
         INSERT INTO enrollment_history (workspace_id, enrollment_id, seq, at, node_id, code, params)
         SELECT done.workspace_id, done.enrollment_id, e.seq, $7, done.node_id, $8, $9
           FROM done JOIN enrollments e ON e.id = done.enrollment_id)
       ${ATTEMPT_FROM('done', 10)}`,
      [
        id,
        outcome.status,
        outcome.recipient ?? null,
        outcome.messageId ?? null,
        outcome.error?.slice(0, 1000) ?? null,
        outcome.reason ?? null,
        now,
        outcome.history.code,
        JSON.stringify(outcome.history.params),
        ...attemptParams(attempt),
      ],
    );
  }

  /** A failure a retry may cure: back to pending (same round) so the next attempt can claim it. */
  async release(id: string, error: string, now: Date, attempt: AttemptRecord | null = null): Promise<void> {
    await this.db.query(
      `WITH back AS (
         UPDATE deliveries SET status = 'pending', last_error = $2, updated_at = $3, sending_since = NULL
          WHERE id = $1 AND status = 'sending'
         RETURNING id)
       ${ATTEMPT_FROM('back', 4)}`,
      [id, error.slice(0, 1000), now, ...attemptParams(attempt)],
    );
  }

  /** Not now (quiet hours, a cap): back to pending until `notBefore`, in a new round, with the reason recorded. */
  async defer(
    id: string,
    notBefore: Date,
    history: HistoryLine,
    now: Date,
    attempt: AttemptRecord | null = null,
  ): Promise<void> {
    await this.db.query(
      `WITH later AS (
         UPDATE deliveries SET status = 'pending', not_before = $2, enqueued_at = NULL, round = round + 1,
           sending_since = NULL, reason = $6, updated_at = $3
          WHERE id = $1 AND status = 'sending'
         RETURNING id, workspace_id, enrollment_id, node_id),
       history AS (
         INSERT INTO enrollment_history (workspace_id, enrollment_id, seq, at, node_id, code, params)
         SELECT later.workspace_id, later.enrollment_id, e.seq, $3, later.node_id, $4, $5
           FROM later JOIN enrollments e ON e.id = later.enrollment_id)
       ${ATTEMPT_FROM('later', 7)}`,
      [
        id,
        notBefore,
        now,
        history.code,
        JSON.stringify(history.params),
        String(history.params['why'] ?? history.code),
        ...attemptParams(attempt),
      ],
    );
  }

  /**
   * Sends of this customer on this channel since `since`, for frequency caps (across journeys): those sent, plus
   * those being sent that were claimed before this one, so three sends claimed at once cannot all slip under a
   * cap of two.
   */
  async countSentSince(customerId: string, channel: DeliveryChannel, since: Date, deliveryId: string): Promise<number> {
    const rows: { count: string }[] = await this.db.query(
      `SELECT count(*) FROM deliveries d, (SELECT sending_since FROM deliveries WHERE id = $4) me
        WHERE d.customer_id = $1 AND d.channel = $2 AND NOT d.transactional AND d.id <> $4
          AND ((d.status = 'sent' AND d.sent_at > $3)
               OR (d.status = 'sending' AND (d.sending_since, d.id) < (me.sending_since, $4::uuid)))`,
      [customerId, channel, since, deliveryId],
    );
    return Number(rows[0]?.count ?? 0);
  }

  /** Deferred deliveries whose time came: handed to the queue (SKIP LOCKED, like the promoter's waits). */
  async claimDue(now: Date, limit: number): Promise<{ id: string; round: number }[]> {
    const [rows]: [{ id: string; round: number }[], number] = await this.db.query(
      `UPDATE deliveries d SET enqueued_at = $1
         FROM (SELECT id FROM deliveries WHERE status = 'pending' AND enqueued_at IS NULL AND not_before <= $1
               ORDER BY not_before LIMIT $2 FOR UPDATE SKIP LOCKED) due
        WHERE d.id = due.id
       RETURNING d.id, d.round`,
      [now, limit],
    );
    return rows;
  }

  /** A provider's status callback (`delivered`) for the message it knows by this id; false when none matches. */
  async recordProviderStatus(channel: DeliveryChannel, messageId: string, status: string, at: Date): Promise<boolean> {
    const [, count]: [unknown, number] = await this.db.query(
      `UPDATE deliveries SET provider_status = $3, provider_status_at = $4 WHERE channel = $1 AND message_id = $2`,
      [channel, messageId, status.slice(0, 50), at],
    );
    return count > 0;
  }

  async find(id: string): Promise<DeliveryRow | null> {
    const rows: DeliveryRow[] = await this.db.query('SELECT * FROM deliveries WHERE id = $1', [id]);
    return rows[0] ?? null;
  }

  /** Outbox rows handed to the queue and not done; the sweeper checks each still has its job. */
  async listPending(limit: number, after: string | null): Promise<{ id: string; round: number }[]> {
    return this.db.query(
      `SELECT id, round FROM deliveries
        WHERE status IN ('pending', 'sending') AND enqueued_at IS NOT NULL AND ($2::uuid IS NULL OR id > $2)
        ORDER BY id LIMIT $1`,
      [limit, after],
    );
  }

  /** Deliveries still to do now (deferred ones count once their time came). */
  async countOpen(now: Date): Promise<number> {
    const rows: { count: string }[] = await this.db.query(
      `SELECT count(*) FROM deliveries
        WHERE status = 'sending' OR (status = 'pending' AND (not_before IS NULL OR not_before <= $1))`,
      [now],
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
