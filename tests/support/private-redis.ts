import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import { freePort } from './free-port';

// A test that dies mid-way must not leave a Redis behind.
const alive = new Set<ChildProcess>();
process.once('exit', () => alive.forEach((child) => child.kill('SIGKILL')));

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One PING over a raw socket: true when a Redis answers PONG on the port. */
const ping = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });

/**
 * A Redis of the test's own, on a free port, with nothing on disk: killing it (SIGKILL) loses every queued job,
 * as a crashed Redis without persistence would, and `start()` brings an empty one back on the same port. Never
 * the shared Redis other test files use.
 */
export class PrivateRedis {
  private child: ChildProcess | null = null;
  private output = '';
  port = 0;

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(timeoutMs = 10_000): Promise<this> {
    if (this.child) throw new Error('PrivateRedis already running');
    if (this.port === 0) this.port = await freePort();
    const deadline = Date.now() + timeoutMs;
    // The port of a just-killed server can take a moment to be free again: retry the spawn until one answers.
    while (Date.now() < deadline) {
      const child = spawn(
        'redis-server',
        ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      alive.add(child);
      const keep = (chunk: Buffer) => {
        this.output = (this.output + chunk.toString()).slice(-5_000);
      };
      child.stdout?.on('data', keep);
      child.stderr?.on('data', keep);
      let exited = false;
      child.once('exit', () => {
        exited = true;
        alive.delete(child);
      });
      while (!exited && Date.now() < deadline) {
        if (await ping(this.port)) {
          this.child = child;
          return this;
        }
        await pause(50);
      }
      if (!exited) child.kill('SIGKILL');
      await pause(200);
    }
    throw new Error(`redis-server did not start on port ${this.port}:\n${this.output}`);
  }

  /** SIGKILL: every job in it is gone. Resolves once the process has exited. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  /** Kill it and start an empty one on the same port, after `downMs` without any Redis. */
  async restart(downMs = 0): Promise<void> {
    await this.kill();
    if (downMs > 0) await pause(downMs);
    await this.start();
  }

  stop(): Promise<void> {
    return this.kill();
  }
}
