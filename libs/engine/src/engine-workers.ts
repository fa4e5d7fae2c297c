import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { jobCatalog, type JobName, type JobPayload } from './queue/job-catalog';
import type { Engine } from './engine';
import { purgeReceivedShopWebhooks } from './shop-webhooks/shop-webhook.service';

export type RunningWorkers = { close(): Promise<void> };

/**
 * Starts the BullMQ workers and the promoter and sweeper loops of one worker process. Payloads are parsed with
 * the catalog's schema at dequeue; a job that cannot parse is unrecoverable, not retried.
 */
export const startEngineWorkers = (engine: Engine, options: { concurrency?: number } = {}): RunningWorkers => {
  const { config, logger } = engine;
  const concurrency = options.concurrency ?? config.WORKER_CONCURRENCY;
  const connection = engine.redis;
  const parse = <Name extends JobName>(name: Name, job: Job): JobPayload<Name> => {
    const parsed = jobCatalog[name].schema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`bad ${name} payload: ${parsed.error.message}`);
    return parsed.data as JobPayload<Name>;
  };

  const handlers = {
    advance: async (job: Job) => engine.stepper.run(parse('advance', job)),
    schedules: async (job: Job) => engine.scheduler.rebuildForVersion(parse('schedules', job).versionId),
    send: async (job: Job) => {
      if (!engine.sender) throw new UnrecoverableError('this process cannot send');
      const attempts = job.opts.attempts ?? jobCatalog.send.attempts;
      const outcome = await engine.sender.run(parse('send', job), {
        lastAttempt: job.attemptsMade + 1 >= attempts,
      });
      // Thrown so BullMQ schedules the retry with backoff; the row is already back to pending.
      if (outcome === 'retry') throw new Error('send failed; will retry');
      return outcome;
    },
  } satisfies Record<JobName, (job: Job) => Promise<unknown>>;

  const workers = (Object.keys(handlers) as JobName[]).map((name) => {
    const worker = new Worker(jobCatalog[name].queue, handlers[name], {
      connection,
      prefix: config.RAPPORT_QUEUE_PREFIX,
      concurrency,
    });
    worker.on('failed', (job, error) => logger.warn({ job: job?.id, err: error.message }, `${name} job failed`));
    worker.on('error', (error) => logger.error({ err: error.message }, `${name} worker error`));
    return worker;
  });

  // Loops, not cron jobs: each tick is cheap (an indexed query) and promoters on several workers never clash.
  const loop = (label: string, intervalMs: number, task: () => Promise<unknown>) => {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      task()
        .catch((error: unknown) => logger.error({ err: (error as Error).message }, `${label} failed`))
        .finally(() => {
          running = false;
        });
    }, intervalMs);
    return () => clearInterval(timer);
  };
  const stops = [
    loop('promoter', config.PROMOTER_INTERVAL_MS, () => engine.promoter.promote()),
    loop('sweeper', config.SWEEPER_INTERVAL_MS, async () => {
      const restored = await engine.sweeper.sweep();
      if (restored.enrollments + restored.deliveries > 0) logger.warn(restored, 'sweeper re-enqueued lost jobs');
    }),
    // "In the last 90 days" expires with time alone; each audience is claimed by one worker once per interval.
    loop('audiences', config.SWEEPER_INTERVAL_MS, () =>
      engine.audienceRecompute.recomputeStale(config.AUDIENCE_RECOMPUTE_INTERVAL_MS),
    ),
    // Received shop webhooks are kept for replay protection well past the senders' retry horizons, then dropped.
    loop('shop webhook purge', config.SWEEPER_INTERVAL_MS, () =>
      purgeReceivedShopWebhooks(engine, config.SHOP_WEBHOOK_RETENTION_DAYS),
    ),
    // Orders append co-purchase rows rather than lock shared counters; fold them often so reads stay short.
    loop('co-purchase fold', config.INSIGHTS_FOLD_INTERVAL_MS, () => engine.insights.foldCoPurchases(engine.db)),
    // Value tiers: each workspace is scored every rescoreEveryHours (its settings), claimed by one worker.
    loop('value tiers', config.SWEEPER_INTERVAL_MS, async () =>
      engine.insights.scoreDue(engine.db, await engine.clock.now()),
    ),
  ];

  return {
    close: async () => {
      stops.forEach((stop) => stop());
      await Promise.all(workers.map((worker) => worker.close()));
    },
  };
};
