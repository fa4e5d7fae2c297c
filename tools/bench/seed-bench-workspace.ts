import { nodeKinds, validateJourney, type NodeKind } from '@rapport/journey';
import { JourneyRepository, TemplateRepository, WorkspaceRepository } from '@rapport/persistence';
import { parseTrackingRequest, type Engine } from '@rapport/engine';
import { benchJourney, benchTemplate } from './bench-journey';

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

  const problems = validateJourney(benchJourney, { templates: new Set([benchTemplate.key]) });
  if (problems.length > 0) throw new Error(`bench journey is invalid: ${JSON.stringify(problems)}`);
  const triggerKeys = benchJourney.nodes.flatMap((node) => {
    const trigger = nodeKinds[node.kind as NodeKind].trigger;
    return trigger ? trigger.keys(node.config as never) : [];
  });
  await engine.db.transaction(async (manager) => {
    const journeys = new JourneyRepository(manager);
    const draft = await journeys.create(workspace.id, benchJourney, now);
    const locked = await journeys.lockById(workspace.id, draft.id);
    if (!locked) throw new Error('the bench journey vanished before publishing');
    await journeys.insertVersion(locked, benchJourney, triggerKeys, now);
  });

  for (let start = 0; start < customers; start += SEED_BATCH) {
    const batch = Array.from({ length: Math.min(SEED_BATCH, customers - start) }, (_, i) => ({
      type: 'identify',
      userId: benchUserId(start + i),
      traits: { email: `customer-${start + i}@bench.test`, firstName: 'Ada', plan: 'gold' },
    }));
    await engine.tracking.ingest(workspace.id, parseTrackingRequest('batch', { batch }));
  }
  return { workspaceId: workspace.id };
};
