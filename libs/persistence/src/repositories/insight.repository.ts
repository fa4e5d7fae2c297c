import type { EntityManager } from 'typeorm';
import type { CustomerRow } from './customer.repository';

/** A customer's orders in short, as stored (money in cents). */
export type OrderSummaryRow = { ordersCount: number; spentCents: number; firstOrderAt: Date; lastOrderAt: Date };

export type ProductHistoryRow = {
  productId: string;
  ordersCount: number;
  quantity: number;
  firstOrderedAt: Date;
  lastOrderedAt: Date;
  lastEventId: string;
  refillDays: number | null;
};

export type ProductDetailsRow = {
  productId: string;
  name: string | null;
  category: string | null;
  price: number | null;
  seenAt: Date;
  seenEventId: string;
};

/** One order as the incremental statements take it. */
export type OrderInput = {
  eventId: string;
  occurredAt: Date;
  cents: number;
  lines: {
    productId: string;
    name: string | null;
    category: string | null;
    price: number | null;
    quantity: number;
    refillDays: number | null;
  }[];
};

type SummarySql = { orders_count: number; spent_cents: string; first_order_at: Date; last_order_at: Date };
const toSummary = (row: SummarySql): OrderSummaryRow => ({
  ordersCount: Number(row.orders_count),
  spentCents: Number(row.spent_cents),
  firstOrderAt: new Date(row.first_order_at),
  lastOrderAt: new Date(row.last_order_at),
});

type ProductSql = {
  product_id: string;
  orders_count: number;
  quantity: number;
  first_ordered_at: Date | string;
  last_ordered_at: Date | string;
  last_event_id: string;
  refill_days: number | null;
};
const toProduct = (row: ProductSql): ProductHistoryRow => ({
  productId: row.product_id,
  ordersCount: row.orders_count,
  quantity: row.quantity,
  firstOrderedAt: new Date(row.first_ordered_at),
  lastOrderedAt: new Date(row.last_ordered_at),
  lastEventId: row.last_event_id,
  refillDays: row.refill_days,
});

// The row comparison both here and in the pure code (isLater): a later order, ties broken by event id.
const LATER = '(EXCLUDED.last_ordered_at, EXCLUDED.last_event_id) > (cp.last_ordered_at, cp.last_event_id)';

/**
 * The order summaries behind computed attributes and recommendations. Applying one order is a handful of indexed
 * statements whose results do not depend on the order events arrive in (sums, least/greatest, "latest" by time
 * then event id); co-purchase counts change only when a customer buys a product for the first time.
 */
export class InsightRepository {
  constructor(private readonly db: EntityManager) {}

  /**
   * Adds one order to the customer's summaries and the workspace's co-purchase counts and catalog, in one
   * statement (one round trip per order on the tracking path), and answers the summary and every product the
   * customer has now. The product upsert takes its rows in product order, so two orders never deadlock on them.
   */
  async applyOrder(
    workspaceId: string,
    customerId: string,
    order: OrderInput,
  ): Promise<{ summary: OrderSummaryRow; products: ProductHistoryRow[] }> {
    const lines = JSON.stringify(
      order.lines.map((line) => ({
        product_id: line.productId,
        quantity: line.quantity,
        refill_days: line.refillDays,
        name: line.name,
        category: line.category,
        price: line.price,
      })),
    );
    const rows: { summary: SummarySql; products: ProductSql[] | null }[] = await this.db.query(
      `WITH lines AS (
         SELECT * FROM jsonb_to_recordset($5::jsonb)
           AS l(product_id text, quantity int, refill_days int, name text, category text, price numeric)
       ), upserted AS (
         INSERT INTO customer_products AS cp (customer_id, product_id, workspace_id, orders_count, quantity,
                first_ordered_at, last_ordered_at, last_event_id, refill_days)
         SELECT $1, l.product_id, $2, 1, l.quantity, $3, $3, $4, l.refill_days FROM lines l ORDER BY l.product_id
         ON CONFLICT (customer_id, product_id) DO UPDATE SET
           orders_count = cp.orders_count + 1,
           quantity = cp.quantity + EXCLUDED.quantity,
           first_ordered_at = LEAST(cp.first_ordered_at, EXCLUDED.first_ordered_at),
           last_ordered_at = GREATEST(cp.last_ordered_at, EXCLUDED.last_ordered_at),
           last_event_id = CASE WHEN ${LATER} THEN EXCLUDED.last_event_id ELSE cp.last_event_id END,
           refill_days = CASE WHEN ${LATER} THEN EXCLUDED.refill_days ELSE cp.refill_days END
         RETURNING cp.product_id, cp.orders_count, cp.quantity, cp.first_ordered_at, cp.last_ordered_at,
                   cp.last_event_id, cp.refill_days, (xmax = 0) AS inserted
       ), owned AS (
         -- The statement sees the products from before it; with the upserted ones, all the customer has now.
         SELECT product_id, orders_count, quantity, first_ordered_at, last_ordered_at, last_event_id, refill_days
           FROM customer_products
          WHERE customer_id = $1 AND workspace_id = $2 AND product_id NOT IN (SELECT product_id FROM upserted)
         UNION ALL
         SELECT product_id, orders_count, quantity, first_ordered_at, last_ordered_at, last_event_id, refill_days
           FROM upserted
       ), pairs AS (
         -- +1 for every ordered pair in which at least one product is new to the customer (see countPairs).
         INSERT INTO product_pair_deltas (workspace_id, product_id, other_id, customers)
         SELECT $2, a.product_id, b.product_id, 1
           FROM owned a JOIN owned b ON b.product_id <> a.product_id
          WHERE EXISTS (SELECT 1 FROM upserted u WHERE u.inserted AND u.product_id IN (a.product_id, b.product_id))
       ), catalog AS (
         -- Appended, folded by the workers: an upsert here would lock popular products on every order.
         INSERT INTO product_catalog_deltas (workspace_id, product_id, name, category, price, seen_at, seen_event_id)
         SELECT $2, l.product_id, l.name, l.category, l.price, $3, $4 FROM lines l
       ), summary AS (
         INSERT INTO customer_order_summaries AS s (customer_id, workspace_id, orders_count, spent_cents,
                first_order_at, last_order_at)
         VALUES ($1, $2, 1, $6, $3, $3)
         ON CONFLICT (customer_id) DO UPDATE SET
           orders_count = s.orders_count + 1,
           spent_cents = s.spent_cents + EXCLUDED.spent_cents,
           first_order_at = LEAST(s.first_order_at, EXCLUDED.first_order_at),
           last_order_at = GREATEST(s.last_order_at, EXCLUDED.last_order_at)
         RETURNING orders_count, spent_cents, first_order_at, last_order_at
       )
       SELECT (SELECT row_to_json(summary) FROM summary) AS summary,
              (SELECT json_agg(owned) FROM owned) AS products`,
      [customerId, workspaceId, order.occurredAt, order.eventId, lines, order.cents],
    );
    const row = rows[0]!;
    return { summary: toSummary(row.summary), products: (row.products ?? []).map(toProduct) };
  }

  /**
   * +1 for every ordered pair of the customer's products in which at least one is new to them, both directions,
   * each pair once: appended rows, so no order waits for (or deadlocks with) another on a popular pair.
   */
  private async countPairs(workspaceId: string, customerId: string, fresh: string[] | null): Promise<void> {
    await this.pairRows(workspaceId, customerId, fresh, 1);
  }

  /** Takes the customer's products out of the co-purchase counts (before their products are rebuilt). */
  private async uncountPairs(workspaceId: string, customerId: string): Promise<void> {
    await this.pairRows(workspaceId, customerId, null, -1);
  }

  private async pairRows(workspaceId: string, customerId: string, fresh: string[] | null, sign: 1 | -1) {
    await this.db.query(
      `INSERT INTO product_pair_deltas (workspace_id, product_id, other_id, customers)
       SELECT $1, a.product_id, b.product_id, $4::int
         FROM customer_products a
         JOIN customer_products b ON b.customer_id = a.customer_id AND b.product_id <> a.product_id
        WHERE a.customer_id = $2 AND a.workspace_id = $1
          AND ($3::text[] IS NULL OR a.product_id = ANY($3) OR b.product_id = ANY($3))`,
      [workspaceId, customerId, fresh, sign],
    );
  }

  /**
   * Replaces one customer's summaries with ones computed from their whole history (a recompute). `pairs: false`
   * leaves co-purchase counts alone, for a workspace recompute that counts them again at the end.
   */
  async replaceCustomer(input: {
    workspaceId: string;
    customerId: string;
    summary: OrderSummaryRow | null;
    products: ProductHistoryRow[];
    pairs: boolean;
  }): Promise<void> {
    const { workspaceId, customerId } = input;
    if (input.pairs) await this.uncountPairs(workspaceId, customerId);
    await this.db.query(`DELETE FROM customer_products WHERE customer_id = $1 AND workspace_id = $2`, [
      customerId,
      workspaceId,
    ]);
    await this.db.query(`DELETE FROM customer_order_summaries WHERE customer_id = $1 AND workspace_id = $2`, [
      customerId,
      workspaceId,
    ]);
    if (input.products.length > 0) {
      await this.db.query(
        `INSERT INTO customer_products (customer_id, product_id, workspace_id, orders_count, quantity,
                first_ordered_at, last_ordered_at, last_event_id, refill_days)
         SELECT $1, l.product_id, $2, l.orders_count, l.quantity, l.first_ordered_at, l.last_ordered_at,
                l.last_event_id, l.refill_days
           FROM jsonb_to_recordset($3::jsonb) AS l(product_id text, orders_count int, quantity int,
                first_ordered_at timestamptz, last_ordered_at timestamptz, last_event_id uuid, refill_days int)`,
        [
          customerId,
          workspaceId,
          JSON.stringify(
            input.products.map((product) => ({
              product_id: product.productId,
              orders_count: product.ordersCount,
              quantity: product.quantity,
              first_ordered_at: product.firstOrderedAt.toISOString(),
              last_ordered_at: product.lastOrderedAt.toISOString(),
              last_event_id: product.lastEventId,
              refill_days: product.refillDays,
            })),
          ),
        ],
      );
    }
    if (input.summary) {
      await this.db.query(
        `INSERT INTO customer_order_summaries (customer_id, workspace_id, orders_count, spent_cents, first_order_at, last_order_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          customerId,
          workspaceId,
          input.summary.ordersCount,
          input.summary.spentCents,
          input.summary.firstOrderAt,
          input.summary.lastOrderAt,
        ],
      );
    }
    if (input.pairs) await this.countPairs(workspaceId, customerId, null);
  }

  /** Keeps the latest details of each product (never replaced by an older order's). */
  async upsertCatalog(workspaceId: string, details: ProductDetailsRow[]): Promise<void> {
    if (details.length === 0) return;
    await this.db.query(
      `INSERT INTO product_catalog AS pc (workspace_id, product_id, name, category, price, seen_at, seen_event_id)
       SELECT $1, l.product_id, l.name, l.category, l.price, l.seen_at, l.seen_event_id
         FROM jsonb_to_recordset($2::jsonb) AS l(product_id text, name text, category text, price numeric,
              seen_at timestamptz, seen_event_id uuid)
        ORDER BY l.product_id
       ON CONFLICT (workspace_id, product_id) DO UPDATE SET
         name = EXCLUDED.name, category = EXCLUDED.category, price = EXCLUDED.price,
         seen_at = EXCLUDED.seen_at, seen_event_id = EXCLUDED.seen_event_id
       WHERE (EXCLUDED.seen_at, EXCLUDED.seen_event_id) > (pc.seen_at, pc.seen_event_id)`,
      [
        workspaceId,
        JSON.stringify(
          details.map((product) => ({
            product_id: product.productId,
            name: product.name,
            category: product.category,
            price: product.price,
            seen_at: product.seenAt.toISOString(),
            seen_event_id: product.seenEventId,
          })),
        ),
      ],
    );
  }

  async summary(workspaceId: string, customerId: string): Promise<OrderSummaryRow | null> {
    const rows: SummarySql[] = await this.db.query(
      `SELECT orders_count, spent_cents, first_order_at, last_order_at FROM customer_order_summaries
        WHERE customer_id = $1 AND workspace_id = $2`,
      [customerId, workspaceId],
    );
    return rows[0] ? toSummary(rows[0]) : null;
  }

  async products(workspaceId: string, customerId: string): Promise<ProductHistoryRow[]> {
    const rows: ProductSql[] = await this.db.query(
      `SELECT product_id, orders_count, quantity, first_ordered_at, last_ordered_at, last_event_id, refill_days
         FROM customer_products WHERE customer_id = $1 AND workspace_id = $2`,
      [customerId, workspaceId],
    );
    return rows.map(toProduct);
  }

  /** The customer's `Order Completed` events, for a recompute (the events are the source of truth). */
  async orderEvents(
    workspaceId: string,
    customerIds: string[],
  ): Promise<
    { id: string; customer_id: string; name: string; properties: Record<string, unknown>; occurred_at: Date }[]
  > {
    return this.db.query(
      `SELECT id, customer_id, name, properties, occurred_at FROM events
        WHERE workspace_id = $1 AND customer_id = ANY($2) AND type = 'track' AND name = $3`,
      [workspaceId, customerIds, 'Order Completed'],
    );
  }

  /** Merges computed values into the customer's attributes; returns the customer afterwards. */
  async mergeAttributes(
    workspaceId: string,
    customerId: string,
    values: Record<string, unknown>,
  ): Promise<CustomerRow | null> {
    // Through a CTE: TypeORM answers a bare UPDATE ... RETURNING with [rows, count], not the rows.
    const rows: CustomerRow[] = await this.db.query(
      `WITH merged AS (
         UPDATE customers SET attributes = attributes || $3::jsonb WHERE id = $1 AND workspace_id = $2
         RETURNING id, workspace_id, external_id, anonymous_id, email, phone, time_zone, locale, attributes,
                   created_at, updated_at)
       SELECT * FROM merged`,
      [customerId, workspaceId, JSON.stringify(values)],
    );
    return rows[0] ?? null;
  }
}
