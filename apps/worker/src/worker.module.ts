import {
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { startEngineWorkers, type Engine, type RunningWorkers } from '@rapport/engine';

const ENGINE = Symbol('rapport.engine');

/** Starts the BullMQ workers, promoter and sweeper with the application context, and stops them with it. */
class EngineWorkersLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private running: RunningWorkers | null = null;

  constructor(@Inject(ENGINE) private readonly engine: Engine) {}

  onApplicationBootstrap(): void {
    this.running = startEngineWorkers(this.engine);
    this.engine.logger.info({ prefix: this.engine.config.RAPPORT_QUEUE_PREFIX }, 'Rapport worker running');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.running?.close();
    await this.engine.close();
  }
}

@Module({})
export class WorkerModule {
  static forEngine(engine: Engine): DynamicModule {
    return {
      module: WorkerModule,
      providers: [{ provide: ENGINE, useValue: engine }, EngineWorkersLifecycle],
    };
  }
}
