import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
import { InitialSchema1763900000000 } from './migrations/1763900000000-initial-schema';
import { JourneyLanguage1763990000000 } from './migrations/1763990000000-journey-language';
import { DeliveryPipeline1764000000000 } from './migrations/1764000000000-delivery-pipeline';
import { Coupons1764010000000 } from './migrations/1764010000000-coupons';
import { WebhookSecret1764020000000 } from './migrations/1764020000000-webhook-secret';
import { InstallationSecrets1764030000000 } from './migrations/1764030000000-installation-secrets';
import { ProviderStatus1764040000000 } from './migrations/1764040000000-provider-status';
import { ShopWebhooks1764050000000 } from './migrations/1764050000000-shop-webhooks';
import { CustomerInsights1764060000000 } from './migrations/1764060000000-customer-insights';
import { Audiences1764070000000 } from './migrations/1764070000000-audiences';
import { ProfilesAndImport1764080000000 } from './migrations/1764080000000-profiles';
import { EmailDesign1764090000000 } from './migrations/1764090000000-email-design';
import { Accounts1764100000000 } from './migrations/1764100000000-accounts';
import { ImportErrorCodes1764110000000 } from './migrations/1764110000000-import-error-codes';

export const MIGRATIONS = [
  InitialSchema1763900000000,
  JourneyLanguage1763990000000,
  DeliveryPipeline1764000000000,
  Coupons1764010000000,
  WebhookSecret1764020000000,
  InstallationSecrets1764030000000,
  ProviderStatus1764040000000,
  ShopWebhooks1764050000000,
  CustomerInsights1764060000000,
  Audiences1764070000000,
  ProfilesAndImport1764080000000,
  EmailDesign1764090000000,
  Accounts1764100000000,
  ImportErrorCodes1764110000000,
];

export type DataSourceSettings = { url: string; poolSize?: number; applicationName?: string };

/** Migrations only, never `synchronize`: the schema is reviewed SQL. */
export const createDataSource = ({ url, poolSize = 10, applicationName = 'rapport' }: DataSourceSettings): DataSource =>
  new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'rapport_migrations',
    synchronize: false,
    migrationsRun: false,
    logging: ['error'],
    applicationName,
    extra: { max: poolSize },
  });

const MIGRATION_LOCK = 7_318_001;

/** Runs pending migrations under a Postgres advisory lock, so an API and a worker starting together cannot race. */
export const migrate = async (dataSource: DataSource): Promise<string[]> => {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'all' });
    return applied.map((migration) => migration.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
  }
};

export const hasPendingMigrations = (dataSource: DataSource): Promise<boolean> => dataSource.showMigrations();
