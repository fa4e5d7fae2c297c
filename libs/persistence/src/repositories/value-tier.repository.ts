import type { EntityManager } from 'typeorm';

export type StoredValueTiers = {
  rules: unknown;
  boundaries: unknown;
  scoredAt: Date | null;
  nextScoringAt: Date | null;
};

/** Cut points as read from the database: recency as last-order times (newest first), frequency, cents. */
export type RawQuintiles = { customers: number; lastOrderAt: Date[]; frequency: number[]; spentCents: number[] };

const DEFAULT_HOURS = 24;

/** The workspace's value-tier rules, its last quintile boundaries and its scoring schedule. */
export class ValueTierRepository {
  constructor(private readonly db: EntityManager) {}

  async read(workspaceId: string): Promise<StoredValueTiers> {
    const rows: { rules: unknown; boundaries: unknown; scored_at: Date | null; next_scoring_at: Date | null }[] =
      await this.db.query(
        `SELECT rules, boundaries, scored_at, next_scoring_at FROM value_tier_settings WHERE workspace_id = $1`,
        [workspaceId],
      );
    const row = rows[0];
    return {
      rules: row?.rules ?? null,
      boundaries: row?.boundaries ?? null,
      scoredAt: row?.scored_at ?? null,
      nextScoringAt: row?.next_scoring_at ?? null,
    };
  }

  async saveRules(workspaceId: string, rules: unknown): Promise<void> {
    await this.db.query(
      `INSERT INTO value_tier_settings (workspace_id, rules) VALUES ($1, $2)
       ON CONFLICT (workspace_id) DO UPDATE SET rules = EXCLUDED.rules`,
      [workspaceId, JSON.stringify(rules)],
    );
  }

  async saveBoundaries(workspaceId: string, boundaries: unknown, scoredAt: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO value_tier_settings (workspace_id, boundaries, scored_at) VALUES ($1, $2, $3)
       ON CONFLICT (workspace_id) DO UPDATE SET boundaries = EXCLUDED.boundaries, scored_at = EXCLUDED.scored_at`,
      [workspaceId, JSON.stringify(boundaries), scoredAt],
    );
  }

  /**
   * Claims one workspace whose scoring is due (never scored, or its time has come) by moving its next time on by
   * its interval; a compare-and-set, so of several workers only one scores it. Null when none is due.
   */
  async claimDue(now: Date): Promise<string | null> {
    const rows: { workspace_id: string }[] = await this.db.query(
      `WITH candidate AS (
         SELECT w.id, COALESCE((s.rules->>'rescoreEveryHours')::int, $2) AS hours
           FROM workspaces w LEFT JOIN value_tier_settings s ON s.workspace_id = w.id
          WHERE s.next_scoring_at IS NULL OR s.next_scoring_at <= $1
          ORDER BY s.next_scoring_at NULLS FIRST, w.id
          LIMIT 1
       )
       INSERT INTO value_tier_settings AS s (workspace_id, next_scoring_at)
       SELECT id, $1::timestamptz + make_interval(hours => hours) FROM candidate
       ON CONFLICT (workspace_id) DO UPDATE SET next_scoring_at = EXCLUDED.next_scoring_at
        WHERE s.next_scoring_at IS NULL OR s.next_scoring_at <= $1
       RETURNING workspace_id`,
      [now, DEFAULT_HOURS],
    );
    return rows[0]?.workspace_id ?? null;
  }

  /** The 20/40/60/80th percentiles of the workspace's customers with orders. */
  async quintiles(workspaceId: string): Promise<RawQuintiles> {
    const rows: {
      customers: number;
      recency: Date[] | null;
      frequency: number[] | null;
      monetary: string[] | null;
    }[] = await this.db.query(
      `SELECT count(*)::int AS customers,
              percentile_disc(ARRAY[0.2, 0.4, 0.6, 0.8]) WITHIN GROUP (ORDER BY last_order_at DESC) AS recency,
              percentile_disc(ARRAY[0.2, 0.4, 0.6, 0.8]) WITHIN GROUP (ORDER BY orders_count) AS frequency,
              percentile_disc(ARRAY[0.2, 0.4, 0.6, 0.8]) WITHIN GROUP (ORDER BY spent_cents) AS monetary
         FROM customer_order_summaries WHERE workspace_id = $1`,
      [workspaceId],
    );
    const row = rows[0];
    return {
      customers: row?.customers ?? 0,
      lastOrderAt: (row?.recency ?? []).map((value) => new Date(value)),
      frequency: (row?.frequency ?? []).map(Number),
      spentCents: (row?.monetary ?? []).map(Number),
    };
  }

  /** A page of the workspace's customers with orders, by id. */
  async customersWithOrders(workspaceId: string, after: string | null, limit: number): Promise<string[]> {
    const rows: { customer_id: string }[] = await this.db.query(
      `SELECT customer_id FROM customer_order_summaries
        WHERE workspace_id = $1 AND ($2::uuid IS NULL OR customer_id > $2)
        ORDER BY customer_id LIMIT $3`,
      [workspaceId, after, limit],
    );
    return rows.map((row) => row.customer_id);
  }
}
