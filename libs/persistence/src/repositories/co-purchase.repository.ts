import type { EntityManager } from 'typeorm';

export type RecommendedProduct = {
  productId: string;
  name: string | null;
  category: string | null;
  price: number | null;
  score: number;
};

/**
 * The workspace's co-purchase counts ("bought A, also bought B") and what they recommend. Orders append +1/-1 rows
 * to `product_pair_deltas` (InsightRepository); the workers fold them here, and readers add what is not folded yet.
 */
export class CoPurchaseRepository {
  constructor(private readonly db: EntityManager) {}

  /**
   * Folds the workspace's appended +1/-1 rows into the counts (pairs down to zero go). Orders keep appending
   * meanwhile: the rows folded are the ones this statement deleted, so none is folded twice or lost, and the
   * counts are updated in a fixed order, so two folds cannot deadlock. Returns how many rows were folded.
   */
  async foldPairs(workspaceId: string): Promise<number> {
    const [folded]: { rows: number }[] = await this.db.query(
      `WITH moved AS (
         DELETE FROM product_pair_deltas WHERE workspace_id = $1 RETURNING product_id, other_id, customers),
       summed AS (
         INSERT INTO product_pairs AS p (workspace_id, product_id, other_id, customers)
         SELECT $1, product_id, other_id, sum(customers) FROM moved GROUP BY product_id, other_id
          ORDER BY product_id, other_id
         ON CONFLICT (workspace_id, product_id, other_id) DO UPDATE SET customers = p.customers + EXCLUDED.customers)
       SELECT count(*)::int AS rows FROM moved`,
      [workspaceId],
    );
    await this.db.query(`DELETE FROM product_pairs WHERE workspace_id = $1 AND customers <= 0`, [workspaceId]);
    // The latest details per product win, whatever order the orders came in (by order time, then event id).
    const [details]: { rows: number }[] = await this.db.query(
      `WITH moved AS (
         DELETE FROM product_catalog_deltas WHERE workspace_id = $1
         RETURNING product_id, name, category, price, seen_at, seen_event_id),
       latest AS (
         INSERT INTO product_catalog AS pc (workspace_id, product_id, name, category, price, seen_at, seen_event_id)
         SELECT DISTINCT ON (product_id) $1, product_id, name, category, price, seen_at, seen_event_id FROM moved
          ORDER BY product_id, seen_at DESC, seen_event_id DESC
         ON CONFLICT (workspace_id, product_id) DO UPDATE SET
           name = EXCLUDED.name, category = EXCLUDED.category, price = EXCLUDED.price,
           seen_at = EXCLUDED.seen_at, seen_event_id = EXCLUDED.seen_event_id
         WHERE (EXCLUDED.seen_at, EXCLUDED.seen_event_id) > (pc.seen_at, pc.seen_event_id))
       SELECT count(*)::int AS rows FROM moved`,
      [workspaceId],
    );
    return (folded?.rows ?? 0) + (details?.rows ?? 0);
  }

  /** Workspaces with co-purchase rows waiting to be folded. */
  async workspacesWithPairDeltas(limit: number): Promise<string[]> {
    const rows: { workspace_id: string }[] = await this.db.query(
      `SELECT workspace_id FROM product_pair_deltas UNION SELECT workspace_id FROM product_catalog_deltas LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.workspace_id);
  }

  /**
   * Counts every co-purchase of the workspace again from the customers' products, in one statement. The table
   * lock waits for orders being applied to commit (their products are then seen here) and holds new ones until
   * this commits (their +1 then lands on the new counts), so no order is counted twice or lost.
   */
  async recountPairs(workspaceId: string): Promise<void> {
    await this.db.query(`LOCK TABLE product_pairs, product_pair_deltas IN SHARE ROW EXCLUSIVE MODE`);
    await this.db.query(`DELETE FROM product_pair_deltas WHERE workspace_id = $1`, [workspaceId]);
    await this.db.query(`DELETE FROM product_pairs WHERE workspace_id = $1`, [workspaceId]);
    await this.db.query(
      `INSERT INTO product_pairs (workspace_id, product_id, other_id, customers)
       SELECT $1, a.product_id, b.product_id, count(*)
         FROM customer_products a
         JOIN customer_products b ON b.customer_id = a.customer_id AND b.product_id <> a.product_id
        WHERE a.workspace_id = $1
        GROUP BY a.product_id, b.product_id`,
      [workspaceId],
    );
  }

  /**
   * Products most often bought by customers who bought what this customer bought, minus what they have: the sum,
   * over their products, of how many customers bought both. Ties go by product id.
   */
  async recommendations(workspaceId: string, customerId: string, limit: number): Promise<RecommendedProduct[]> {
    const rows: {
      product_id: string;
      score: string;
      name: string | null;
      category: string | null;
      price: string | null;
    }[] = await this.db.query(
      `WITH scored AS (
         SELECT p.other_id AS product_id, sum(p.customers) AS score
           FROM customer_products mine
           JOIN (SELECT product_id, other_id, customers FROM product_pairs WHERE workspace_id = $2
                 UNION ALL
                 SELECT product_id, other_id, customers FROM product_pair_deltas WHERE workspace_id = $2) p
             ON p.product_id = mine.product_id
          WHERE mine.customer_id = $1 AND mine.workspace_id = $2
            AND NOT EXISTS (SELECT 1 FROM customer_products own WHERE own.customer_id = $1 AND own.product_id = p.other_id)
          GROUP BY p.other_id
         HAVING sum(p.customers) > 0
          ORDER BY sum(p.customers) DESC, p.other_id COLLATE "C"
          LIMIT $3)
       -- Details from the latest order naming the product, folded into the catalog or not yet.
       SELECT s.product_id, s.score, c.name, c.category, c.price
         FROM scored s
         LEFT JOIN LATERAL (
           SELECT name, category, price FROM (
             SELECT name, category, price, seen_at, seen_event_id FROM product_catalog
              WHERE workspace_id = $2 AND product_id = s.product_id
             UNION ALL
             SELECT name, category, price, seen_at, seen_event_id FROM product_catalog_deltas
              WHERE workspace_id = $2 AND product_id = s.product_id) details
            ORDER BY seen_at DESC, seen_event_id DESC LIMIT 1) c ON true
        ORDER BY s.score DESC, s.product_id COLLATE "C"`,
      [customerId, workspaceId, limit],
    );
    return rows.map((row) => ({
      productId: row.product_id,
      name: row.name,
      category: row.category,
      price: row.price === null ? null : Number(row.price),
      score: Number(row.score),
    }));
  }
}
