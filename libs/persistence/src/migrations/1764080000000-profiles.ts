import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Declared attribute types, anonymous-id aliases and CSV imports. */
export class ProfilesAndImport1764080000000 implements MigrationInterface {
  name = 'ProfilesAndImport1764080000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- What the marketer says an attribute holds, so the editor offers the right operators and imports parse it.
      CREATE TABLE attribute_definitions (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        name text NOT NULL,
        type text NOT NULL CHECK (type IN ('string', 'number', 'boolean', 'date')),
        label text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (workspace_id, name)
      );

      -- Every anonymous id that belongs to a known customer: later events with it land on that customer.
      -- Kept after a merge (the anonymous profile itself is gone), never moved to another customer.
      CREATE TABLE customer_aliases (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        anonymous_id text NOT NULL,
        customer_id uuid NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (workspace_id, anonymous_id)
      );
      CREATE INDEX customer_aliases_by_customer ON customer_aliases (customer_id);
      INSERT INTO customer_aliases (workspace_id, anonymous_id, customer_id, created_at)
        SELECT workspace_id, anonymous_id, id, updated_at FROM customers
         WHERE external_id IS NOT NULL AND anonymous_id IS NOT NULL
        ON CONFLICT DO NOTHING;

      -- A CSV import and its progress; the rows themselves are never kept, only the errors.
      CREATE TABLE imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('customers', 'orders')),
        status text NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
        rows_read integer NOT NULL DEFAULT 0,
        imported integer NOT NULL DEFAULT 0,
        failed integer NOT NULL DEFAULT 0,
        duplicates integer NOT NULL DEFAULT 0,
        error text,
        started_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        finished_at timestamptz
      );
      CREATE INDEX imports_by_workspace ON imports (workspace_id, started_at DESC);

      CREATE TABLE import_errors (
        id bigserial PRIMARY KEY,
        import_id uuid NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
        row_number integer NOT NULL,
        column_name text,
        message text NOT NULL
      );
      CREATE INDEX import_errors_by_import ON import_errors (import_id, row_number, id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE import_errors;
      DROP TABLE imports;
      DROP TABLE customer_aliases;
      DROP TABLE attribute_definitions;
    `);
  }
}
