import { randomBytes } from 'node:crypto';
import { audienceDefinitionSchema, audienceReads, journeyDocumentSchema, triggerKeysOf } from '@rapport/journey';
import {
  AudienceRepository,
  createTestWorkspace,
  JourneyRepository,
  type Audience,
  type TestDatabase,
} from '@rapport/persistence';
import type { Engine } from '../engine';
import { startTestEngine } from '../testing/test-engine';
import { parseTrackingRequest } from '../tracking/segment.schema';

const START = new Date('2026-09-01T08:00:00Z');
const DAY = 86_400_000;

const boughtTwiceIn90Days = {
  history: { event: 'Order Completed', comparison: 'at-least', count: 2, withinDays: 90 },
};

describe('saved audiences', () => {
  let db: TestDatabase;
  let engine: Engine;
  let workspaceId: string;
  let otherWorkspaceId: string;
  let stop: () => Promise<void>;

  const query = <T>(sql: string, params: unknown[] = []): Promise<T[]> => db.dataSource.query(sql, params);
  const setClock = (now: Date) => engine.testClock!.set(now);
  const send = (type: 'identify' | 'track' | 'batch', body: unknown, workspace = workspaceId) =>
    engine.tracking.ingest(workspace, parseTrackingRequest(type, body) as never);
  const order = (userId: string, messageId: string, properties: Record<string, unknown> = {}) =>
    send('track', { userId, messageId, event: 'Order Completed', properties });

  const saveAudience = async (key: string, definition: unknown, workspace = workspaceId): Promise<Audience> => {
    const rule = audienceDefinitionSchema.parse(definition);
    const audience = await new AudienceRepository(db.dataSource.manager).create(
      workspace,
      key,
      { name: key, definition: rule, reads: audienceReads(rule) },
      await engine.clock.now(),
    );
    return audience!;
  };
  const membersOf = async (audience: Audience) =>
    (
      await query<{ external_id: string }>(
        `SELECT c.external_id FROM audience_members m JOIN customers c ON c.id = m.customer_id
          WHERE m.audience_id = $1 ORDER BY c.external_id`,
        [audience.id],
      )
    ).map((row) => row.external_id);
  const publish = async (nodes: unknown[], workspace = workspaceId) => {
    const document = journeyDocumentSchema.parse({
      name: `Journey ${randomBytes(2).toString('hex')}`,
      nodes: [...nodes, { id: 'done', kind: 'exit', config: {} }],
      edges: [{ from: 'start', output: 'next', to: 'done' }],
      settings: { entry: { mode: 'any-time' } },
    });
    const journeys = new JourneyRepository(db.dataSource.manager);
    const journey = await journeys.create(workspace, document, await engine.clock.now());
    const version = await journeys.insertVersion(journey, document, triggerKeysOf(document), await engine.clock.now());
    return { journeyId: journey.id, versionId: version.id };
  };
  const enrolledIn = async (journeyId: string) =>
    (
      await query<{ external_id: string }>(
        `SELECT c.external_id FROM enrollments e JOIN customers c ON c.id = e.customer_id
          WHERE e.journey_id = $1 ORDER BY c.external_id`,
        [journeyId],
      )
    ).map((row) => row.external_id);

  beforeAll(async () => {
    ({ db, engine, workspaceId, stop } = await startTestEngine({
      label: 'audiences',
      clockStart: START,
      workspace: { name: 'Shop', now: START },
    }));
    otherWorkspaceId = (await createTestWorkspace(db.dataSource, { name: 'Other shop', now: START })).id;
  });

  afterAll(() => stop?.());

  it('should enroll a customer in the audience journey on their second order, and drop them once 90 days pass', async () => {
    await setClock(START);
    const audience = await saveAudience('repeat-buyers', boughtTwiceIn90Days);
    const { journeyId } = await publish([
      { id: 'start', kind: 'audience-trigger', config: { audience: 'repeat-buyers' } },
    ]);

    await order('ada', 'ada-1');
    expect(await membersOf(audience)).toEqual([]);
    await setClock(new Date(START.getTime() + DAY));
    await order('ada', 'ada-2');
    expect(await membersOf(audience)).toEqual(['ada']);
    expect(await enrolledIn(journeyId)).toEqual(['ada']);

    // A third order keeps them in: no second entry.
    await order('ada', 'ada-3');
    expect(await enrolledIn(journeyId)).toEqual(['ada']);

    await setClock(new Date(START.getTime() + 92 * DAY));
    expect(await engine.audienceRecompute.recompute(audience)).toEqual({ size: 0, entered: 0, left: 1 });
    expect(await membersOf(audience)).toEqual([]);
  });

  it('should evaluate attribute audiences on identify, including profile fields', async () => {
    await setClock(START);
    const audience = await saveAudience('gold-with-email', {
      all: [
        { attribute: { path: 'tier', operator: 'eq', value: 'gold' } },
        { attribute: { path: 'email', operator: 'exists' } },
      ],
    });

    await send('identify', { userId: 'bea', messageId: 'bea-1', traits: { tier: 'silver', email: 'bea@example.com' } });
    expect(await membersOf(audience)).toEqual([]);
    await send('identify', { userId: 'bea', messageId: 'bea-2', traits: { tier: 'gold' } });
    expect(await membersOf(audience)).toEqual(['bea']);
    await send('identify', { userId: 'bea', messageId: 'bea-3', traits: { tier: 'silver' } });
    expect(await membersOf(audience)).toEqual([]);
  });

  it('should count only the events matching the filters, the same way per customer and in bulk', async () => {
    await setClock(START);
    const definition = {
      history: {
        event: 'Order Completed',
        where: [{ path: 'products.category', operator: 'eq', value: 'mascara' }],
        comparison: 'at-least',
        count: 2,
      },
    };
    const audience = await saveAudience('mascara-fans', definition);
    await order('cleo', 'cleo-1', { products: [{ category: 'mascara' }] });
    await order('cleo', 'cleo-2', { products: [{ category: 'lipstick' }] });
    await order('dan', 'dan-1', { products: [{ category: 'lipstick' }, { category: 'mascara' }] });
    await order('dan', 'dan-2', { products: [{ category: 'mascara' }] });
    expect(await membersOf(audience)).toEqual(['dan']);

    await query('DELETE FROM audience_members WHERE audience_id = $1', [audience.id]);
    expect(await engine.audienceRecompute.recompute(audience)).toMatchObject({ size: 1, entered: 1 });
    expect(await membersOf(audience)).toEqual(['dan']);
    expect(await engine.audienceRecompute.preview(workspaceId, audienceDefinitionSchema.parse(definition))).toEqual({
      size: 1,
      sample: [expect.objectContaining({ externalId: 'dan' })],
    });
  });

  it('should recompute thousands of customers page by page and enroll each newcomer once', async () => {
    await setClock(START);
    const bulk = (await saveAudience('bulk-buyers', boughtTwiceIn90Days, otherWorkspaceId))!;
    const { journeyId } = await publish(
      [{ id: 'start', kind: 'audience-trigger', config: { audience: 'bulk-buyers' } }],
      otherWorkspaceId,
    );
    // Customer n has n % 4 orders, 10, 20 and 30 days old: half of 2,500 have at least 2 in 90 days.
    await query(
      `INSERT INTO customers (workspace_id, external_id, attributes, created_at, updated_at)
       SELECT $1, 'bulk-' || lpad(g::text, 4, '0'), jsonb_build_object('n', g), $2, $2 FROM generate_series(1, 2500) g`,
      [otherWorkspaceId, START],
    );
    await query(
      `INSERT INTO events (workspace_id, customer_id, message_id, type, name, properties, occurred_at, received_at)
       SELECT c.workspace_id, c.id, c.external_id || '-' || k, 'track', 'Order Completed', '{}',
              $2::timestamptz - k * interval '10 days', $2
         FROM customers c, generate_series(1, 3) k
        WHERE c.workspace_id = $1 AND k <= (c.attributes->>'n')::int % 4`,
      [otherWorkspaceId, START],
    );

    expect(await engine.audienceRecompute.recompute(bulk)).toEqual({ size: 1250, entered: 1250, left: 0 });
    expect(await enrolledIn(journeyId)).toHaveLength(1250);
    expect(await engine.audienceRecompute.recompute(bulk)).toEqual({ size: 1250, entered: 0, left: 0 });
    expect(await enrolledIn(journeyId)).toHaveLength(1250);

    // 65 days on, the two most recent orders are 75 and 85 days old; 75 days on, only one is inside 90 days.
    await setClock(new Date(START.getTime() + 65 * DAY));
    expect(await engine.audienceRecompute.recompute(bulk)).toEqual({ size: 1250, entered: 0, left: 0 });
    await setClock(new Date(START.getTime() + 75 * DAY));
    expect(await engine.audienceRecompute.recompute(bulk)).toEqual({ size: 0, entered: 0, left: 1250 });
    // The other workspace's audiences are untouched by this one's customers.
    expect(await new AudienceRepository(db.dataSource.manager).keys(otherWorkspaceId)).toEqual(
      new Set(['bulk-buyers']),
    );
    // 2,500 customers, 1,250 enrollments and four passes: seconds on a busy two-core machine.
  }, 60_000);

  it('should recompute on schedule only the audiences whose interval has passed', async () => {
    await setClock(new Date(START.getTime() + 200 * DAY));
    const audiences = new AudienceRepository(db.dataSource.manager);
    const stale = await engine.audienceRecompute.recomputeStale(DAY);
    expect(stale).toBeGreaterThan(0);
    expect(await engine.audienceRecompute.recomputeStale(DAY)).toBe(0);

    await setClock(new Date(START.getTime() + 201 * DAY + 1));
    expect(await engine.audienceRecompute.recomputeStale(DAY)).toBe(stale);
    const all = await audiences.all(workspaceId);
    expect(all.every((audience) => audience.recomputedAt?.getTime() === START.getTime() + 201 * DAY + 1)).toBe(true);
  });

  it('should enter only members of a saved audience when its schedule fires', async () => {
    await setClock(new Date('2026-06-03T12:00:00Z')); // a Wednesday
    const audience = await saveAudience('newsletter', {
      attribute: { path: 'newsletter', operator: 'eq', value: true },
    });
    await send('identify', { userId: 'eve', messageId: 'eve-1', traits: { newsletter: true, timezone: 'UTC' } });
    await send('identify', { userId: 'finn', messageId: 'finn-1', traits: { newsletter: false, timezone: 'UTC' } });
    const { journeyId, versionId } = await publish([
      {
        id: 'start',
        kind: 'schedule-trigger',
        config: { audience: 'newsletter', schedule: { kind: 'weekly', days: [1], time: '09:00' } },
      },
    ]);
    await engine.scheduler.rebuildForVersion(versionId);
    // Joins after publish: gets a fire time when entering the audience.
    await send('identify', { userId: 'gus', messageId: 'gus-1', traits: { newsletter: true, timezone: 'UTC' } });
    expect(await membersOf(audience)).toEqual(['eve', 'gus']);

    await setClock(new Date('2026-06-08T09:00:00Z'));
    await engine.scheduler.fireDue();
    expect(await enrolledIn(journeyId)).toEqual(['eve', 'gus']);
  });
});
