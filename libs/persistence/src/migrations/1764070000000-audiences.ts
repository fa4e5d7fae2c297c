import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Saved audiences and their members. */
export class Audiences1764070000000 implements MigrationInterface {
  name = 'Audiences1764070000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audiences (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        -- The slug triggers name ("audience:<key>", a schedule's audience); it never changes once created.
        key text NOT NULL,
        name text NOT NULL,
        definition jsonb NOT NULL,
        -- What the definition reads, so a profile change or an event re-evaluates only the audiences it can affect.
        reads_attributes text[] NOT NULL DEFAULT '{}',
        reads_events text[] NOT NULL DEFAULT '{}',
        -- Claimed (set to the engine time) by the worker that recomputes every member; null: never computed.
        recomputed_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (workspace_id, key)
      );
      CREATE INDEX audiences_recompute_due ON audiences (recomputed_at NULLS FIRST);

      -- Current members only: a row appearing is what fires audience triggers.
      CREATE TABLE audience_members (
        audience_id uuid NOT NULL REFERENCES audiences(id) ON DELETE CASCADE,
        customer_id uuid NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        entered_at timestamptz NOT NULL,
        PRIMARY KEY (audience_id, customer_id)
      );
      CREATE INDEX audience_members_by_customer ON audience_members (customer_id);

      -- History counts: one customer's events of one name (a change, a journey's condition), and one name across
      -- a page of customers (the bulk recompute). events_by_customer leads with workspace_id, so neither could use it.
      CREATE INDEX events_by_customer_name ON events (customer_id, name, occurred_at DESC) WHERE type = 'track';
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX events_by_customer_name;
      DROP TABLE audience_members;
      DROP TABLE audiences;
    `);
  }
}
