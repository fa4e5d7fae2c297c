import { spawnSync } from 'node:child_process';
import { Client } from 'pg';
import { startEditorSession } from '../support/editor-session';
import type { Stack } from '../support/stack';

/** What this test process started and still runs (Chromium, the editor's dev server, the API), by command line. */
const runningChildren = (): string[] =>
  spawnSync('ps', ['-o', 'args=', '--ppid', String(process.pid)], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('ps '));

/** Connecting to a dropped database fails with Postgres's "database does not exist". */
const connectTo = async (stack: Stack) => {
  const client = new Client({ connectionString: stack.db.url });
  await client.connect();
  await client.end();
};

/**
 * Every browser file starts its world through one session: when it stops, or when its setup fails halfway, no
 * Chromium, dev server, API process or database outlives the file (two cores are shared by every run).
 */
describe('an editor session', () => {
  it('should leave no process or database behind when it stops', async () => {
    const before = runningChildren();
    const sut = await startEditorSession({
      stack: { label: 'session_stop', workers: 0 },
      viewport: { width: 800, height: 600 },
    });
    const started = runningChildren();
    expect(started.some((line) => line.includes('chromium'))).toBe(true);
    expect(started.some((line) => line.includes('editor-dev-server'))).toBe(true);
    expect(started.some((line) => line.includes('apps/api'))).toBe(true);

    await sut.stop();

    expect(runningChildren()).toEqual(before);
    await expect(connectTo(sut.stack)).rejects.toMatchObject({ code: '3D000' });
  }, 90_000);

  it('should stop what had started and rethrow the setup error when the page cannot be opened', async () => {
    const before = runningChildren();
    let stack: Stack | undefined;

    // An invalid locale fails when the page opens: the stack, the editor and Chromium are all up by then.
    const sut = startEditorSession({
      stack: { label: 'session_failed', workers: 0 },
      prepare: async (started) => {
        stack = started;
      },
      viewport: { width: 800, height: 600 },
      locale: 'not a locale!',
    });

    await expect(sut).rejects.toThrow('Invalid locale name');
    expect(runningChildren()).toEqual(before);
    expect(stack).toBeDefined();
    await expect(connectTo(stack as Stack)).rejects.toMatchObject({ code: '3D000' });
  }, 90_000);
});
