import { journeyDocumentSchema, triggerKeysOf } from '@rapport/journey';
import { JourneyRepository, type TestDatabase } from '@rapport/persistence';
import type { Engine } from '../engine';
import { startTestEngine } from '../testing/test-engine';
import { parseTrackingRequest } from '../tracking/segment.schema';

const NOW = new Date('2026-09-01T08:00:00Z');

describe('anonymous visitors becoming known customers', () => {
  let db: TestDatabase;
  let engine: Engine;
  let workspaceId: string;
  let viewedJourneyId: string;
  let cartJourneyId: string;
  let stop: () => Promise<void>;

  const send = (type: 'identify' | 'track' | 'alias' | 'batch', body: unknown) =>
    engine.tracking.ingest(workspaceId, parseTrackingRequest(type, body));
  const query = <T>(sql: string, params: unknown[] = []): Promise<T[]> => db.dataSource.query(sql, params);
  const customersOf = (ids: string[]) =>
    query<{ id: string; external_id: string | null; anonymous_id: string | null; attributes: Record<string, unknown> }>(
      `SELECT id, external_id, anonymous_id, attributes FROM customers
        WHERE workspace_id = $1 AND (external_id = ANY($2) OR anonymous_id = ANY($2))`,
      [workspaceId, ids],
    );
  const eventsOf = async (customerId: string) =>
    (await query<{ n: string }>('SELECT count(*) AS n FROM events WHERE customer_id = $1', [customerId]))[0]!.n;

  const publish = async (name: string, event: string) => {
    const document = journeyDocumentSchema.parse({
      name,
      nodes: [
        { id: 'start', kind: 'event-trigger', config: { event } },
        { id: 'pause', kind: 'wait-delay', config: { amount: 3, unit: 'days' } },
        { id: 'done', kind: 'exit', config: {} },
      ],
      edges: [
        { from: 'start', output: 'next', to: 'pause' },
        { from: 'pause', output: 'next', to: 'done' },
      ],
      settings: { entry: { mode: 'any-time', maxConcurrent: 1 } },
    });
    const journeys = new JourneyRepository(db.dataSource.manager);
    const journey = await journeys.create(workspaceId, document, NOW);
    await journeys.insertVersion(journey, document, triggerKeysOf(document), NOW);
    return journey.id;
  };

  beforeAll(async () => {
    ({ db, engine, workspaceId, stop } = await startTestEngine({
      label: 'merge',
      workspace: { name: 'Merge shop', now: NOW },
    }));
    viewedJourneyId = await publish('Browse abandonment', 'Product Viewed');
    cartJourneyId = await publish('Cart reminder', 'Cart Viewed');
  });

  afterAll(() => stop?.());

  it('should turn the anonymous profile into the customer when the user id is new', async () => {
    await send('track', { anonymousId: 'anon-new', event: 'Page Viewed', properties: { page: '/' } });
    const [anonymous] = await customersOf(['anon-new']);

    await send('identify', { anonymousId: 'anon-new', userId: 'user-new', traits: { email: 'new@example.com' } });

    const after = await customersOf(['anon-new', 'user-new']);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: anonymous!.id, external_id: 'user-new', anonymous_id: 'anon-new' });
    expect(await eventsOf(anonymous!.id)).toBe('2');
  });

  it('should merge the anonymous profile into the known customer with the known values winning', async () => {
    await send('identify', { userId: 'ana', traits: { tier: 'gold', email: 'ana@example.com' } });
    await send('batch', {
      batch: [
        { type: 'identify', anonymousId: 'phone-1', traits: { tier: 'bronze', favourite: 'mascara' } },
        { type: 'track', anonymousId: 'phone-1', event: 'Product Viewed', properties: { sku: 'M1' } },
        { type: 'track', anonymousId: 'phone-1', event: 'Cart Viewed' },
        { type: 'identify', anonymousId: 'phone-1', traits: { sms_consent: true } },
      ],
    });
    await send('track', { userId: 'ana', event: 'Product Viewed', properties: { sku: 'E1' } });
    const [known] = await customersOf(['ana']);

    await send('track', { userId: 'ana', anonymousId: 'phone-1', event: 'Signed In' });

    const after = await customersOf(['ana', 'phone-1']);
    expect(after).toEqual([expect.objectContaining({ id: known!.id })]);
    expect(after[0]!.attributes).toEqual({ tier: 'gold', favourite: 'mascara' });
    // identify + 2 tracks + identify from the phone, identify + track + sign-in on the known profile.
    expect(await eventsOf(known!.id)).toBe('7');
    const consent = await query<{ channel: string; granted: boolean }>(
      'SELECT channel, granted FROM consents WHERE customer_id = $1',
      [known!.id],
    );
    expect(consent).toEqual([{ channel: 'sms', granted: true }]);
    const passages = await query<{ journey_id: string; status: string }>(
      'SELECT journey_id, status FROM enrollments WHERE customer_id = $1 ORDER BY journey_id, status',
      [known!.id],
    );
    // Both were browsing the same product journey: the phone's passage is closed, the cart one moves over.
    expect(passages).toEqual(
      expect.arrayContaining([
        { journey_id: viewedJourneyId, status: 'active' },
        { journey_id: viewedJourneyId, status: 'exited' },
        { journey_id: cartJourneyId, status: 'active' },
      ]),
    );
    expect(passages).toHaveLength(3);
    const reasons = await query<{ code: string }>(
      `SELECT h.code FROM enrollment_history h JOIN enrollments e ON e.id = h.enrollment_id
        WHERE e.customer_id = $1 AND e.status = 'exited'`,
      [known!.id],
    );
    expect(reasons.map((row) => row.code)).toContain('enrollment.merged');
  });

  it('should land later anonymous events on the known customer through the alias', async () => {
    const [known] = await customersOf(['ana']);
    await send('track', { anonymousId: 'phone-1', event: 'Product Viewed', properties: { sku: 'L1' } });
    expect(await customersOf(['phone-1'])).toEqual([expect.objectContaining({ id: known!.id })]);
    expect(await eventsOf(known!.id)).toBe('8');
  });

  it("should attach with Segment's alias call, alone or inside a batch", async () => {
    await send('track', { anonymousId: 'tablet-1', event: 'Page Viewed' });
    await send('track', { anonymousId: 'laptop-1', event: 'Page Viewed' });
    await send('identify', { userId: 'ben', traits: {} });

    await send('alias', { previousId: 'tablet-1', userId: 'ben' });
    await send('batch', { batch: [{ type: 'alias', previousId: 'laptop-1', userId: 'ben' }] });

    const rows = await customersOf(['ben', 'tablet-1', 'laptop-1']);
    expect(rows).toHaveLength(1);
    expect(await eventsOf(rows[0]!.id)).toBe('3');
  });

  it('should record an alias for a user id never seen, so later anonymous events land on them', async () => {
    await send('alias', { previousId: 'kiosk-1', userId: 'cleo' });
    await send('track', { anonymousId: 'kiosk-1', event: 'Page Viewed' });
    const rows = await customersOf(['cleo', 'kiosk-1']);
    expect(rows).toEqual([expect.objectContaining({ external_id: 'cleo' })]);
    expect(await eventsOf(rows[0]!.id)).toBe('1');
  });

  it('should end with one customer when identifies for the same user arrive at once from many devices', async () => {
    const devices = Array.from({ length: 8 }, (_, i) => `device-${i}`);
    for (const device of devices) await send('track', { anonymousId: device, event: 'Page Viewed' });

    const results = await Promise.allSettled(
      devices.flatMap((device) => [
        send('identify', { userId: 'dana', anonymousId: device, traits: { device } }),
        send('track', { anonymousId: device, event: 'Product Viewed' }),
      ]),
    );

    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    const rows = await customersOf(['dana', ...devices]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.external_id).toBe('dana');
    // 8 page views before, 8 identifies and 8 product views during: every one on Dana.
    expect(await eventsOf(rows[0]!.id)).toBe('24');
  });

  it('should end with one customer when a sign-up races plain identifies of the same new user', async () => {
    await send('track', { anonymousId: 'eve-phone', event: 'Page Viewed' });

    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        i % 2 === 0
          ? send('identify', { userId: 'eve', traits: { plain: i } })
          : send('identify', { userId: 'eve', anonymousId: 'eve-phone', traits: { signup: i } }),
      ),
    );

    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    const rows = await customersOf(['eve', 'eve-phone']);
    expect(rows).toHaveLength(1);
    expect(await eventsOf(rows[0]!.id)).toBe('7');
  });
});
