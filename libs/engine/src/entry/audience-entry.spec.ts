import { journeyDocumentSchema, triggerKeysOf } from '@rapport/journey';
import { CustomerRepository, JourneyRepository, seedPublishedJourney, type TestDatabase } from '@rapport/persistence';
import type { Engine } from '../engine';
import { startTestEngine } from '../testing/test-engine';
import { EntryService } from './entry.service';
import { ProfileChangeService } from './profile-change.service';
import { VersionCache } from '../stepping/version-cache';

const NOW = new Date('2026-09-01T08:00:00Z');

// Audiences are computed by their own module (a later issue); this is the hook it calls when a customer joins one.
describe('audience entry', () => {
  let db: TestDatabase;
  let engine: Engine;
  let sut: ProfileChangeService;
  let workspaceId: string;
  let customerId: string;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    ({ db, engine, stop } = await startTestEngine({ label: 'audience' }));
    const seed = await seedPublishedJourney(db.dataSource, { now: NOW });
    workspaceId = seed.workspaceId;
    customerId = seed.customerId;
    const document = journeyDocumentSchema.parse({
      name: 'Welcome to VIP',
      nodes: [
        { id: 'joined', kind: 'audience-trigger', config: { audience: 'vip' } },
        { id: 'done', kind: 'exit', config: {} },
      ],
      edges: [{ from: 'joined', output: 'next', to: 'done' }],
      settings: { entry: { mode: 'once' } },
    });
    const journeys = new JourneyRepository(db.dataSource.manager);
    const journey = await journeys.create(workspaceId, document, NOW);
    await journeys.insertVersion(journey, document, triggerKeysOf(document), NOW);
    const versions = new VersionCache();
    const entry = new EntryService();
    sut = new ProfileChangeService(versions, entry, engine.scheduler);
    await new CustomerRepository(db.dataSource.manager).upsert(workspaceId, { userId: 'u2' }, {}, NOW);
  });

  afterAll(() => stop?.());

  const enter = (audience: string) =>
    db.dataSource.transaction((manager) =>
      sut.onAudienceEntered(manager, { workspaceId, customerId, audience, now: NOW }),
    );

  it('should enroll the customer once when they join the audience the journey listens to', async () => {
    expect(await enter('newsletter')).toEqual([]);
    expect(await enter('vip')).toHaveLength(1);
    expect(await enter('vip')).toEqual([]);
  });
});
