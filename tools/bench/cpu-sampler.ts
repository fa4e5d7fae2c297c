import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds spent while a scenario ran, split by who spent them. */
export type CpuSplit = {
  wallSeconds: number;
  machine: number;
  bench: number;
  postgres: number;
  redis: number;
  other: number;
};

const TICKS_PER_SECOND = 100; // USER_HZ on Linux
const SERVICES = { postgres: 'postgres', redis: 'redis-server' } as const;
type Service = keyof typeof SERVICES;

const readOr = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

// Busy ticks of all cores: everything in the first /proc/stat line except idle and iowait.
const machineTicks = (): number => {
  const fields = (readOr('/proc/stat') ?? '').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
  return fields.reduce((sum, value, index) => (index === 3 || index === 4 ? sum : sum + value), 0);
};

// utime + stime per pid of each service, by command name (Postgres backends included).
const serviceTicks = (): Map<number, { service: Service; ticks: number }> => {
  const found = new Map<number, { service: Service; ticks: number }>();
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return found;
  }
  for (const pid of entries) {
    const stat = readOr(`/proc/${pid}/stat`);
    if (!stat) continue;
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const service = (Object.keys(SERVICES) as Service[]).find((key) => comm === SERVICES[key]);
    if (!service) continue;
    // Fields after the ')' start at field 3 (state); utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    found.set(Number(pid), { service, ticks: Number(fields[11]) + Number(fields[12]) });
  }
  return found;
};

/**
 * Linux only (reads /proc; elsewhere everything but the bench process reads as zero). A process that starts
 * mid-run counts from zero and one that exits mid-run is lost, so take both samples while the engine is up.
 * "other" is whatever else ran on the box, other people's work included.
 */
export class CpuSampler {
  private services = new Map<number, { service: Service; ticks: number }>();
  private machineStart = 0;
  private benchStart = process.cpuUsage();
  private wallStart = 0;

  start(): void {
    this.services = serviceTicks();
    this.machineStart = machineTicks();
    this.benchStart = process.cpuUsage();
    this.wallStart = performance.now();
  }

  stop(): CpuSplit {
    const wallSeconds = (performance.now() - this.wallStart) / 1000;
    const bench = process.cpuUsage(this.benchStart);
    const machine = (machineTicks() - this.machineStart) / TICKS_PER_SECOND;
    const spent: Record<Service, number> = { postgres: 0, redis: 0 };
    for (const [pid, now] of serviceTicks()) {
      spent[now.service] += (now.ticks - (this.services.get(pid)?.ticks ?? 0)) / TICKS_PER_SECOND;
    }
    const benchSeconds = (bench.user + bench.system) / 1e6;
    const other = Math.max(0, machine - benchSeconds - spent.postgres - spent.redis);
    return { wallSeconds, machine, bench: benchSeconds, ...spent, other };
  }
}
