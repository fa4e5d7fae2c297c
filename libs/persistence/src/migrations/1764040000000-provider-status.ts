import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What the provider last said about a sent message (an SMS `delivered`, `undelivered`, ...), from its callbacks. */
export class ProviderStatus1764040000000 implements MigrationInterface {
  name = 'ProviderStatus1764040000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE deliveries ADD COLUMN provider_status text;
      ALTER TABLE deliveries ADD COLUMN provider_status_at timestamptz;
      CREATE INDEX deliveries_by_message_id ON deliveries (channel, message_id) WHERE message_id IS NOT NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX deliveries_by_message_id;
      ALTER TABLE deliveries DROP COLUMN provider_status_at, DROP COLUMN provider_status;
    `);
  }
}
