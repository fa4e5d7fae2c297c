// Applies pending database migrations and exits: `npm run migration:run`, and the docker stack's one-shot
// `migrate` service, which also passes --seed-demo to create the demo workspace with the RAPPORT_DEMO_* keys.
// An advisory lock (libs/persistence migrate) makes running this beside a starting API or another migrate safe.
import { createEngine, loadConfig } from '@rapport/engine';
import { migrate } from '@rapport/persistence';
import { seedDemo } from './seed-demo';
import { seedDemoAccounts } from './seed-demo-accounts';

const main = async (): Promise<void> => {
  const engine = await createEngine(loadConfig(), { role: 'api' });
  try {
    const applied = await migrate(engine.db);
    console.log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'migrations: schema is up to date');
    if (process.argv.includes('--seed-demo')) {
      const keys = await seedDemo(engine);
      const logins = await seedDemoAccounts(engine, keys.apiKey);
      console.log('demo workspace ready; sign in to the editor as:');
      for (const login of logins) console.log(`  ${login.role.padEnd(8)} ${login.email} / ${login.password}`);
    }
  } finally {
    await engine.close();
  }
};

main().catch((error: unknown) => {
  console.error('migration failed:', error);
  process.exit(1);
});
