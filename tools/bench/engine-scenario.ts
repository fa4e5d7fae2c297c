import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { MailSink } from '@rapport/channels';
import { parseTrackingRequest, startEngineWorkers, type Engine, type IngestMessage } from '@rapport/engine';
import { BENCH_EVENT } from './bench-journey';
import type { ScenarioResult } from './baseline-scenario';
import { benchUserId } from './seed-bench-workspace';

export type EngineScenarioResult = ScenarioResult & {
  startedAt: Date;
  /** When the last `ingest` call returned: every event stored, enrolled, and its advance job queued. */
  ingestSeconds: number;
  /** How late the shared event loop ran its 1 ms sampling timer (ingest and workers share it in-process). */
  eventLoopDelayMs: { p50: number; p99: number };
};

export type EngineScenarioInput = {
  engine: Engine;
  sink: MailSink;
  workspaceId: string;
  customers: number;
  batchSize: number;
  concurrency: number;
  timeoutMs: number;
  /** Runs right before the clock starts (the CPU sampler). */
  onStart: () => void;
  /** Runs right after the last mail arrives, while the engine is still up. */
  onDone: () => void;
};

const LOOP_SAMPLE_MS = 1;
// The histogram records the whole gap between samples; the sampling interval itself is not lateness.
const lateness = (nanoseconds: number) => Math.max(0, nanoseconds / 1e6 - LOOP_SAMPLE_MS);

/** One `/v1/batch` body of purchases; `run` keeps message ids apart between runs over the same customers. */
export const trackBatch = (from: number, size: number, run: string) => ({
  batch: Array.from({ length: size }, (_, i) => ({
    type: 'track',
    userId: benchUserId(from + i),
    messageId: `bench-${run}-${from + i}`,
    event: BENCH_EVENT,
    properties: { orderId: `B-${from + i}`, total: 42 },
  })),
});

/**
 * One API client posting `/v1/batch` requests back to back while an in-process worker steps and sends.
 * Batches are parsed before the clock starts: request validation is the API's cost, not the engine's.
 */
export const runEngineScenario = async (input: EngineScenarioInput): Promise<EngineScenarioResult> => {
  const { engine, sink, customers, batchSize } = input;
  const batches: IngestMessage[][] = [];
  for (let from = 0; from < customers; from += batchSize) {
    batches.push(parseTrackingRequest('batch', trackBatch(from, Math.min(batchSize, customers - from), 'pipelined')));
  }
  const workers = startEngineWorkers(engine, { concurrency: input.concurrency });
  try {
    const loopDelay = monitorEventLoopDelay({ resolution: LOOP_SAMPLE_MS });
    loopDelay.enable();
    input.onStart();
    const startedAt = new Date();
    const started = performance.now();
    const arrived = sink.waitForCount(customers, { timeoutMs: input.timeoutMs });
    arrived.catch(() => undefined); // awaited below; this only keeps a timeout during ingest from going unhandled
    for (const batch of batches) await engine.tracking.ingest(input.workspaceId, batch);
    const ingestSeconds = (performance.now() - started) / 1000;
    await arrived;
    const seconds = (performance.now() - started) / 1000;
    input.onDone();
    loopDelay.disable();
    // A short grace period, so a duplicate sent just after the last expected mail is still caught.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const mails = sink.messages();
    return {
      startedAt,
      seconds,
      ingestSeconds,
      eventLoopDelayMs: { p50: lateness(loopDelay.percentile(50)), p99: lateness(loopDelay.percentile(99)) },
      mails: mails.length,
      distinctMessageIds: new Set(mails.map((mail) => mail.messageId)).size,
    };
  } finally {
    await workers.close();
  }
};
