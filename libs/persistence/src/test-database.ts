import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource, migrate } from './data-source';

/** A fresh, migrated database per test file (no containers here): created from DATABASE_URL's server. */
export type TestDatabase = { url: string; name: string; dataSource: DataSource; drop(): Promise<void> };

const serverUrl = (): URL => new URL(process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/rapport');

export const createTestDatabase = async (label = 'test'): Promise<TestDatabase> => {
  const name = `rapport_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const admin = serverUrl();
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = serverUrl();
  url.pathname = `/${name}`;
  const dataSource = createDataSource({ url: url.toString(), poolSize: 4, applicationName: 'rapport-test' });
  await dataSource.initialize();
  await migrate(dataSource);
  return {
    url: url.toString(),
    name,
    dataSource,
    drop: async () => {
      await dataSource.destroy();
      const cleanup = new Client({ connectionString: admin.toString() });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
};
