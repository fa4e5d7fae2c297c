import { randomBytes } from 'node:crypto';
import { MailSink, type MailSinkOptions } from '@rapport/channels';
import { createTestDatabase, WorkspaceRepository, type TestDatabase } from '@rapport/persistence';
import { dropQueueKeys } from '@rapport/engine';
import { freePort } from './free-port';
import { RapportProcess } from './rapport-process';

export type Stack = {
  apiUrl: string;
  writeKey: string;
  apiKey: string;
  db: TestDatabase;
  mail: MailSink;
  api: RapportProcess;
  workers: RapportProcess[];
  env: Record<string, string>;
  startWorker(): Promise<RapportProcess>;
  /** Management API call with the workspace's API key. */
  request(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  /** Tracking API call with the write key as Basic user name, as Segment's libraries send it. */
  track(path: '/v1/track' | '/v1/identify' | '/v1/batch', body: unknown): Promise<{ status: number; body: any }>;
  advanceClock(duration: string): Promise<{ now: string; drained: boolean }>;
  stop(): Promise<void>;
};

const waitForHealth = async (url: string, process: RapportProcess, timeoutMs = 60_000) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(`${url}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`API did not become healthy:\n${process.logs()}`);
};

/**
 * The whole of Rapport for one test file: its own database and queue prefix, a real SMTP sink, and the API and
 * worker as real processes with the test clock on.
 */
export const startStack = async (options: {
  label: string;
  workers?: number;
  clockStart?: string;
  /** More environment for the API and worker processes (an SMS provider URL, ...). */
  env?: Record<string, string>;
  /** Limits of the SMTP sink (a small maximum size makes it refuse big messages, as a real server does). */
  mail?: MailSinkOptions;
}): Promise<Stack> => {
  const db = await createTestDatabase(options.label);
  const writeKey = `wk_${randomBytes(12).toString('hex')}`;
  const apiKey = `sk_${randomBytes(16).toString('hex')}`;
  await new WorkspaceRepository(db.dataSource).create({
    name: 'Test shop',
    writeKey,
    apiKey,
    emailFrom: 'Test Shop <shop@example.com>',
    now: new Date(options.clockStart ?? '2026-06-01T09:00:00Z'),
  });
  await db.dataSource.query('INSERT INTO engine_clock (id, now) VALUES (true, $1)', [
    new Date(options.clockStart ?? '2026-06-01T09:00:00Z'),
  ]);
  const mail = new MailSink(options.mail);
  const { smtpUrl } = await mail.start({ smtpPort: 0, httpPort: null });
  const port = await freePort();
  const env = {
    DATABASE_URL: db.url,
    REDIS_URL: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    RAPPORT_QUEUE_PREFIX: `rt_${options.label}_${randomBytes(4).toString('hex')}`,
    RAPPORT_TEST_CLOCK: '1',
    API_PORT: String(port),
    SMTP_URL: smtpUrl,
    PROMOTER_INTERVAL_MS: '200',
    SWEEPER_INTERVAL_MS: '1000',
    WORKER_CONCURRENCY: '8',
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  const apiUrl = `http://127.0.0.1:${port}`;
  const api = new RapportProcess('api', env).start();
  const workers: RapportProcess[] = [];
  const startWorker = async () => {
    const worker = new RapportProcess('worker', env).start();
    workers.push(worker);
    return worker;
  };
  for (let i = 0; i < (options.workers ?? 1); i += 1) await startWorker();
  try {
    await waitForHealth(apiUrl, api);
  } catch (error) {
    await Promise.all([api.kill(), ...workers.map((worker) => worker.kill())]);
    await mail.stop();
    await db.drop();
    throw error;
  }

  const call = async (method: string, path: string, headers: Record<string, string>, body?: unknown) => {
    const response = await fetch(`${apiUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  const request: Stack['request'] = (method, path, body) =>
    call(method, path, { authorization: `Bearer ${apiKey}` }, body);
  const track: Stack['track'] = (path, body) =>
    call('POST', path, { authorization: `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}` }, body);

  return {
    apiUrl,
    writeKey,
    apiKey,
    db,
    mail,
    api,
    workers,
    env,
    startWorker,
    request,
    track,
    advanceClock: async (duration) => {
      const response = await request('POST', '/api/test-clock', { advance: duration });
      if (response.status !== 200) throw new Error(`clock: ${JSON.stringify(response.body)}`);
      return response.body;
    },
    stop: async () => {
      await Promise.all([api.stop(), ...workers.map((worker) => worker.stop())]);
      await mail.stop();
      await db.drop();
      await dropQueueKeys(env.REDIS_URL, env.RAPPORT_QUEUE_PREFIX);
    },
  };
};
