import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { journeyDocumentSchema, triggerKeysOf } from '@rapport/journey';
import { generateKey, JourneyRepository, TemplateRepository, WorkspaceRepository } from '@rapport/persistence';
import { parseTrackingRequest, type Engine } from '@rapport/engine';

const ROOT = join(__dirname, '..');
const KEYS_FILE = join(ROOT, '.rapport/demo-keys.json');
const DEMO_NAME = 'Demo shop';

export type DemoKeys = { writeKey: string; apiKey: string };

/** Keys from RAPPORT_DEMO_* when set; otherwise generated once and kept in .rapport/ (git-ignored) so they stay put. */
const demoKeys = (env: NodeJS.ProcessEnv): DemoKeys => {
  const given = { writeKey: env['RAPPORT_DEMO_WRITE_KEY'], apiKey: env['RAPPORT_DEMO_API_KEY'] };
  if (given.writeKey && given.apiKey) return { writeKey: given.writeKey, apiKey: given.apiKey };
  const saved: Partial<DemoKeys> = existsSync(KEYS_FILE) ? JSON.parse(readFileSync(KEYS_FILE, 'utf8')) : {};
  const keys = {
    writeKey: given.writeKey || saved.writeKey || generateKey('wk'),
    apiKey: given.apiKey || saved.apiKey || generateKey('sk'),
  };
  mkdirSync(join(ROOT, '.rapport'), { recursive: true });
  writeFileSync(KEYS_FILE, JSON.stringify(keys, null, 2), { mode: 0o600 });
  return keys;
};

const SAMPLE_CUSTOMERS = [
  {
    userId: 'demo-ada',
    traits: { email: 'ada@example.com', firstName: 'Ada', timezone: 'Europe/Paris', tier: 'gold' },
  },
  {
    userId: 'demo-lin',
    traits: { email: 'lin@example.com', firstName: 'Lin', timezone: 'Asia/Shanghai', tier: 'silver' },
  },
  { userId: 'demo-sam', traits: { email: 'sam@example.com', firstName: 'Sam', timezone: 'America/New_York' } },
];

/** The demo workspace: sample customers, the thank-you template and the thank-you journey, published. Idempotent. */
export const seedDemo = async (engine: Engine, env: NodeJS.ProcessEnv = process.env): Promise<DemoKeys> => {
  const keys = demoKeys(env);
  const now = await engine.clock.now();
  const workspaces = new WorkspaceRepository(engine.db);
  const existing = await workspaces.findByName(DEMO_NAME);
  if (existing) {
    await workspaces.setKeys(existing.id, keys);
    return keys;
  }
  const workspace = await workspaces.create({
    name: DEMO_NAME,
    ...keys,
    emailFrom: 'Demo Shop <hello@demo-shop.example>',
    now,
  });
  const { key, ...template } = JSON.parse(readFileSync(join(ROOT, 'docs/templates/thank-you.json'), 'utf8'));
  await new TemplateRepository(engine.db.manager).save(workspace.id, { key, ...template }, now);

  const document = journeyDocumentSchema.parse(
    JSON.parse(readFileSync(join(ROOT, 'docs/journeys/thank-you.json'), 'utf8')),
  );
  const journeys = new JourneyRepository(engine.db.manager);
  const journey = await journeys.create(workspace.id, document, now);
  await journeys.insertVersion(journey, document, triggerKeysOf(document), now);

  const messages = SAMPLE_CUSTOMERS.map((customer) => ({
    type: 'identify',
    userId: customer.userId,
    messageId: `seed-${customer.userId}`,
    traits: customer.traits,
  }));
  await engine.tracking.ingest(workspace.id, parseTrackingRequest('batch', { batch: messages }));
  return keys;
};
