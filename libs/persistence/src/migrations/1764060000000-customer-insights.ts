import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Computed attributes, recommendations and value tiers. */
export class CustomerInsights1764060000000 implements MigrationInterface {
  name = 'CustomerInsights1764060000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`SELECT 1`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`SELECT 1`);
  }
}
