import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/**
 * The real API (or a worker) as its own process, started as `npm start` starts it, so HTTP parsing and auth are
 * measured, and the workers' background folding runs as in production.
 */
export class ApiProcess {
  private child: ChildProcess | null = null;
  private output = '';

  constructor(
    private readonly env: Record<string, string>,
    private readonly role: 'api' | 'worker' = 'api',
  ) {}

  /** Starts the process; for the API, resolves once `url`/health answers. */
  async start(url?: string): Promise<void> {
    this.child = spawn(process.execPath, ['-r', '@swc-node/register', `apps/${this.role}/src/main.ts`], {
      cwd: ROOT,
      env: { ...process.env, ...this.env, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-10_000);
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    if (!url) return;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (
        await fetch(`${url}/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        return;
      if (this.child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the API did not start:\n${this.output}`);
  }

  /** What the process printed lately, for failure messages. */
  logs(): string {
    return this.output;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
  }
}
