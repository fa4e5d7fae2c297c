import { randomBytes } from 'node:crypto';
import {
  createTestDatabase,
  createTestWorkspace,
  DatabaseTestClock,
  type TestDatabase,
  type TestWorkspaceFields,
} from '@rapport/persistence';
import { loadConfig } from '../config/engine-config';
import { createEngine, type Engine } from '../engine';
import { dropQueueKeys } from '../queue/queue-keys';

// Test support for the engine's Postgres-backed specs; deliberately not exported from the library's index.

export type TestEngineOptions = {
  /** Names the spec's database and queue prefix (rapport_<label>_…, rt_<label>_…), so a leftover points at its spec. */
  label: string;
  /** Settings on top of the test defaults (the local Postgres and Redis, a fresh queue prefix, silent logs). */
  config?: Record<string, string>;
  role?: 'api' | 'worker';
  /** Runs the engine on the database test clock, set to this time before the engine starts. */
  clockStart?: Date;
};

export type TestEngine = {
  /** The spec's own migrated database, for seeding and for reading what the engine wrote. */
  db: TestDatabase;
  engine: Engine;
  /** Closes the engine, then drops the database and the queue's keys. */
  stop(): Promise<void>;
};

/**
 * Starts an engine on a fresh database and BullMQ prefix, so specs never see each other's rows or jobs.
 * With `workspace`, also creates one workspace (random keys) and returns its id.
 */
export function startTestEngine(
  options: TestEngineOptions & { workspace: TestWorkspaceFields },
): Promise<TestEngine & { workspaceId: string }>;
export function startTestEngine(options: TestEngineOptions): Promise<TestEngine>;
export async function startTestEngine(
  options: TestEngineOptions & { workspace?: TestWorkspaceFields },
): Promise<TestEngine & { workspaceId?: string }> {
  const db = await createTestDatabase(options.label);
  const prefix = `rt_${options.label.replace(/[^a-z0-9]/gi, '_')}_${randomBytes(4).toString('hex')}`;
  let engine: Engine | null = null;
  const stop = async () => {
    await engine?.close();
    await db.drop();
    // Jobs a spec queued and never ran would stay in Redis: removed with the spec's database.
    await dropQueueKeys(engine?.config.REDIS_URL ?? process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379', prefix);
  };
  try {
    if (options.clockStart) await new DatabaseTestClock(db.dataSource).set(options.clockStart);
    engine = await createEngine(
      loadConfig({
        DATABASE_URL: db.url,
        REDIS_URL: process.env['REDIS_URL'],
        RAPPORT_QUEUE_PREFIX: prefix,
        LOG_LEVEL: 'silent',
        ...(options.clockStart ? { RAPPORT_TEST_CLOCK: '1' } : {}),
        ...options.config,
      }),
      { role: options.role ?? 'api' },
    );
    const workspaceId = options.workspace
      ? (await createTestWorkspace(db.dataSource, options.workspace)).id
      : undefined;
    return { db, engine, stop, ...(workspaceId ? { workspaceId } : {}) };
  } catch (error) {
    // A half-started engine would keep the spec's database and connections alive; the setup error is the one to see.
    await stop().catch(() => undefined);
    throw error;
  }
}
