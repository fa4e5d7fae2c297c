import {
  sendWebhook,
  TwilioSmsProvider,
  type FakeTwilio,
  type MailSink,
  type WebhookReceiver,
} from '@rapport/channels';
import { parseTrackingRequest, startEngineWorkers, type Engine, type IngestMessage } from '@rapport/engine';
import { baselineSms, baselineWebhookBody, MIXED_EVENT } from './bench-journey';
import { CpuSampler, type CpuSplit } from './cpu-sampler';
import { benchUserId } from './seed-bench-workspace';

export type MixedChannel = 'email' | 'sms' | 'webhook';
export const MIXED_CHANNELS: MixedChannel[] = ['email', 'sms', 'webhook'];

/** One channel in the mixed run: seconds from the first ingest until its receiver held N messages. */
export type ChannelArrival = {
  channel: MixedChannel;
  seconds: number;
  received: number;
  distinct: number;
  /** Delivery rows of this channel marked sent, and per-message row -> sent latency. */
  deliveriesSent: number;
  sendLatency: { p50: number; p95: number };
};

export type MixedScenarioResult = {
  customers: number;
  ingestSeconds: number;
  /** Until the last of the three channels was complete. */
  seconds: number;
  channels: ChannelArrival[];
  /** Steps: from the first ingest until the last delivery row was written. */
  lastStepped: number;
  webhooksVerified: number;
  cpu: CpuSplit;
};

export type MixedScenarioInput = {
  engine: Engine;
  sink: MailSink;
  twilio: FakeTwilio;
  receiver: WebhookReceiver;
  workspaceId: string;
  customers: number;
  batchSize: number;
  concurrency: number;
  timeoutMs: number;
};

const mixedBatch = (from: number, size: number) => ({
  batch: Array.from({ length: size }, (_, i) => ({
    type: 'track',
    userId: benchUserId(from + i),
    messageId: `bench-mixed-${from + i}`,
    event: MIXED_EVENT,
    properties: { orderId: `B-${from + i}`, total: 42 },
  })),
});

const GRACE_MS = 500;

/**
 * event -> send-email -> send-sms -> call-webhook -> exit for N customers, ingest and an in-process worker sharing
 * one loop as in the pipelined run. Each channel's clock stops when its receiver (mail sink, fake Twilio, webhook
 * receiver) holds N messages; the three channels share the send queue and its concurrency.
 */
export const runMixedScenario = async (input: MixedScenarioInput): Promise<MixedScenarioResult> => {
  const { engine, sink, twilio, receiver, workspaceId, customers, batchSize } = input;
  const batches: IngestMessage[][] = [];
  for (let from = 0; from < customers; from += batchSize) {
    batches.push(parseTrackingRequest('batch', mixedBatch(from, Math.min(batchSize, customers - from))));
  }
  sink.clear();
  twilio.clear();
  receiver.clear();
  const workers = startEngineWorkers(engine, { concurrency: input.concurrency });
  try {
    const sampler = new CpuSampler();
    sampler.start();
    const startedAt = new Date();
    const started = performance.now();
    const since = () => (performance.now() - started) / 1000;
    const arrivals: Record<MixedChannel, Promise<number>> = {
      email: sink.waitForCount(customers, { timeoutMs: input.timeoutMs }).then(since),
      sms: twilio.waitForCount(customers, { timeoutMs: input.timeoutMs }).then(since),
      webhook: receiver.waitForCount(customers, { timeoutMs: input.timeoutMs }).then(since),
    };
    const all = Promise.all(MIXED_CHANNELS.map((channel) => arrivals[channel]));
    all.catch(() => undefined); // awaited below; keeps a timeout during ingest from going unhandled
    for (const batch of batches) await engine.tracking.ingest(workspaceId, batch);
    const ingestSeconds = since();
    const done = await all;
    const seconds = since();
    const cpu = sampler.stop();
    await new Promise((resolve) => setTimeout(resolve, GRACE_MS)); // a late duplicate is still caught

    const rows: {
      channel: MixedChannel;
      sent: number;
      p50: number;
      p95: number;
      last_stepped: number;
    }[] = await engine.db.query(
      `SELECT d.channel,
              COUNT(*) FILTER (WHERE d.status = 'sent')::int AS sent,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM d.sent_at - d.created_at))::float8 AS p50,
              percentile_cont(0.95) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM d.sent_at - d.created_at))::float8 AS p95,
              EXTRACT(EPOCH FROM MAX(d.created_at) - $2::timestamptz)::float8 AS last_stepped
         FROM deliveries d
         JOIN enrollments e ON e.id = d.enrollment_id
         JOIN events ev ON ev.id = e.trigger_event_id
        WHERE d.workspace_id = $1 AND ev.name = $3
        GROUP BY d.channel`,
      [workspaceId, startedAt, MIXED_EVENT],
    );
    const row = (channel: MixedChannel) => rows.find((r) => r.channel === channel);
    const mails = sink.messages();
    const texts = twilio.messages();
    const hooks = receiver.requests();
    const counts: Record<MixedChannel, { received: number; distinct: number }> = {
      email: { received: mails.length, distinct: new Set(mails.map((m) => m.messageId)).size },
      // The provider's idempotency token is the delivery id; one number per customer.
      sms: {
        received: texts.length,
        distinct: Math.min(new Set(texts.map((t) => t.idempotencyToken)).size, new Set(texts.map((t) => t.to)).size),
      },
      webhook: { received: hooks.length, distinct: new Set(hooks.map((h) => h.headers['webhook-id'])).size },
    };
    const times = (channel: MixedChannel) => done[MIXED_CHANNELS.indexOf(channel)] ?? Number.NaN;
    return {
      customers,
      ingestSeconds,
      seconds,
      lastStepped: Math.max(...rows.map((r) => r.last_stepped)),
      webhooksVerified: hooks.filter((h) => h.verification?.ok).length,
      cpu,
      channels: MIXED_CHANNELS.map((channel) => ({
        channel,
        seconds: times(channel),
        ...counts[channel],
        deliveriesSent: row(channel)?.sent ?? 0,
        sendLatency: { p50: row(channel)?.p50 ?? Number.NaN, p95: row(channel)?.p95 ?? Number.NaN },
      })),
    };
  } finally {
    await workers.close();
  }
};

export type BareLoopResult = {
  seconds: number;
  received: number;
  distinct: number;
  /** Webhooks only: requests whose signature the receiver verified. */
  verified?: number;
  cpu: CpuSplit;
};

/** `count` jobs through at most `concurrency` in flight, like a BullMQ worker's concurrency. */
const pool = async (count: number, concurrency: number, job: (n: number) => Promise<unknown>): Promise<void> => {
  let next = 0;
  const lane = async () => {
    while (next < count) await job(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
};

/** The SMS ceiling: the engine's provider adapter posting to the same fake, as many in flight as the send queue. */
export const runBareSmsLoop = async (
  twilio: FakeTwilio,
  smsUrl: string,
  count: number,
  concurrency: number,
): Promise<BareLoopResult> => {
  twilio.clear();
  const provider = new TwilioSmsProvider({ url: smsUrl });
  const sampler = new CpuSampler();
  sampler.start();
  const started = performance.now();
  await pool(count, concurrency, (n) => provider.send(baselineSms(n)));
  await twilio.waitForCount(count, { timeoutMs: 30_000 });
  const seconds = (performance.now() - started) / 1000;
  const cpu = sampler.stop();
  const texts = twilio.messages();
  twilio.clear();
  return { seconds, received: texts.length, distinct: new Set(texts.map((t) => t.idempotencyToken)).size, cpu };
};

/**
 * The webhook ceiling: `sendWebhook` (signing, address guard, one connection per call) to the same receiver, which
 * verifies the signature as it does for the engine's calls.
 */
export const runBareWebhookLoop = async (
  receiver: WebhookReceiver,
  target: { url: string; secret: string },
  count: number,
  concurrency: number,
): Promise<BareLoopResult> => {
  receiver.clear();
  const { url, secret } = target;
  const sampler = new CpuSampler();
  sampler.start();
  const started = performance.now();
  await pool(count, concurrency, (n) => {
    const now = new Date();
    return sendWebhook({
      url,
      body: baselineWebhookBody(n, now),
      id: `baseline-webhook-${n}`,
      secret,
      now,
      timeoutMs: 10_000,
      allowPrivate: true,
    });
  });
  await receiver.waitForCount(count, { timeoutMs: 30_000 });
  const seconds = (performance.now() - started) / 1000;
  const cpu = sampler.stop();
  const hooks = receiver.requests();
  receiver.clear();
  return {
    seconds,
    received: hooks.length,
    verified: hooks.filter((h) => h.verification?.ok).length,
    distinct: new Set(hooks.map((h) => h.headers['webhook-id'])).size,
    cpu,
  };
};
