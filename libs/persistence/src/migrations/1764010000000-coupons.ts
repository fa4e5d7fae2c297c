import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Unique coupon codes: pools, and codes handed out at most once, to one enrollment step. */
export class Coupons1764010000000 implements MigrationInterface {
  name = 'Coupons1764010000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE coupon_pools (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        key text NOT NULL,
        name text NOT NULL,
        source text NOT NULL CHECK (source IN ('generated', 'imported')),
        prefix text,
        -- Expiry of each code: a fixed date, or N days after it is issued.
        expires_on timestamptz,
        valid_days integer,
        low_warning_at integer NOT NULL DEFAULT 100,
        created_at timestamptz NOT NULL,
        UNIQUE (workspace_id, key),
        CHECK ((expires_on IS NULL) <> (valid_days IS NULL))
      );
      CREATE TABLE coupon_codes (
        id bigserial PRIMARY KEY,
        pool_id uuid NOT NULL REFERENCES coupon_pools(id) ON DELETE CASCADE,
        code text NOT NULL,
        enrollment_id uuid REFERENCES enrollments(id) ON DELETE SET NULL,
        node_id text,
        visit integer,
        issued_at timestamptz,
        expires_at timestamptz,
        -- A code is never in two pools of a workspace under the same text, nor given twice.
        UNIQUE (pool_id, code),
        UNIQUE (enrollment_id, node_id, visit)
      );
      CREATE INDEX coupon_codes_free ON coupon_codes (pool_id, id) WHERE enrollment_id IS NULL AND issued_at IS NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE coupon_codes, coupon_pools');
  }
}
