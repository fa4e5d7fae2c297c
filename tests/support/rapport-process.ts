import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

// A test that dies mid-way must not leave API or worker processes behind.
const alive = new Set<ChildProcess>();
process.once('exit', () => alive.forEach((child) => child.kill('SIGKILL')));

/** A real API or worker process, started the way `npm start` and docker start them. */
export class RapportProcess {
  private child: ChildProcess | null = null;
  private output = '';

  constructor(
    readonly role: 'api' | 'worker',
    private readonly env: Record<string, string>,
  ) {}

  start(): this {
    this.child = spawn(process.execPath, ['-r', '@swc-node/register', `apps/${this.role}/src/main.ts`], {
      cwd: ROOT,
      env: { ...process.env, ...this.env, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const child = this.child;
    alive.add(child);
    child.once('exit', () => alive.delete(child));
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    return this;
  }

  /** What the process printed lately, for failure messages. */
  logs(): string {
    return this.output;
  }

  /** SIGKILL: no shutdown hooks, no goodbyes, like a machine losing power. */
  kill(): Promise<void> {
    return this.stop('SIGKILL');
  }

  stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill(signal);
    });
  }
}
