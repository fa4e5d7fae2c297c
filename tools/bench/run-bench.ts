// npm run bench [-- --customers N --concurrency C --batch B]
// End-to-end throughput of the journey "event -> email" against a bare Nodemailer -> smtp-server loop, in one run.
// Not a test: it prints figures for docs/benchmarks.md. Needs the local Postgres and Redis (scripts/bench.sh).
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { MailSink } from '@rapport/channels';
import { createEngine, loadConfig, type EngineConfig } from '@rapport/engine';
import { createTestDatabase } from '@rapport/persistence';
import { parseBenchArgs } from './bench-args';
import { formatStagedRun, formatStages, formatThroughput } from './bench-report';
import { runBaselineScenario } from './baseline-scenario';
import { CpuSampler, type CpuSplit } from './cpu-sampler';
import { runEngineScenario } from './engine-scenario';
import { seedBenchWorkspace } from './seed-bench-workspace';
import { runStagedScenario } from './staged-scenario';
import { committedTransactions, readStageTimings } from './stage-timings';

// The engine's worker transport is built with this many SMTP connections (libs/engine/src/engine.ts).
const ENGINE_SMTP_CONNECTIONS = 8;
const ENGINE_TIMEOUT_MS = 110_000;

const log = (line: string) => console.log(line);

const main = async (): Promise<void> => {
  const args = parseBenchArgs(process.argv.slice(2));
  const base = loadConfig(process.env);
  const concurrency = args.concurrency ?? base.WORKER_CONCURRENCY;
  log(
    `rapport bench: ${args.customers} customers, batches of ${args.batchSize}, worker concurrency ${concurrency} per queue, ` +
      `${ENGINE_SMTP_CONNECTIONS} SMTP connections; load average before start ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}`,
  );

  const database = await createTestDatabase('bench');
  const sink = new MailSink({ maxStoredMessages: args.customers + 100 });
  const cleanups: (() => Promise<unknown>)[] = [() => database.drop(), () => sink.stop()];
  try {
    const { smtpUrl } = await sink.start({ smtpPort: 0, httpPort: null });
    const config: EngineConfig = {
      ...base,
      DATABASE_URL: database.url,
      RAPPORT_QUEUE_PREFIX: `bench-${randomBytes(4).toString('hex')}`,
      SMTP_URL: smtpUrl,
      RAPPORT_TEST_CLOCK: false,
      PROMOTER_INTERVAL_MS: 50,
      LOG_LEVEL: 'warn',
    };
    cleanups.unshift(() => removeQueueKeys(config));

    // Seeded by an API-role engine that is closed before timing, so its Postgres backends have flushed their stats.
    const seeder = await createEngine(config, { role: 'api' });
    const { workspaceId } = await seedBenchWorkspace(seeder, args.customers).finally(() => seeder.close());
    log(`seeded ${args.customers} customers and published the journey`);

    const baselineSampler = new CpuSampler();
    baselineSampler.start();
    const baseline = await runBaselineScenario(args.customers, ENGINE_SMTP_CONNECTIONS);
    const baselineCpu = baselineSampler.stop();
    if (baseline.mails !== args.customers || baseline.distinctMessageIds !== args.customers) {
      throw new Error(
        `baseline: expected ${args.customers} distinct mails, got ${baseline.mails} (${baseline.distinctMessageIds} distinct)`,
      );
    }
    log(`baseline: ${args.customers} mails in ${baseline.seconds.toFixed(2)} s`);

    const engine = await createEngine(config, { role: 'worker' });
    let engineClosed = false;
    cleanups.unshift(async () => {
      if (!engineClosed) await engine.close();
    });
    const transactionsBefore = await committedTransactions(database.dataSource);
    const sampler = new CpuSampler();
    let cpu: CpuSplit | null = null;
    const run = await runEngineScenario({
      engine,
      sink,
      workspaceId,
      customers: args.customers,
      batchSize: args.batchSize,
      concurrency,
      timeoutMs: ENGINE_TIMEOUT_MS,
      onStart: () => sampler.start(),
      onDone: () => {
        cpu = sampler.stop();
      },
    });
    const stages = await readStageTimings(database.dataSource, workspaceId, run.startedAt);
    const problems = [
      run.mails !== args.customers && `the sink received ${run.mails} mails, expected ${args.customers}`,
      run.distinctMessageIds !== run.mails && `${run.mails - run.distinctMessageIds} duplicate Message-IDs`,
      stages.deliveriesSent !== args.customers &&
        `${stages.deliveriesSent} deliveries marked sent, expected ${args.customers}`,
    ].filter(Boolean);
    if (problems.length > 0) throw new Error(`engine run is wrong: ${problems.join('; ')}`);
    log(`engine, pipelined: ${args.customers} mails in ${run.seconds.toFixed(2)} s`);

    const staged = await runStagedScenario({
      engine,
      sink,
      workspaceId,
      customers: args.customers,
      batchSize: args.batchSize,
      concurrency,
      timeoutMs: ENGINE_TIMEOUT_MS,
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const stagedMails = sink.messages();
    const stagedDistinct = new Set(stagedMails.map((mail) => mail.messageId)).size;
    if (stagedMails.length !== args.customers || stagedDistinct !== args.customers) {
      throw new Error(
        `staged run: expected ${args.customers} distinct mails, got ${stagedMails.length} (${stagedDistinct} distinct)`,
      );
    }
    await engine.close();
    engineClosed = true;
    // Closed backends have flushed their statistics; both engine runs did the same work per mail.
    const transactions = (await committedTransactions(database.dataSource)) - transactionsBefore;

    log('');
    log(
      formatThroughput(
        { scenario: 'engine: ingest -> step -> send (event -> email)', mails: run.mails, seconds: run.seconds },
        { scenario: 'baseline: Nodemailer pool -> smtp-server', mails: baseline.mails, seconds: baseline.seconds },
      ),
    );
    log('');
    log(
      formatStages({
        customers: args.customers,
        ingestSeconds: run.ingestSeconds,
        eventLoopDelayMs: run.eventLoopDelayMs,
        stages,
        transactionsPerMail: transactions / (2 * args.customers),
        cpu: cpuOrThrow(cpu),
        baselineCpu,
      }),
    );
    log('');
    log(formatStagedRun(args.customers, staged));
    log(
      `\nchecked: pipelined ${run.mails} mails, ${run.distinctMessageIds} distinct Message-IDs, ${stages.deliveriesSent} deliveries sent; staged ${stagedMails.length} mails, ${stagedDistinct} distinct`,
    );
  } finally {
    for (const cleanup of cleanups) await cleanup().catch((error: unknown) => console.error('cleanup failed:', error));
  }
};

const cpuOrThrow = (cpu: CpuSplit | null): CpuSplit => {
  if (!cpu) throw new Error('the engine run finished without a CPU sample');
  return cpu;
};

// The bench's own queue prefix: nothing else writes under it, so deleting every key under it is safe.
const removeQueueKeys = async (config: EngineConfig): Promise<void> => {
  const { Redis } = await import('ioredis');
  const redis = new Redis(config.REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.RAPPORT_QUEUE_PREFIX}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('bench failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
