import { createEngine, loadConfig } from '@rapport/engine';
import { createApiApp } from './create-api-app';

const main = async () => {
  const config = loadConfig();
  const engine = await createEngine(config, { role: 'api' });
  const app = await createApiApp(engine);
  await app.listen(config.API_PORT, config.API_HOST);
  engine.logger.info({ url: await app.getUrl(), testClock: config.RAPPORT_TEST_CLOCK }, 'Rapport API listening');
  const stop = async () => {
    await app.close();
    await engine.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
