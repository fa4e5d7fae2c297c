import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Computed attributes, recommendations and value tiers. These tables are summaries of the `Order Completed`
 * events, kept current per event with a few indexed statements; the events stay the source of truth, so any of
 * them can be rebuilt by the recompute (`POST /api/insights/recompute`).
 */
export class CustomerInsights1764060000000 implements MigrationInterface {
  name = 'CustomerInsights1764060000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- One row per customer with at least one order. Money in cents, so sums are exact in any order.
      CREATE TABLE customer_order_summaries (
        customer_id uuid PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        orders_count integer NOT NULL,
        spent_cents bigint NOT NULL,
        first_order_at timestamptz NOT NULL,
        last_order_at timestamptz NOT NULL
      );
      CREATE INDEX customer_order_summaries_by_workspace ON customer_order_summaries (workspace_id, customer_id);

      -- What each customer bought, per product: the basis of products_bought, last_ordered_at and refill dates.
      -- (last_ordered_at, last_event_id) orders ties, so the latest order's refill_days wins whatever the arrival order.
      CREATE TABLE customer_products (
        customer_id uuid NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        product_id text NOT NULL,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        orders_count integer NOT NULL,
        quantity integer NOT NULL,
        first_ordered_at timestamptz NOT NULL,
        last_ordered_at timestamptz NOT NULL,
        last_event_id uuid NOT NULL,
        refill_days integer,
        PRIMARY KEY (customer_id, product_id)
      );
      CREATE INDEX customer_products_by_workspace ON customer_products (workspace_id, product_id);

      -- The latest name, category and price seen for each product (from the latest order that had it).
      CREATE TABLE product_catalog (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        product_id text NOT NULL,
        name text,
        category text,
        price numeric,
        seen_at timestamptz NOT NULL,
        seen_event_id uuid NOT NULL,
        PRIMARY KEY (workspace_id, product_id)
      );

      -- How many customers bought both products (both directions stored, so "bought A -> also B" is one index range).
      -- Orders never update these rows (every order would lock the same popular pairs, and batches of orders would
      -- deadlock on them): they append +1 rows to product_pair_deltas (-1 for a customer who goes), which the
      -- workers fold into product_pairs every second or so. Readers add the two.
      CREATE TABLE product_pairs (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        product_id text NOT NULL,
        other_id text NOT NULL,
        customers integer NOT NULL,
        PRIMARY KEY (workspace_id, product_id, other_id)
      );
      CREATE TABLE product_pair_deltas (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        product_id text NOT NULL,
        other_id text NOT NULL,
        customers integer NOT NULL
      );
      CREATE INDEX product_pair_deltas_by_product ON product_pair_deltas (workspace_id, product_id);
      -- Each order line's details, appended likewise; the fold keeps the latest per product in product_catalog.
      CREATE TABLE product_catalog_deltas (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        product_id text NOT NULL,
        name text,
        category text,
        price numeric,
        seen_at timestamptz NOT NULL,
        seen_event_id uuid NOT NULL
      );
      CREATE INDEX product_catalog_deltas_by_product ON product_catalog_deltas (workspace_id, product_id);

      -- A customer who goes (deleted, or merged into another) takes their co-purchases with them. BEFORE the row
      -- goes, while the cascade has not yet removed their products.
      CREATE FUNCTION uncount_customer_pairs() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO product_pair_deltas (workspace_id, product_id, other_id, customers)
        SELECT OLD.workspace_id, a.product_id, b.product_id, -1
          FROM customer_products a
          JOIN customer_products b ON b.customer_id = a.customer_id AND b.product_id <> a.product_id
         WHERE a.customer_id = OLD.id;
        RETURN OLD;
      END $$;
      CREATE TRIGGER customers_uncount_pairs BEFORE DELETE ON customers
        FOR EACH ROW EXECUTE FUNCTION uncount_customer_pairs();

      -- The marketer's tier rules, the last quintile boundaries and when the workspace is scored next.
      CREATE TABLE value_tier_settings (
        workspace_id uuid PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
        rules jsonb,
        boundaries jsonb,
        scored_at timestamptz,
        next_scoring_at timestamptz
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER customers_uncount_pairs ON customers;
      DROP FUNCTION uncount_customer_pairs();
      DROP TABLE value_tier_settings;
      DROP TABLE product_catalog_deltas;
      DROP TABLE product_pair_deltas;
      DROP TABLE product_pairs;
      DROP TABLE product_catalog;
      DROP TABLE customer_products;
      DROP TABLE customer_order_summaries;
    `);
  }
}
