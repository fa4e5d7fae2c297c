// Applies pending database migrations and exits: `npm run migration:run`, and the docker stack's one-shot `migrate` service.
// TypeORM takes an advisory lock, so running this beside a starting API or another migrate is safe.
import { createDataSource, migrate } from '@rapport/persistence';

const main = async (): Promise<void> => {
  const url = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/rapport';
  // Default pool: TypeORM holds the advisory lock on one connection and migrates on another, so a pool of 1 deadlocks.
  const dataSource = createDataSource({ url, applicationName: 'rapport-migrate' });
  await dataSource.initialize();
  try {
    const applied = await migrate(dataSource);
    console.log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'migrations: schema is up to date');
  } finally {
    await dataSource.destroy();
  }
};

main().catch((error: unknown) => {
  console.error('migration failed:', error);
  process.exit(1);
});
