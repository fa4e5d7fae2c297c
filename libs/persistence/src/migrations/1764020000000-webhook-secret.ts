import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each workspace signs its outgoing webhooks with its own Standard Webhooks secret (`whsec_...`). */
export class WebhookSecret1764020000000 implements MigrationInterface {
  name = 'WebhookSecret1764020000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE workspaces ADD COLUMN webhook_secret text NOT NULL
        DEFAULT 'whsec_' || encode(sha256((gen_random_uuid()::text || clock_timestamp()::text)::bytea), 'base64');
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE workspaces DROP COLUMN webhook_secret');
  }
}
