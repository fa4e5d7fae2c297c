import { nodeKinds, validateJourney, type JourneyDocument, type NodeKind } from '@rapport/journey';
import { JourneyRepository, TemplateRepository, WorkspaceRepository } from '@rapport/persistence';
import { parseTrackingRequest, type Engine } from '@rapport/engine';
import { benchJourney, benchPhone, benchTemplate, mixedJourney } from './bench-journey';

const SEED_BATCH = 500;

export const benchUserId = (n: number): string => `bench-${n}`;

/**
 * Not timed: one workspace, the bench template, the published journey, and `customers` identified customers,
 * created through the same tracking path the API uses.
 */
export const seedBenchWorkspace = async (engine: Engine, customers: number): Promise<{ workspaceId: string }> => {
  const now = await engine.clock.now();
  const workspace = await new WorkspaceRepository(engine.db).create({
    name: 'Bench Shop',
    writeKey: `bench-write-${now.getTime()}`,
    apiKey: `bench-api-${now.getTime()}`,
    emailFrom: 'Bench Shop <shop@bench.test>',
    now,
  });
  await new TemplateRepository(engine.db.manager).save(workspace.id, benchTemplate, now);

  await publishJourney(engine, workspace.id, benchJourney, now);

  for (let start = 0; start < customers; start += SEED_BATCH) {
    const batch = Array.from({ length: Math.min(SEED_BATCH, customers - start) }, (_, i) => ({
      type: 'identify',
      userId: benchUserId(start + i),
      traits: {
        email: `customer-${start + i}@bench.test`,
        phone: benchPhone(start + i),
        firstName: 'Ada',
        plan: 'gold',
      },
    }));
    await engine.tracking.ingest(workspace.id, parseTrackingRequest('batch', { batch }));
  }
  return { workspaceId: workspace.id };
};

const publishJourney = async (engine: Engine, workspaceId: string, document: JourneyDocument, now: Date) => {
  const problems = validateJourney(document, { templates: new Set([benchTemplate.key]) });
  if (problems.length > 0) throw new Error(`bench journey "${document.name}" is invalid: ${JSON.stringify(problems)}`);
  const triggerKeys = document.nodes.flatMap((node) => {
    const trigger = nodeKinds[node.kind as NodeKind].trigger;
    return trigger ? trigger.keys(node.config as never) : [];
  });
  await engine.db.transaction(async (manager) => {
    const journeys = new JourneyRepository(manager);
    const draft = await journeys.create(workspaceId, document, now);
    const locked = await journeys.lockById(workspaceId, draft.id);
    if (!locked) throw new Error('the bench journey vanished before publishing');
    await journeys.insertVersion(locked, document, triggerKeys, now);
  });
};

/**
 * Not timed: lets the workspace text its customers and call a loopback webhook (consent granted by default,
 * private webhook targets allowed); returns the workspace's webhook signing secret, for the receiver to verify with.
 */
export const allowMixedChannels = async (engine: Engine, workspaceId: string): Promise<{ webhookSecret: string }> => {
  await engine.db.query('UPDATE workspaces SET delivery_rules = $2::jsonb WHERE id = $1', [
    workspaceId,
    JSON.stringify({ allowPrivateWebhooks: true, consentDefaults: { email: 'granted', sms: 'granted' } }),
  ]);
  const [row] = await engine.db.query('SELECT webhook_secret FROM workspaces WHERE id = $1', [workspaceId]);
  return { webhookSecret: row.webhook_secret };
};

/** Not timed: publishes event -> email -> SMS -> webhook (to `webhookUrl`) -> exit on `Bench Mixed`. */
export const publishMixedJourney = async (engine: Engine, workspaceId: string, webhookUrl: string): Promise<void> =>
  publishJourney(engine, workspaceId, mixedJourney(webhookUrl), await engine.clock.now());
