import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { journeyDocumentSchema } from '@rapport/journey';
import { CustomerRepository } from './repositories/customer.repository';
import { JourneyRepository } from './repositories/journey.repository';
import { WorkspaceRepository } from './repositories/workspace.repository';

export type SeededJourney = { workspaceId: string; journeyId: string; versionId: string; customerId: string };

/** Test factory: a workspace with one customer and one published (empty) journey version. */
export const seedPublishedJourney = async (
  db: DataSource,
  options: { now: Date; triggerKeys?: string[] },
): Promise<SeededJourney> => {
  const workspace = await new WorkspaceRepository(db).create({
    name: `Shop ${randomBytes(3).toString('hex')}`,
    writeKey: `wk_${randomBytes(8).toString('hex')}`,
    apiKey: `sk_${randomBytes(8).toString('hex')}`,
    emailFrom: 'shop@example.com',
    now: options.now,
  });
  const journeys = new JourneyRepository(db.manager);
  const draft = journeyDocumentSchema.parse({ name: 'J', nodes: [], edges: [] });
  const journey = await journeys.create(workspace.id, draft, options.now);
  const version = await journeys.insertVersion(journey, draft, options.triggerKeys ?? [], options.now);
  const customer = await new CustomerRepository(db.manager).upsert(workspace.id, { userId: 'u1' }, {}, options.now);
  return { workspaceId: workspace.id, journeyId: journey.id, versionId: version.id, customerId: customer.id };
};
