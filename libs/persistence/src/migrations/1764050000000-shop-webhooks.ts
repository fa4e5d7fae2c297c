import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Shop webhook sources and secrets, received webhooks kept by id for replay protection, the product catalog. */
export class ShopWebhooks1764050000000 implements MigrationInterface {
  name = 'ShopWebhooks1764050000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- A shop (or any sender) posting to /webhooks/shop/:key. The key is in the URL: unguessable, globally unique.
      CREATE TABLE shop_sources (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        key text NOT NULL UNIQUE,
        name text NOT NULL,
        scheme text NOT NULL CHECK (scheme IN ('shopify', 'standard-webhooks')),
        created_at timestamptz NOT NULL
      );
      CREATE INDEX shop_sources_workspace ON shop_sources (workspace_id, created_at);

      -- Several secrets may be active at once (rotation): a request signed by any of them is accepted.
      CREATE TABLE shop_source_secrets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source_id uuid NOT NULL REFERENCES shop_sources(id) ON DELETE CASCADE,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        secret text NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX shop_source_secrets_source ON shop_source_secrets (source_id, created_at);

      -- Every authentic delivery, once per (source, webhook id): a repeat is acknowledged and ignored.
      -- 'received' while being handled (a crashed handling is redone by the sender's retry), then 'processed'
      -- or 'ignored' (unknown topic). Kept at least 7 days, purged after the configured horizon.
      CREATE TABLE shop_webhooks_received (
        source_id uuid NOT NULL REFERENCES shop_sources(id) ON DELETE CASCADE,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        webhook_id text NOT NULL,
        topic text NOT NULL,
        status text NOT NULL CHECK (status IN ('received', 'processed', 'ignored')),
        outcome text,
        received_at timestamptz NOT NULL,
        processed_at timestamptz,
        PRIMARY KEY (source_id, webhook_id)
      );
      CREATE INDEX shop_webhooks_received_at ON shop_webhooks_received (received_at);

      -- The shop's catalog, kept in sync by product webhooks; order lines take category and refill_days from it.
      CREATE TABLE products (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        product_id text NOT NULL,
        sku text,
        name text,
        category text,
        price numeric,
        currency text,
        refill_days integer CHECK (refill_days IS NULL OR refill_days > 0),
        url text,
        image text,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (workspace_id, product_id)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE products;
      DROP TABLE shop_webhooks_received;
      DROP TABLE shop_source_secrets;
      DROP TABLE shop_sources;
    `);
  }
}
