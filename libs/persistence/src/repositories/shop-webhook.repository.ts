import type { EntityManager } from 'typeorm';

export type ReceivedWebhookStatus = 'received' | 'processed' | 'ignored';

/**
 * What a delivery finds when it claims its webhook id: `new` (first time), `unfinished` (an earlier delivery
 * stored it but did not finish, crashed or still running: handle it again, every effect is idempotent), or
 * `done` (handled before: acknowledge and ignore).
 */
export type WebhookClaim = 'new' | 'unfinished' | 'done';

export type ReceivedWebhook = {
  webhookId: string;
  topic: string;
  status: ReceivedWebhookStatus;
  outcome: string | null;
  receivedAt: Date;
  processedAt: Date | null;
};

/** Received shop webhooks, once per (source, webhook id): the replay and retry guard. */
export class ShopWebhookRepository {
  constructor(private readonly db: EntityManager) {}

  async claim(
    input: { sourceId: string; workspaceId: string; webhookId: string; topic: string },
    now: Date,
  ): Promise<WebhookClaim> {
    const inserted: unknown[] = await this.db.query(
      `INSERT INTO shop_webhooks_received (source_id, workspace_id, webhook_id, topic, status, received_at)
       VALUES ($1, $2, $3, $4, 'received', $5) ON CONFLICT (source_id, webhook_id) DO NOTHING RETURNING webhook_id`,
      [input.sourceId, input.workspaceId, input.webhookId, input.topic, now],
    );
    if (inserted.length > 0) return 'new';
    const rows: { status: ReceivedWebhookStatus }[] = await this.db.query(
      'SELECT status FROM shop_webhooks_received WHERE source_id = $1 AND webhook_id = $2',
      [input.sourceId, input.webhookId],
    );
    // Purged between the two statements: too old to matter, treat as handled.
    return rows[0]?.status === 'received' ? 'unfinished' : 'done';
  }

  async finish(
    input: { sourceId: string; webhookId: string; status: Exclude<ReceivedWebhookStatus, 'received'>; outcome: string },
    now: Date,
  ): Promise<void> {
    await this.db.query(
      `UPDATE shop_webhooks_received SET status = $3, outcome = $4, processed_at = $5
       WHERE source_id = $1 AND webhook_id = $2`,
      [input.sourceId, input.webhookId, input.status, input.outcome.slice(0, 500), now],
    );
  }

  async recent(workspaceId: string, sourceId: string, limit: number): Promise<ReceivedWebhook[]> {
    const rows: {
      webhook_id: string;
      topic: string;
      status: ReceivedWebhookStatus;
      outcome: string | null;
      received_at: Date;
      processed_at: Date | null;
    }[] = await this.db.query(
      `SELECT webhook_id, topic, status, outcome, received_at, processed_at FROM shop_webhooks_received
       WHERE workspace_id = $1 AND source_id = $2 ORDER BY received_at DESC, webhook_id LIMIT $3`,
      [workspaceId, sourceId, limit],
    );
    return rows.map((row) => ({
      webhookId: row.webhook_id,
      topic: row.topic,
      status: row.status,
      outcome: row.outcome,
      receivedAt: row.received_at,
      processedAt: row.processed_at,
    }));
  }

  /** Deletes rows received before `cutoff` (every workspace: retention is an installation setting). */
  async purgeReceivedBefore(cutoff: Date): Promise<number> {
    const rows: { count: string }[] = await this.db.query(
      'WITH gone AS (DELETE FROM shop_webhooks_received WHERE received_at < $1 RETURNING 1) SELECT count(*) FROM gone',
      [cutoff],
    );
    return Number(rows[0]?.count ?? 0);
  }
}
