import type { MailSink } from '@rapport/channels';
import { parseTrackingRequest, startEngineWorkers, type Engine, type IngestMessage } from '@rapport/engine';
import { CpuSampler, type CpuSplit } from './cpu-sampler';
import { trackBatch } from './engine-scenario';

export type StageResult = { stage: 'ingest' | 'step' | 'send'; seconds: number; cpu: CpuSplit };

export type StagedScenarioInput = {
  engine: Engine;
  sink: MailSink;
  workspaceId: string;
  customers: number;
  batchSize: number;
  concurrency: number;
  timeoutMs: number;
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const timedStage = async (stage: StageResult['stage'], work: () => Promise<unknown>): Promise<StageResult> => {
  const sampler = new CpuSampler();
  sampler.start();
  const started = performance.now();
  await work();
  const seconds = (performance.now() - started) / 1000;
  return { stage, seconds, cpu: sampler.stop() };
};

/**
 * The same N events again, one stage at a time, so each stage's capacity shows without the others competing
 * for the two cores: ingest with no worker running, then steps with the send queue paused, then the sends.
 */
export const runStagedScenario = async (input: StagedScenarioInput): Promise<StageResult[]> => {
  const { engine, sink, workspaceId, customers, batchSize } = input;
  const batches: IngestMessage[][] = [];
  for (let from = 0; from < customers; from += batchSize) {
    const size = Math.min(batchSize, customers - from);
    batches.push(parseTrackingRequest('batch', trackBatch(from, size, 'staged')));
  }
  const deadline = Date.now() + input.timeoutMs;
  const [{ before }] = await engine.db.query('SELECT COUNT(*)::int AS before FROM deliveries WHERE workspace_id = $1', [
    workspaceId,
  ]);
  sink.clear();

  const ingest = await timedStage('ingest', async () => {
    for (const batch of batches) await engine.tracking.ingest(workspaceId, batch);
  });

  const sendQueue = engine.queue.queue('send');
  await sendQueue.pause();
  const workers = startEngineWorkers(engine, { concurrency: input.concurrency });
  try {
    const step = await timedStage('step', async () => {
      for (;;) {
        const [{ count }] = await engine.db.query(
          'SELECT COUNT(*)::int AS count FROM deliveries WHERE workspace_id = $1',
          [workspaceId],
        );
        if (count - before >= customers) return;
        if (Date.now() > deadline) throw new Error(`staged step: ${count - before} of ${customers} stepped in time`);
        await pause(25);
      }
    });
    const send = await timedStage('send', async () => {
      await sendQueue.resume();
      await sink.waitForCount(customers, { timeoutMs: Math.max(1000, deadline - Date.now()) });
    });
    return [ingest, step, send];
  } finally {
    await sendQueue.resume();
    await workers.close();
  }
};
