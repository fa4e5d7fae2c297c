import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { journeyDocumentSchema } from '@rapport/journey';
import type { WorkspaceEntity } from './entities';
import { CustomerRepository } from './repositories/customer.repository';
import { JourneyRepository } from './repositories/journey.repository';
import { WorkspaceRepository, type NewWorkspace } from './repositories/workspace.repository';

export type SeededJourney = { workspaceId: string; journeyId: string; versionId: string; customerId: string };

/** What a test may pin about its workspace; everything else gets a default. */
export type TestWorkspaceFields = Partial<Omit<NewWorkspace, 'now'>> & { now: Date };

/**
 * Test factory: a workspace with fresh random keys (so two workspaces in one database never collide on a key hash),
 * a random shop name unless the test names it, and `shop@example.com` as its sender.
 */
export const createTestWorkspace = (db: DataSource, fields: TestWorkspaceFields): Promise<WorkspaceEntity> =>
  new WorkspaceRepository(db).create({
    name: `Shop ${randomBytes(3).toString('hex')}`,
    writeKey: `wk_${randomBytes(8).toString('hex')}`,
    apiKey: `sk_${randomBytes(8).toString('hex')}`,
    emailFrom: 'shop@example.com',
    ...fields,
  });

/** Test factory: a workspace with one customer and one published (empty) journey version. */
export const seedPublishedJourney = async (
  db: DataSource,
  options: { now: Date; triggerKeys?: string[] },
): Promise<SeededJourney> => {
  const workspace = await createTestWorkspace(db, { now: options.now });
  const journeys = new JourneyRepository(db.manager);
  const draft = journeyDocumentSchema.parse({ name: 'J', nodes: [], edges: [] });
  const journey = await journeys.create(workspace.id, draft, options.now);
  const version = await journeys.insertVersion(journey, draft, options.triggerKeys ?? [], options.now);
  const customer = await new CustomerRepository(db.manager).upsert(workspace.id, { userId: 'u1' }, {}, options.now);
  return { workspaceId: workspace.id, journeyId: journey.id, versionId: version.id, customerId: customer.id };
};
