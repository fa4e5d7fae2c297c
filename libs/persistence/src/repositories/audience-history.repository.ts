import type { EntityManager } from 'typeorm';
import { matchesFilters, type HistoryQuery } from '@rapport/journey';
import type { CustomerRow } from './customer.repository';

// Like a journey's history condition: the most recent 5,000 matching events per customer are looked at.
const MOST_RECENT = 5000;

/** What saved audiences read in bulk: customers page by page, and how often each did an event. */
export class AudienceHistoryRepository {
  constructor(private readonly db: EntityManager) {}

  /**
   * How many times each of these customers did the event (matching the filters) since `since` (null: ever); one
   * indexed query for the whole page. Filters run here on the properties, with the code the journey core uses.
   * Customers who never did it are absent (count 0).
   */
  async countForCustomers(
    workspaceId: string,
    customerIds: string[],
    query: HistoryQuery,
    since: Date | null,
  ): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    if (customerIds.length === 0) return counts;
    const where = `workspace_id = $1 AND customer_id = ANY($2::uuid[]) AND type = 'track' AND name = $3
                   AND ($4::timestamptz IS NULL OR occurred_at >= $4)`;
    if (query.where.length === 0) {
      const rows: { customer_id: string; count: string }[] = await this.db.query(
        `SELECT customer_id, least(count(*), ${MOST_RECENT}) AS count FROM events WHERE ${where} GROUP BY customer_id`,
        [workspaceId, customerIds, query.event, since],
      );
      for (const row of rows) counts.set(row.customer_id, Number(row.count));
      return counts;
    }
    const rows: { customer_id: string; properties: Record<string, unknown> }[] = await this.db.query(
      `SELECT customer_id, properties FROM (
         SELECT customer_id, properties,
                row_number() OVER (PARTITION BY customer_id ORDER BY occurred_at DESC) AS recent
           FROM events WHERE ${where}) ranked
        WHERE recent <= ${MOST_RECENT}`,
      [workspaceId, customerIds, query.event, since],
    );
    for (const row of rows) {
      if (matchesFilters(row.properties ?? {}, query.where))
        counts.set(row.customer_id, (counts.get(row.customer_id) ?? 0) + 1);
    }
    return counts;
  }

  /**
   * The next page of the workspace's customers after `after` (by id), locked until the transaction ends so a
   * tracking request for one of them waits rather than racing the recompute. Customers locked right now by such a
   * request are skipped: that request evaluates them itself.
   */
  async lockPage(workspaceId: string, after: string | null, limit: number): Promise<CustomerRow[]> {
    return this.db.query(
      `SELECT id, external_id, email, phone, time_zone, locale, attributes FROM customers
        WHERE workspace_id = $1 AND ($2::uuid IS NULL OR id > $2)
        ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED`,
      [workspaceId, after, limit],
    );
  }

  /** The same page without locks, for a preview that changes nothing. */
  async page(workspaceId: string, after: string | null, limit: number): Promise<CustomerRow[]> {
    return this.db.query(
      `SELECT id, external_id, email, phone, time_zone, locale, attributes FROM customers
        WHERE workspace_id = $1 AND ($2::uuid IS NULL OR id > $2)
        ORDER BY id LIMIT $3`,
      [workspaceId, after, limit],
    );
  }
}
