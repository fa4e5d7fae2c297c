import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The workspace's shared email design: named layouts that wrap templates, and partials templates call. */
export class EmailDesign1764090000000 implements MigrationInterface {
  name = 'EmailDesign1764090000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE email_parts (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('layout', 'partial')),
        name text NOT NULL,
        html text NOT NULL,
        text text,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (workspace_id, kind, name)
      );
      ALTER TABLE templates ADD COLUMN layout text;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE templates DROP COLUMN layout; DROP TABLE email_parts;`);
  }
}
