export type BenchArgs = {
  /** Customers driven through the journey, one mail each; also the baseline's mail count. */
  customers: number;
  /** BullMQ concurrency per queue; null keeps the engine's WORKER_CONCURRENCY. */
  concurrency: number | null;
  /** Track events per `ingest` call, as one `/v1/batch` request would carry them. */
  batchSize: number;
  /** Customers in the mixed-channel run (one email, one SMS, one webhook each); at most `customers`. */
  mixed: number;
};

const USAGE = 'usage: npm run bench -- [--customers N] [--concurrency C] [--batch B] [--mixed M]';

const positiveInt = (flag: string, raw: string | undefined): number => {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${flag} needs a positive integer, got "${raw}"\n${USAGE}`);
  return value;
};

export const parseBenchArgs = (argv: string[]): BenchArgs => {
  const args: BenchArgs = { customers: 2000, concurrency: null, batchSize: 100, mixed: 1000 };
  let mixed: number | null = null;
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const [name, inline] = flag?.startsWith('--') && flag.includes('=') ? flag.split('=', 2) : [flag, undefined];
    const value = () => inline ?? argv[++i];
    if (name === '--customers') args.customers = positiveInt(name, value());
    else if (name === '--concurrency') args.concurrency = positiveInt(name, value());
    else if (name === '--batch') args.batchSize = Math.min(positiveInt(name, value()), 2500);
    else if (name === '--mixed') mixed = positiveInt(name, value());
    else throw new Error(`unknown argument "${flag}"\n${USAGE}`);
  }
  // The mixed run reuses the seeded customers, so it cannot have more of them.
  return { ...args, mixed: Math.min(mixed ?? args.mixed, args.customers) };
};
