import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { freePort } from './free-port';
import type { Stack } from './stack';

const ROOT = join(__dirname, '../..');

export type EditorServer = { url: string; child: ChildProcess; stop(): Promise<void> };

/** The editor's Vite dev server in a child process, proxying /api to the stack (the browser signs in). */
export const startEditor = async (stack: Stack): Promise<EditorServer> => {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'tests/browser/editor-dev-server.mjs')], {
    cwd: ROOT,
    env: {
      ...process.env,
      EDITOR_PORT: String(port),
      RAPPORT_API_URL: stack.apiUrl,
      VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const started = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`editor dev server did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /ready (\S+)/.exec(output);
      if (ready?.[1]) {
        clearTimeout(timer);
        resolve(ready[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`editor dev server exited with ${code}:\n${output}`)));
  });
  // A server that never said it was ready is still running: end it, or it outlives the test file.
  const url = await started.catch((error: unknown) => {
    child.kill('SIGTERM');
    throw error;
  });
  return {
    url,
    child,
    stop: () =>
      child.exitCode !== null
        ? Promise.resolve()
        : new Promise((resolve) => {
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
  };
};

/** Debian's Chromium (never a downloaded browser), with the flags this machine's closed network needs. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
