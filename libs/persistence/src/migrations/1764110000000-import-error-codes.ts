import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Import errors keep why as a catalog key with params, so each member reads the report in their own language.
 * Rows written before keep a null code and read as their stored English `message`.
 */
export class ImportErrorCodes1764110000000 implements MigrationInterface {
  name = 'ImportErrorCodes1764110000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE import_errors ADD COLUMN code text, ADD COLUMN params jsonb NOT NULL DEFAULT '{}';
      ALTER TABLE imports ADD COLUMN error_code text, ADD COLUMN error_params jsonb NOT NULL DEFAULT '{}';
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE imports DROP COLUMN error_params, DROP COLUMN error_code;
      ALTER TABLE import_errors DROP COLUMN params, DROP COLUMN code;
    `);
  }
}
