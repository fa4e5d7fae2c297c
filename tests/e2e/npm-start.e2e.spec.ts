import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@rapport/persistence';
import { freePort } from '../support/free-port';

const ROOT = join(__dirname, '../..');

const waitFor = async (check: () => Promise<boolean>, what: string, logs: () => string, timeoutMs = 45_000) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} did not come up:\n${logs()}`);
};

// The dev stack behind `npm start` (scripts/start.sh only adds dependency and service checks in front of it).
describe('npm start dev stack', () => {
  let db: TestDatabase;
  let child: ChildProcess;
  let output = '';
  const keys = { write: `wk_${randomBytes(8).toString('hex')}`, api: `sk_${randomBytes(8).toString('hex')}` };
  const demoPassword = `pw_${randomBytes(8).toString('hex')}`;
  const ports = { api: 0, editor: 0, smtp: 0, viewer: 0 };

  beforeAll(async () => {
    db = await createTestDatabase('start');
    // An empty database: the dev stack must migrate and seed it itself.
    await db.dataSource.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    ports.api = await freePort();
    ports.editor = await freePort();
    ports.smtp = await freePort();
    ports.viewer = await freePort();
    child = spawn(process.execPath, ['-r', '@swc-node/register', 'tools/dev-stack.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json'),
        DATABASE_URL: db.url,
        RAPPORT_QUEUE_PREFIX: `rt_start_${randomBytes(4).toString('hex')}`,
        RAPPORT_TEST_CLOCK: '1',
        RAPPORT_DEMO_WRITE_KEY: keys.write,
        RAPPORT_DEMO_API_KEY: keys.api,
        RAPPORT_DEMO_PASSWORD: demoPassword,
        API_PORT: String(ports.api),
        EDITOR_PORT: String(ports.editor),
        MAIL_SMTP_PORT: String(ports.smtp),
        MAIL_VIEWER_PORT: String(ports.viewer),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const logs = () => output;
    await waitFor(async () => (await fetch(`http://127.0.0.1:${ports.api}/health`)).ok, 'API', logs);
    await waitFor(async () => (await fetch(`http://127.0.0.1:${ports.editor}/`)).ok, 'editor', logs);
  });

  afterAll(async () => {
    if (child && child.exitCode === null) {
      await new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    await db?.drop();
  });

  it('should print the URLs, the demo keys and the editor login when it starts', () => {
    expect(output).toContain(`http://127.0.0.1:${ports.api}`);
    expect(output).toContain(`http://127.0.0.1:${ports.editor}`);
    expect(output).toContain(keys.write);
    expect(output).toContain(keys.api);
    expect(output).toContain(`marketer@rapport.local / ${demoPassword}`);
  });

  it('should serve the seeded demo journey to the editor through its proxy once the marketer signs in', async () => {
    const editorApi = `http://127.0.0.1:${ports.editor}/api`;
    // The proxy adds no key: without a session the API refuses.
    expect((await fetch(`${editorApi}/journeys`)).status).toBe(401);
    const signedIn = await fetch(`${editorApi}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'marketer@rapport.local', password: demoPassword }),
    });
    expect(signedIn.status).toBe(200);
    expect((await signedIn.json()).role).toBe('marketer');
    const cookie = signedIn.headers.getSetCookie()[0]?.split(';')[0] ?? '';

    const response = await fetch(`${editorApi}/journeys`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect((await response.json()).journeys).toEqual([
      expect.objectContaining({ name: 'Thank you for a big order', status: 'live', latestVersion: 1 }),
    ]);
  });

  it('should show the thank-you email in the mail viewer when a demo customer orders', async () => {
    const tracked = await fetch(`http://127.0.0.1:${ports.api}/v1/track`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${keys.write}:`).toString('base64')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ userId: 'demo-ada', event: 'Order Completed', properties: { total: 80 } }),
    });
    expect(tracked.status).toBe(200);

    const moved = await fetch(`http://127.0.0.1:${ports.api}/api/test-clock`, {
      method: 'POST',
      headers: { authorization: `Bearer ${keys.api}`, 'content-type': 'application/json' },
      body: JSON.stringify({ advance: 'P2D' }),
    });
    expect((await moved.json()).drained).toBe(true);

    const mails = await (await fetch(`http://127.0.0.1:${ports.viewer}/api/messages`)).json();
    expect(JSON.stringify(mails)).toContain('Thanks Ada');
  });
});
