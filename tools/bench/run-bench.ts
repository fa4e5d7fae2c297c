// npm run bench [-- --customers N --concurrency C --batch B]
// End-to-end throughput of the journey "event -> email" against a bare Nodemailer -> smtp-server loop, in one run.
// Not a test: it prints figures for docs/benchmarks.md. Needs the local Postgres and Redis (scripts/bench.sh).
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { FakeTwilio, MailSink, WebhookReceiver } from '@rapport/channels';
import { createEngine, loadConfig, type EngineConfig } from '@rapport/engine';
import { createTestDatabase } from '@rapport/persistence';
import { parseBenchArgs } from './bench-args';
import { formatMixedRun, formatStagedRun, formatStages, formatThroughput } from './bench-report';
import { runBaselineScenario } from './baseline-scenario';
import { BENCH_SMS_FROM } from './bench-journey';
import { CpuSampler, type CpuSplit } from './cpu-sampler';
import { runEngineScenario } from './engine-scenario';
import { runBareSmsLoop, runBareWebhookLoop, runMixedScenario } from './mixed-scenario';
import { allowMixedChannels, publishMixedJourney, seedBenchWorkspace } from './seed-bench-workspace';
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
      `${ENGINE_SMTP_CONNECTIONS} SMTP connections, mixed-channel run of ${args.mixed}; load average before start ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}`,
  );

  const database = await createTestDatabase('bench');
  const sink = new MailSink({ maxStoredMessages: args.customers + 100 });
  // The mixed run's SMS edge; the engine's worker reaches it through SMS_URL, as it would reach Twilio.
  const twilio = new FakeTwilio({ maxStoredMessages: args.mixed + 100 });
  let receiver: WebhookReceiver | null = null;
  const cleanups: (() => Promise<unknown>)[] = [
    () => database.drop(),
    () => sink.stop(),
    () => twilio.stop(),
    async () => receiver?.stop(),
  ];
  try {
    const { smtpUrl } = await sink.start({ smtpPort: 0, httpPort: null });
    const { twilioUrl } = await twilio.start();
    const smsUrl = `${twilioUrl}?from=${encodeURIComponent(BENCH_SMS_FROM)}`;
    const config: EngineConfig = {
      ...base,
      DATABASE_URL: database.url,
      RAPPORT_QUEUE_PREFIX: `bench-${randomBytes(4).toString('hex')}`,
      SMTP_URL: smtpUrl,
      SMS_URL: smsUrl,
      RAPPORT_TEST_CLOCK: false,
      PROMOTER_INTERVAL_MS: 50,
      LOG_LEVEL: 'warn',
    };
    cleanups.unshift(() => removeQueueKeys(config));

    // Seeded by an API-role engine that is closed before timing, so its Postgres backends have flushed their stats.
    const seeder = await createEngine(config, { role: 'api' });
    const { workspaceId, webhookUrl, webhookSecret } = await (async () => {
      const seeded = await seedBenchWorkspace(seeder, args.customers);
      const { webhookSecret: secret } = await allowMixedChannels(seeder, seeded.workspaceId);
      // Verifies every signature with the workspace's secret, in the engine run and the bare loop alike.
      receiver = new WebhookReceiver({ secrets: [secret], maxStored: args.mixed + 100 });
      const { url } = await receiver.start();
      await publishMixedJourney(seeder, seeded.workspaceId, `${url}/hooks/bench`);
      return { ...seeded, webhookUrl: `${url}/hooks/bench`, webhookSecret: secret };
    })().finally(() => seeder.close());
    const webhooks = receiverOrThrow(receiver);
    log(`seeded ${args.customers} customers and published the journeys`);

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

    // Mixed channels: the bare loops first (as the SMTP baseline runs before the engine), then the journey.
    const bareSms = await runBareSmsLoop(twilio, smsUrl, args.mixed, concurrency);
    const bareWebhook = await runBareWebhookLoop(
      webhooks,
      { url: webhookUrl, secret: webhookSecret },
      args.mixed,
      concurrency,
    );
    const bareProblems = [
      (bareSms.received !== args.mixed || bareSms.distinct !== args.mixed) &&
        `bare SMS loop: ${bareSms.received} messages (${bareSms.distinct} distinct), expected ${args.mixed}`,
      (bareWebhook.received !== args.mixed ||
        bareWebhook.distinct !== args.mixed ||
        bareWebhook.verified !== args.mixed) &&
        `bare webhook loop: ${bareWebhook.received} requests (${bareWebhook.distinct} distinct, ${bareWebhook.verified} verified), expected ${args.mixed}`,
    ].filter(Boolean);
    if (bareProblems.length > 0) throw new Error(bareProblems.join('; '));
    log(
      `bare loops: ${args.mixed} SMS in ${bareSms.seconds.toFixed(2)} s, ${args.mixed} webhooks in ${bareWebhook.seconds.toFixed(2)} s`,
    );

    // A fresh worker engine, closed afterwards, so the run's Postgres transactions can be counted on their own.
    const mixedEngine = await createEngine(config, { role: 'worker' });
    let mixedClosed = false;
    cleanups.unshift(async () => {
      if (!mixedClosed) await mixedEngine.close();
    });
    const mixedTransactionsBefore = await committedTransactions(database.dataSource);
    const mixed = await runMixedScenario({
      engine: mixedEngine,
      sink,
      twilio,
      receiver: webhooks,
      workspaceId,
      customers: args.mixed,
      batchSize: args.batchSize,
      concurrency,
      timeoutMs: ENGINE_TIMEOUT_MS,
    });
    const mixedProblems = mixed.channels.flatMap((c) =>
      c.received !== args.mixed || c.distinct !== args.mixed || c.deliveriesSent !== args.mixed
        ? [
            `${c.channel}: ${c.received} received (${c.distinct} distinct), ${c.deliveriesSent} deliveries sent, expected ${args.mixed}`,
          ]
        : [],
    );
    if (mixed.webhooksVerified !== args.mixed)
      mixedProblems.push(`${mixed.webhooksVerified} webhook signatures verified`);
    if (mixedProblems.length > 0) throw new Error(`mixed run is wrong: ${mixedProblems.join('; ')}`);
    log(`engine, mixed channels: ${3 * args.mixed} sends in ${mixed.seconds.toFixed(2)} s`);
    await mixedEngine.close();
    mixedClosed = true;
    const mixedTransactions = (await committedTransactions(database.dataSource)) - mixedTransactionsBefore;

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
    log('');
    log(
      formatMixedRun(
        mixed,
        {
          email: { count: baseline.mails, seconds: baseline.seconds },
          sms: { count: bareSms.received, seconds: bareSms.seconds },
          webhook: { count: bareWebhook.received, seconds: bareWebhook.seconds },
        },
        { sms: bareSms.cpu, webhook: bareWebhook.cpu },
        concurrency,
        mixedTransactions / args.mixed,
      ),
    );
    log(
      `\nchecked: pipelined ${run.mails} mails, ${run.distinctMessageIds} distinct Message-IDs, ${stages.deliveriesSent} deliveries sent; staged ${stagedMails.length} mails, ${stagedDistinct} distinct; ` +
        `mixed ${mixed.channels.map((c) => `${c.received} ${c.channel} (${c.distinct} distinct, ${c.deliveriesSent} sent)`).join(', ')}, ` +
        `${mixed.webhooksVerified} webhook signatures verified; bare ${bareSms.distinct} SMS, ${bareWebhook.verified} webhooks verified`,
    );
  } finally {
    for (const cleanup of cleanups) await cleanup().catch((error: unknown) => console.error('cleanup failed:', error));
  }
};

const receiverOrThrow = (receiver: WebhookReceiver | null): WebhookReceiver => {
  if (!receiver) throw new Error('the webhook receiver was not started');
  return receiver;
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
