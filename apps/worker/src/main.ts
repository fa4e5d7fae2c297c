import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createEngine, loadConfig } from '@rapport/engine';
import { WorkerModule } from './worker.module';

const main = async () => {
  const engine = await createEngine(loadConfig(), { role: 'worker' });
  const app = await NestFactory.createApplicationContext(WorkerModule.forEngine(engine), { logger: ['error', 'warn'] });
  app.enableShutdownHooks();
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
