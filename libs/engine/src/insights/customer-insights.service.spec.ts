import fc from 'fast-check';
import { createTestWorkspace, CustomerRepository, type TestDatabase } from '@rapport/persistence';
import type { Engine } from '../engine';
import { startTestEngine } from '../testing/test-engine';
import type { TrackingMessage } from '../tracking/segment.schema';

const NOW = new Date('2026-06-01T09:00:00Z');
const DAY = 86_400_000;

type Line = {
  product_id: string;
  name: string;
  category: string;
  price: number;
  quantity: number;
  refill_days?: number;
};

const PRODUCTS: Record<string, Omit<Line, 'quantity'>> = {
  eye: { product_id: 'eye', name: 'Nude palette', category: 'eyeshadow', price: 32 },
  mas: { product_id: 'mas', name: 'Volume mascara', category: 'mascara', price: 21.5 },
  lip: { product_id: 'lip', name: 'Red lipstick', category: 'lipstick', price: 25, refill_days: 60 },
  cre: { product_id: 'cre', name: 'Day cream', category: 'skincare', price: 40.1, refill_days: 30 },
  ser: { product_id: 'ser', name: 'Serum', category: 'skincare', price: 55 },
};

describe('CustomerInsightsService (Postgres)', () => {
  let db: TestDatabase;
  let engine: Engine;
  let stop: () => Promise<void>;
  let counter = 0;

  const newWorkspace = async () => (await createTestWorkspace(db.dataSource, { now: NOW })).id;

  const order = (userId: string, at: Date, lines: Line[], total?: number): TrackingMessage => {
    counter += 1;
    return {
      type: 'track',
      userId,
      event: 'Order Completed',
      messageId: `order-${counter}`,
      timestamp: at.toISOString(),
      properties: {
        order_id: `o${counter}`,
        currency: 'EUR',
        products: lines,
        ...(total === undefined ? {} : { total }),
      },
    };
  };
  const line = (id: keyof typeof PRODUCTS, quantity = 1): Line => ({ ...PRODUCTS[id]!, quantity });

  const attributesOf = async (workspaceId: string, userId: string): Promise<Record<string, unknown>> =>
    ((await new CustomerRepository(db.dataSource.manager).findByExternalId(workspaceId, userId))?.attributes ??
      {}) as Record<string, unknown>;

  beforeAll(async () => {
    ({ db, engine, stop } = await startTestEngine({ label: 'insights' }));
  });

  afterAll(() => stop?.());

  it('should keep order counts, money, dates and churn risk from orders, whatever order they arrive in', async () => {
    const workspaceId = await newWorkspace();
    const first = new Date('2026-01-10T10:00:00Z');
    // Arrival: the latest first, then the oldest, then the middle one.
    await engine.tracking.ingest(workspaceId, [
      order('ada', new Date(first.getTime() + 40 * DAY), [line('mas')], 21.5),
    ]);
    await engine.tracking.ingest(workspaceId, [order('ada', first, [line('eye'), line('lip', 2)], 82)]);
    await engine.tracking.ingest(workspaceId, [
      order('ada', new Date(first.getTime() + 20 * DAY), [line('lip')], 25.1),
    ]);

    expect(await attributesOf(workspaceId, 'ada')).toMatchObject({
      orders_count: 3,
      total_spent: 128.6,
      first_order_at: '2026-01-10T10:00:00.000Z',
      last_order_at: '2026-02-19T10:00:00.000Z',
      average_order_interval_days: 20,
      // Last order + twice the usual 20 days.
      churn_risk_at: '2026-03-31T10:00:00.000Z',
      products_bought: ['eye', 'lip', 'mas'],
      last_ordered_at: {
        eye: '2026-01-10T10:00:00.000Z',
        lip: '2026-01-30T10:00:00.000Z',
        mas: '2026-02-19T10:00:00.000Z',
      },
      refill_due_at: { lip: '2026-03-31T10:00:00.000Z' },
      next_refill_due_at: '2026-03-31T10:00:00.000Z',
    });
  });

  it('should have no churn risk date and no interval after a single order, and count the lines when there is no total', async () => {
    const workspaceId = await newWorkspace();
    await engine.tracking.ingest(workspaceId, [order('bea', NOW, [line('eye', 2), line('mas')])]);

    expect(await attributesOf(workspaceId, 'bea')).toMatchObject({
      orders_count: 1,
      total_spent: 85.5,
      average_order_interval_days: null,
      churn_risk_at: null,
    });
  });

  it('should leave other events and their customers alone', async () => {
    const workspaceId = await newWorkspace();
    await engine.tracking.ingest(workspaceId, [
      { type: 'track', userId: 'cid', event: 'Product Viewed', messageId: 'view-1', properties: { product_id: 'eye' } },
    ]);

    expect(await attributesOf(workspaceId, 'cid')).toEqual({});
  });

  it('should recommend what customers with the same products also bought, minus what the customer has', async () => {
    const workspaceId = await newWorkspace();
    // Two eyeshadow buyers also bought mascara, one of them also serum; lipstick goes with cream once.
    await engine.tracking.ingest(workspaceId, [
      order('dee', NOW, [line('eye'), line('mas')]),
      order('eli', NOW, [line('eye')]),
      order('eli', new Date(NOW.getTime() + DAY), [line('mas'), line('ser')]),
      order('fox', NOW, [line('lip'), line('cre')]),
    ]);
    await engine.tracking.ingest(workspaceId, [order('gil', new Date(NOW.getTime() + 2 * DAY), [line('eye')])]);

    const gil = await attributesOf(workspaceId, 'gil');
    expect(gil['recommendations']).toEqual([
      { product_id: 'mas', name: 'Volume mascara', category: 'mascara', price: 21.5 },
      { product_id: 'ser', name: 'Serum', category: 'skincare', price: 55 },
    ]);
    expect(gil['recommended_categories']).toEqual(['mascara', 'skincare']);
    // Dee has eyeshadow and mascara: only serum is left to suggest.
    await engine.tracking.ingest(workspaceId, [order('dee', new Date(NOW.getTime() + 3 * DAY), [line('eye')])]);
    expect((await attributesOf(workspaceId, 'dee'))['recommendations']).toEqual([
      { product_id: 'ser', name: 'Serum', category: 'skincare', price: 55 },
    ]);
  });

  it('should rebuild one customer from their events with the same result', async () => {
    const workspaceId = await newWorkspace();
    await engine.tracking.ingest(workspaceId, [
      order('ivy', NOW, [line('cre'), line('ser')], 95.1),
      order('hal', NOW, [line('eye'), line('mas')], 53.5),
      order('hal', new Date(NOW.getTime() + 9 * DAY), [line('cre')], 40.1),
    ]);
    const before = await attributesOf(workspaceId, 'hal');
    const customer = await new CustomerRepository(db.dataSource.manager).findByExternalId(workspaceId, 'hal');
    // Damage what the incremental path keeps, as a lost update would.
    await db.dataSource.query(`UPDATE customer_order_summaries SET orders_count = 99 WHERE customer_id = $1`, [
      customer!.id,
    ]);

    await engine.insights.recomputeOne(db.dataSource, { workspaceId, customerId: customer!.id, now: NOW });

    expect(await attributesOf(workspaceId, 'hal')).toEqual(before);
    const pairs = await db.dataSource.query(
      `SELECT product_id, other_id, sum(customers)::int AS customers FROM (SELECT * FROM product_pairs UNION ALL SELECT * FROM product_pair_deltas) p
        WHERE workspace_id = $1 AND product_id = 'cre'
        GROUP BY product_id, other_id HAVING sum(customers) <> 0 ORDER BY other_id`,
      [workspaceId],
    );
    expect(pairs).toEqual([
      { product_id: 'cre', other_id: 'eye', customers: 1 },
      { product_id: 'cre', other_id: 'mas', customers: 1 },
      { product_id: 'cre', other_id: 'ser', customers: 1 },
    ]);
  });

  it('should fold the co-purchase rows orders append into one count per pair, once, without changing a sum', async () => {
    const workspaceId = await newWorkspace();
    await engine.tracking.ingest(workspaceId, [
      order('ivy', NOW, [line('eye'), line('mas')]),
      order('jay', NOW, [line('eye'), line('mas'), line('ser')]),
    ]);
    const rows = (table: string) =>
      db.dataSource.query(
        `SELECT product_id, other_id, customers FROM ${table} WHERE workspace_id = $1 ORDER BY product_id, other_id, customers`,
        [workspaceId],
      );
    expect(await rows('product_pair_deltas')).toHaveLength(8);

    const folded = await engine.insights.foldCoPurchases(db.dataSource);
    await engine.insights.foldCoPurchases(db.dataSource);

    expect(folded).toBeGreaterThanOrEqual(8);
    expect(await rows('product_pair_deltas')).toEqual([]);
    expect(await rows('product_pairs')).toEqual([
      { product_id: 'eye', other_id: 'mas', customers: 2 },
      { product_id: 'eye', other_id: 'ser', customers: 1 },
      { product_id: 'mas', other_id: 'eye', customers: 2 },
      { product_id: 'mas', other_id: 'ser', customers: 1 },
      { product_id: 'ser', other_id: 'eye', customers: 1 },
      { product_id: 'ser', other_id: 'mas', customers: 1 },
    ]);
  });

  it('should take the co-purchases of a customer who is deleted (or merged away) out of the counts', async () => {
    const workspaceId = await newWorkspace();
    await engine.tracking.ingest(workspaceId, [
      order('jon', NOW, [line('eye'), line('mas')]),
      order('kim', NOW, [line('eye'), line('mas'), line('ser')]),
      order('lou', new Date(NOW.getTime() + DAY), [line('ser')]),
    ]);
    const kim = await new CustomerRepository(db.dataSource.manager).findByExternalId(workspaceId, 'kim');

    await db.dataSource.query(`DELETE FROM customers WHERE id = $1`, [kim?.id]);

    const pairs = await db.dataSource.query(
      `SELECT product_id, other_id, sum(customers)::int AS customers FROM (SELECT * FROM product_pairs UNION ALL SELECT * FROM product_pair_deltas) p
        WHERE workspace_id = $1
        GROUP BY product_id, other_id HAVING sum(customers) <> 0 ORDER BY product_id, other_id`,
      [workspaceId],
    );
    expect(pairs).toEqual([
      { product_id: 'eye', other_id: 'mas', customers: 1 },
      { product_id: 'mas', other_id: 'eye', customers: 1 },
    ]);
    // Lou's serum was bought together with eyeshadow and mascara by Kim only: nothing to recommend now.
    await engine.insights.recomputeOne(db.dataSource, {
      workspaceId,
      customerId: (await new CustomerRepository(db.dataSource.manager).findByExternalId(workspaceId, 'lou'))!.id,
      now: NOW,
    });
    expect((await attributesOf(workspaceId, 'lou'))['recommendations']).toEqual([]);
  });

  // The incremental statements and the recompute are two implementations: they must agree on any history,
  // applied in any order.
  it('should give the same summaries, co-purchase counts and attributes incrementally in any order as a recompute', async () => {
    const productId = fc.constantFrom(...(Object.keys(PRODUCTS) as (keyof typeof PRODUCTS)[]));
    const anOrder = fc.record({
      userId: fc.constantFrom('u1', 'u2', 'u3'),
      dayOffset: fc.integer({ min: 0, max: 400 }),
      minutes: fc.constantFrom(0, 0, 17, 600),
      // Refill days and prices change between orders, so "the latest order's" values are put to the test.
      lines: fc.uniqueArray(
        fc.record({
          id: productId,
          quantity: fc.integer({ min: 1, max: 3 }),
          refill: fc.option(fc.constantFrom(20, 30, 60), { nil: undefined }),
          price: fc.constantFrom(10, 12.5, 19.99),
        }),
        {
          minLength: 0,
          maxLength: 3,
          selector: (item) => item.id,
        },
      ),
      total: fc.option(
        fc.integer({ min: 0, max: 50_000 }).map((cents) => cents / 100),
        { nil: undefined },
      ),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(anOrder, { minLength: 1, maxLength: 10 }),
        fc.infiniteStream(fc.nat()),
        async (history, ranks) => {
          const workspaceId = await newWorkspace();
          const messages = history.map((item) =>
            order(
              item.userId,
              new Date(NOW.getTime() - item.dayOffset * DAY + item.minutes * 60_000),
              item.lines.map((picked) => ({
                ...line(picked.id, picked.quantity),
                price: picked.price,
                refill_days: picked.refill,
              })),
              item.total,
            ),
          );
          const shuffled = messages
            .map((message) => ({ message, rank: ranks.next().value as number }))
            .sort((a, b) => a.rank - b.rank)
            .map((item) => item.message);
          for (const message of shuffled) await engine.tracking.ingest(workspaceId, [message]);
          const incremental = await snapshot(workspaceId);

          await engine.insights.recomputeWorkspace(db.dataSource, { workspaceId, now: NOW });

          expect(await snapshot(workspaceId)).toEqual(incremental);
        },
      ),
      { numRuns: 25 },
    );
    // 25 histories, each ingested and recomputed against Postgres: seconds alone, much longer on a busy machine.
  }, 120_000);

  /** Everything the two paths write, recommendations and tiers aside (refreshed for everyone only by a recompute). */
  const snapshot = async (workspaceId: string) => {
    // As the workers leave it: appended co-purchase and catalog rows folded.
    await engine.insights.foldCoPurchases(db.dataSource);
    const q = (sql: string) => db.dataSource.query(sql, [workspaceId]);
    const customers: { external_id: string; attributes: Record<string, unknown> }[] = await q(
      `SELECT external_id, attributes FROM customers WHERE workspace_id = $1 ORDER BY external_id`,
    );
    return {
      attributes: customers.map((row) => {
        const { recommendations: _r, recommended_categories: _c, ...rest } = row.attributes;
        // The recompute also scores tiers, which orders alone do not before the first scoring.
        for (const key of ['value_tier', 'rfm_recency', 'rfm_frequency', 'rfm_monetary']) delete rest[key];
        return { who: row.external_id, ...rest };
      }),
      summaries: await q(
        `SELECT c.external_id, s.orders_count, s.spent_cents, s.first_order_at, s.last_order_at
           FROM customer_order_summaries s JOIN customers c ON c.id = s.customer_id
          WHERE s.workspace_id = $1 ORDER BY c.external_id`,
      ),
      products: await q(
        `SELECT c.external_id, p.product_id, p.orders_count, p.quantity, p.first_ordered_at, p.last_ordered_at,
                p.last_event_id, p.refill_days
           FROM customer_products p JOIN customers c ON c.id = p.customer_id
          WHERE p.workspace_id = $1 ORDER BY c.external_id, p.product_id`,
      ),
      pairs: await q(
        `SELECT product_id, other_id, sum(customers)::int AS customers FROM (SELECT * FROM product_pairs UNION ALL SELECT * FROM product_pair_deltas) p
        WHERE workspace_id = $1
        GROUP BY product_id, other_id HAVING sum(customers) <> 0 ORDER BY product_id, other_id`,
      ),
      catalog: await q(
        `SELECT product_id, name, category, price FROM product_catalog
          WHERE workspace_id = $1 ORDER BY product_id`,
      ),
    };
  };
});
