import type { CpuSplit } from './cpu-sampler';
import type { BareLoopResult, MixedChannel, MixedScenarioResult } from './mixed-scenario';
import type { StageResult } from './staged-scenario';
import type { StageTimings } from './stage-timings';

export type ScenarioRow = { scenario: string; mails: number; seconds: number };

const perSecond = (row: ScenarioRow) => row.mails / row.seconds;

const table = (header: string[], rows: string[][]): string => {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((width, i) => (i === 0 ? `${'-'.repeat(width + 1)}-` : `${'-'.repeat(width + 1)}:`)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
};

export const formatThroughput = (engine: ScenarioRow, baseline: ScenarioRow): string => {
  const ratio = perSecond(engine) / perSecond(baseline);
  return [
    table(
      ['scenario', 'N', 'seconds', 'sends/s'],
      [engine, baseline].map((row) => [
        row.scenario,
        String(row.mails),
        row.seconds.toFixed(2),
        perSecond(row).toFixed(0),
      ]),
    ),
    '',
    `engine / baseline = ${ratio.toFixed(3)} (the engine reaches ${(ratio * 100).toFixed(1)}% of bare SMTP throughput)`,
  ].join('\n');
};

const s = (value: number) => `${value.toFixed(2)} s`;
const ms = (value: number) => `${(value * 1000).toFixed(0)} ms`;

export const formatStages = (input: {
  customers: number;
  ingestSeconds: number;
  eventLoopDelayMs: { p50: number; p99: number };
  stages: StageTimings;
  transactionsPerMail: number;
  cpu: CpuSplit;
  baselineCpu: CpuSplit;
}): string => {
  const { stages, cpu, baselineCpu } = input;
  const share = (part: number) => `${part.toFixed(1)} s (${((part / cpu.wallSeconds) * 100).toFixed(0)}% of one core)`;
  return [
    'Engine stages (seconds after the first ingest call):',
    `  ingest done        ${s(input.ingestSeconds)}  (${(input.customers / input.ingestSeconds).toFixed(0)} events/s, enrolled + advance jobs queued)`,
    `  last step done     ${s(stages.lastStepped)}  (last delivery row written)`,
    `  last mail sent     ${s(stages.lastSent)}`,
    `  per mail: event -> delivery row p50 ${ms(stages.stepLatency.p50)}, p95 ${ms(stages.stepLatency.p95)}; ` +
      `delivery row -> sent p50 ${ms(stages.sendLatency.p50)}, p95 ${ms(stages.sendLatency.p95)}`,
    `  event-loop lag (ingest and workers share one loop): p50 ${input.eventLoopDelayMs.p50.toFixed(1)} ms, ` +
      `p99 ${input.eventLoopDelayMs.p99.toFixed(1)} ms`,
    `  Postgres transactions per mail: ${input.transactionsPerMail.toFixed(1)} (ingest + step + send, autocommit statements included; both runs)`,
    '',
    `CPU while the engine ran (${s(cpu.wallSeconds)} wall, 2 cores = ${(cpu.wallSeconds * 2).toFixed(1)} s available):`,
    `  bench process (ingest, workers, sink)  ${share(cpu.bench)}`,
    `  Postgres (all its processes)           ${share(cpu.postgres)}`,
    `  Redis                                  ${share(cpu.redis)}`,
    `  everything else on the machine         ${share(cpu.other)}`,
    `  machine busy                           ${share(cpu.machine)}`,
    `CPU while the baseline ran (${s(baselineCpu.wallSeconds)} wall): bench process ${baselineCpu.bench.toFixed(1)} s, ` +
      `machine ${baselineCpu.machine.toFixed(1)} s`,
  ].join('\n');
};

const STAGE_LABELS: Record<StageResult['stage'], string> = {
  ingest: 'ingest alone (store, enroll, queue advance)',
  step: 'step alone (advance jobs -> delivery rows)',
  send: 'send alone (send jobs -> SMTP -> sink)',
};

export const formatStagedRun = (customers: number, stages: StageResult[]): string =>
  [
    'Each stage alone (the same N events again, stages run one after the other; CPU seconds spent during the stage):',
    table(
      ['stage', 'N', 'seconds', 'per s', 'bench CPU', 'Postgres CPU', 'Redis CPU', 'other CPU'],
      stages.map(({ stage, seconds, cpu }) => [
        STAGE_LABELS[stage],
        String(customers),
        seconds.toFixed(2),
        (customers / seconds).toFixed(0),
        cpu.bench.toFixed(1),
        cpu.postgres.toFixed(1),
        cpu.redis.toFixed(1),
        cpu.other.toFixed(1),
      ]),
    ),
  ].join('\n');

const CHANNEL_ROWS: Record<MixedChannel, { engine: string; bare: string }> = {
  email: { engine: 'email: send-email -> SMTP -> mail sink', bare: 'SmtpEmailTransport (8 conns) -> MailSink' },
  sms: { engine: 'SMS: send-sms -> Twilio API -> FakeTwilio', bare: 'TwilioSmsProvider -> FakeTwilio' },
  webhook: { engine: 'webhook: call-webhook -> signed POST -> receiver', bare: 'sendWebhook -> WebhookReceiver' },
};

export type BareLoops = Record<MixedChannel, { count: number; seconds: number }>;

export const formatMixedRun = (
  run: MixedScenarioResult,
  bare: BareLoops,
  bareCpu: { sms: BareLoopResult['cpu']; webhook: BareLoopResult['cpu'] },
  concurrency: number,
  transactionsPerCustomer: number,
): string => {
  const rows = run.channels.map((arrival) => {
    const engineRate = run.customers / arrival.seconds;
    const loop = bare[arrival.channel];
    const bareRate = loop.count / loop.seconds;
    return [
      CHANNEL_ROWS[arrival.channel].engine,
      String(run.customers),
      arrival.seconds.toFixed(2),
      engineRate.toFixed(0),
      `${CHANNEL_ROWS[arrival.channel].bare} (N ${loop.count})`,
      bareRate.toFixed(0),
      (engineRate / bareRate).toFixed(3),
    ];
  });
  const total = run.customers * run.channels.length;
  // The bare loops back to back, N of each: the time one process needs for the same mix without the engine.
  const bareSeconds = run.channels.reduce(
    (sum, c) => sum + (bare[c.channel].seconds / bare[c.channel].count) * run.customers,
    0,
  );
  rows.push([
    'all three channels',
    String(total),
    run.seconds.toFixed(2),
    (total / run.seconds).toFixed(0),
    'the three bare loops back to back, N each',
    (total / bareSeconds).toFixed(0),
    (bareSeconds / run.seconds).toFixed(3),
  ]);
  const share = (part: number) => `${part.toFixed(1)} s (${((part / run.cpu.wallSeconds) * 100).toFixed(0)}%)`;
  return [
    `Mixed channels (event -> email -> SMS -> webhook -> exit; ${run.customers} customers, one send queue at concurrency ` +
      `${concurrency} for all three channels; each channel's clock runs from the first ingest until its receiver holds N):`,
    table(
      ['channel (engine, same run)', 'N', 'seconds', 'sends/s', 'bare loop', 'bare sends/s', 'engine / bare'],
      rows,
    ),
    '',
    `all channels: ${total} sends in ${run.seconds.toFixed(2)} s = ${(total / run.seconds).toFixed(0)} sends/s; ` +
      `ingest done ${s(run.ingestSeconds)}, last delivery row ${s(run.lastStepped)}; ` +
      `Postgres transactions per customer (1 event, 3 sends) ${transactionsPerCustomer.toFixed(1)}`,
    `  per send, delivery row -> sent: ${run.channels
      .map((c) => `${c.channel} p50 ${ms(c.sendLatency.p50)}, p95 ${ms(c.sendLatency.p95)}`)
      .join('; ')}`,
    `  CPU (${s(run.cpu.wallSeconds)} wall): bench process ${share(run.cpu.bench)}, Postgres ${share(run.cpu.postgres)}, ` +
      `Redis ${share(run.cpu.redis)}, other ${share(run.cpu.other)}`,
    `  bare loops at ${concurrency} in flight; CPU: SMS bench process ${bareCpu.sms.bench.toFixed(1)} s in ` +
      `${s(bareCpu.sms.wallSeconds)}, webhook bench process ${bareCpu.webhook.bench.toFixed(1)} s in ${s(bareCpu.webhook.wallSeconds)}`,
  ].join('\n');
};
