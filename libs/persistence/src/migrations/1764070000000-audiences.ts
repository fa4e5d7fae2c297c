import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Saved audiences and their members. */
export class Audiences1764070000000 implements MigrationInterface {
  name = 'Audiences1764070000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`SELECT 1`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`SELECT 1`);
  }
}
