import { journeyDocumentSchema, triggerKeysOf } from '@rapport/journey';
import {
  createTestWorkspace,
  CustomerRepository,
  JourneyRepository,
  ValueTierRepository,
  type TestDatabase,
} from '@rapport/persistence';
import type { Engine } from '../engine';
import { startTestEngine } from '../testing/test-engine';
import type { TrackingMessage } from '../tracking/segment.schema';

const NOW = new Date('2026-06-01T09:00:00Z');
const DAY = 86_400_000;

describe('value-tier scoring (Postgres)', () => {
  let db: TestDatabase;
  let engine: Engine;
  let stop: () => Promise<void>;
  let counter = 0;

  const order = (userId: string, daysAgo: number, total: number): TrackingMessage => {
    counter += 1;
    return {
      type: 'track',
      userId,
      event: 'Order Completed',
      messageId: `tier-order-${counter}`,
      timestamp: new Date(NOW.getTime() - daysAgo * DAY).toISOString(),
      properties: { total, products: [{ product_id: `p${counter % 4}`, price: total, quantity: 1 }] },
    };
  };
  const attributesOf = async (workspaceId: string, userId: string) =>
    ((await new CustomerRepository(db.dataSource.manager).findByExternalId(workspaceId, userId))?.attributes ??
      {}) as Record<string, unknown>;

  /** A shop of ten customers from lapsed one-off buyers to a frequent big spender, and a journey on the tier. */
  const newShop = async () => {
    const workspace = await createTestWorkspace(db.dataSource, { now: NOW });
    const messages: TrackingMessage[] = [];
    for (let rank = 0; rank < 10; rank += 1) {
      // Customer c9 ordered 10 times, lately and for more; c0 once, 300 days ago.
      for (let nth = 0; nth <= rank; nth += 1) messages.push(order(`c${rank}`, 300 - rank * 30 + nth, 10 + rank * 20));
    }
    messages.push(order('newbie', 1, 15));
    await engine.tracking.ingest(workspace.id, messages);
    const document = journeyDocumentSchema.parse({
      name: 'Welcome to the most valuable',
      nodes: [
        {
          id: 'became-valuable',
          kind: 'attribute-change-trigger',
          config: { attribute: 'value_tier', to: 'most-valuable' },
        },
        { id: 'done', kind: 'exit', config: {} },
      ],
      edges: [{ from: 'became-valuable', output: 'next', to: 'done' }],
      settings: { entry: { mode: 'any-time', maxConcurrent: null } },
    });
    const journeys = new JourneyRepository(db.dataSource.manager);
    const journey = await journeys.create(workspace.id, document, NOW);
    await journeys.insertVersion(journey, document, triggerKeysOf(document), NOW);
    return { workspaceId: workspace.id, journeyId: journey.id };
  };

  const enrolled = async (journeyId: string): Promise<string[]> =>
    (
      await db.dataSource.query(
        `SELECT c.external_id FROM enrollments e JOIN customers c ON c.id = e.customer_id WHERE e.journey_id = $1
          ORDER BY c.external_id`,
        [journeyId],
      )
    ).map((row: { external_id: string }) => row.external_id);

  beforeAll(async () => {
    // Orders are scored at the engine's time: the day the shop's history below leads up to.
    ({ db, engine, stop } = await startTestEngine({ label: 'value_tiers', clockStart: NOW }));
  });

  afterAll(() => stop?.());

  it('should sort customers into tiers by RFM quintiles and enroll those who became most valuable', async () => {
    const { workspaceId, journeyId } = await newShop();
    expect((await attributesOf(workspaceId, 'c9'))['value_tier']).toBeUndefined();

    const run = await engine.insights.scoreWorkspace(db.dataSource, { workspaceId, now: NOW });

    expect(run).toEqual({ customers: 11, changed: 11 });
    expect(await attributesOf(workspaceId, 'c9')).toMatchObject({
      rfm_recency: 5,
      rfm_frequency: 5,
      rfm_monetary: 5,
      value_tier: 'most-valuable',
    });
    expect(await attributesOf(workspaceId, 'c0')).toMatchObject({ rfm_recency: 1, value_tier: 'other' });
    // Ordered yesterday for the first time: recent, not buying much yet.
    expect(await attributesOf(workspaceId, 'newbie')).toMatchObject({ rfm_recency: 5, value_tier: 'most-growable' });
    const stored = await new ValueTierRepository(db.dataSource.manager).read(workspaceId);
    expect(stored.boundaries).toMatchObject({ customers: 11, frequency: [2, 4, 6, 8] });
    expect(await enrolled(journeyId)).toEqual(['c6', 'c7', 'c8', 'c9']);
  });

  it('should change nothing and enroll nobody again when scoring finds the same tiers', async () => {
    const { workspaceId, journeyId } = await newShop();
    await engine.insights.scoreWorkspace(db.dataSource, { workspaceId, now: NOW });

    const again = await engine.insights.scoreWorkspace(db.dataSource, { workspaceId, now: NOW });

    expect(again).toEqual({ customers: 11, changed: 0 });
    expect(await enrolled(journeyId)).toEqual(['c6', 'c7', 'c8', 'c9']);
  });

  it('should score a new order against the stored boundaries, in the order transaction, and react to the new tier', async () => {
    const { workspaceId, journeyId } = await newShop();
    await engine.insights.scoreWorkspace(db.dataSource, { workspaceId, now: NOW });
    expect((await attributesOf(workspaceId, 'c5'))['value_tier']).not.toBe('most-valuable');

    // c5 buys big, often and now: four orders of 500 today.
    for (let nth = 0; nth < 4; nth += 1) await engine.tracking.ingest(workspaceId, [order('c5', 0, 500)]);

    expect(await attributesOf(workspaceId, 'c5')).toMatchObject({ value_tier: 'most-valuable', rfm_recency: 5 });
    expect(await enrolled(journeyId)).toEqual(['c5', 'c6', 'c7', 'c8', 'c9']);
  });

  it('should score one customer on demand, first computing boundaries the workspace does not have yet', async () => {
    const { workspaceId } = await newShop();
    const c9 = await new CustomerRepository(db.dataSource.manager).findByExternalId(workspaceId, 'c9');

    const scored = await engine.insights.scoreOne(db.dataSource, { workspaceId, customerId: c9!.id, now: NOW });

    expect(scored?.attributes).toMatchObject({ value_tier: 'most-valuable' });
    expect((await new ValueTierRepository(db.dataSource.manager).read(workspaceId)).boundaries).not.toBeNull();
    // Only the one customer was scored.
    expect((await attributesOf(workspaceId, 'c8'))['value_tier']).toBeUndefined();
  });

  it('should follow the marketer’s rules and score each workspace once per interval, whatever number of workers ask', async () => {
    const { workspaceId } = await newShop();
    await new ValueTierRepository(db.dataSource.manager).saveRules(workspaceId, {
      rules: [{ tier: 'loyal', frequency: { min: 4 } }],
      otherTier: 'occasional',
      rescoreEveryHours: 6,
    });
    // Other workspaces of this database are due too; they are scored alongside.
    const [first, second] = await Promise.all([
      engine.insights.scoreDue(db.dataSource, NOW),
      engine.insights.scoreDue(db.dataSource, NOW),
    ]);
    const stored = await new ValueTierRepository(db.dataSource.manager).read(workspaceId);
    expect(stored.scoredAt).toEqual(NOW);
    expect(stored.nextScoringAt).toEqual(new Date(NOW.getTime() + 6 * 3_600_000));
    expect(await attributesOf(workspaceId, 'c9')).toMatchObject({ value_tier: 'loyal' });
    expect(await attributesOf(workspaceId, 'c0')).toMatchObject({ value_tier: 'occasional' });
    const workspaces = Number((await db.dataSource.query('SELECT count(*) FROM workspaces'))[0].count);
    expect(first + second).toBe(workspaces);

    expect(await engine.insights.scoreDue(db.dataSource, new Date(NOW.getTime() + 5 * 3_600_000))).toBe(0);
    const later = new Date(NOW.getTime() + 6 * 3_600_000);
    expect(await engine.insights.scoreDue(db.dataSource, later)).toBeGreaterThanOrEqual(1);
    expect((await new ValueTierRepository(db.dataSource.manager).read(workspaceId)).scoredAt).toEqual(later);
  });
});
