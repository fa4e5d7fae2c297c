import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Secrets of this installation that every API and worker process must share (the unsubscribe-link key): made
 * randomly by the database at migration time, so none is ever in the repository or the environment by default.
 */
export class InstallationSecrets1764030000000 implements MigrationInterface {
  name = 'InstallationSecrets1764030000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE installation_secrets (name text PRIMARY KEY, value text NOT NULL);
      INSERT INTO installation_secrets (name, value)
      VALUES ('unsubscribe', encode(sha256((gen_random_uuid()::text || gen_random_uuid()::text)::bytea), 'hex'));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE installation_secrets');
  }
}
