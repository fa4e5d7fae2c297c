import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../test-database';
import { createTestWorkspace } from '../test-fixtures';
import { AudienceHistoryRepository } from './audience-history.repository';
import { AudienceRepository, type Audience } from './audience.repository';
import { CustomerRepository } from './customer.repository';

const NOW = new Date('2026-09-01T08:00:00Z');
const DAY = 86_400_000;

describe('AudienceRepository', () => {
  let db: TestDatabase;
  let workspaceId: string;
  let otherWorkspaceId: string;
  const customers: string[] = [];
  let sut: AudienceRepository;

  const newAudience = async (key: string, workspace = workspaceId): Promise<Audience> =>
    (await sut.create(
      workspace,
      key,
      {
        name: key,
        definition: { attribute: { path: 'tier', operator: 'exists' } },
        reads: { attributes: ['tier'], events: [] },
      },
      NOW,
    ))!;

  beforeAll(async () => {
    db = await createTestDatabase('audience_repo');
    const make = async (name: string) => (await createTestWorkspace(db.dataSource, { name, now: NOW })).id;
    workspaceId = await make('Shop');
    otherWorkspaceId = await make('Other');
    for (const userId of ['ada', 'bob', 'cleo']) {
      customers.push((await new CustomerRepository(db.dataSource.manager).upsert(workspaceId, { userId }, {}, NOW)).id);
    }
    sut = new AudienceRepository(db.dataSource.manager);
  });

  afterAll(() => db.drop());

  it('should refuse a second audience with the same key in a workspace but allow it in another', async () => {
    await newAudience('vip');

    expect(
      await sut.create(
        workspaceId,
        'vip',
        { name: 'again', definition: {}, reads: { attributes: [], events: [] } },
        NOW,
      ),
    ).toBeNull();
    expect(await newAudience('vip', otherWorkspaceId)).toMatchObject({ key: 'vip', workspaceId: otherWorkspaceId });
    expect(await sut.findById(otherWorkspaceId, (await sut.all(workspaceId))[0]!.id)).toBeNull();
  });

  it('should report who entered and how many left when membership is applied', async () => {
    const audience = await newAudience('movers');
    const [ada, bob, cleo] = customers as [string, string, string];

    expect(await sut.applyMembership(audience.id, { customerIds: customers, members: [ada, bob] }, NOW)).toEqual({
      entered: expect.arrayContaining([ada, bob]),
      left: 0,
    });
    expect(await sut.applyMembership(audience.id, { customerIds: customers, members: [bob, cleo] }, NOW)).toEqual({
      entered: [cleo],
      left: 1,
    });
    expect(await sut.size(audience.id)).toBe(2);
    expect((await sut.sample(workspaceId, audience.id, 10)).map((member) => member.customerId).sort()).toEqual(
      [bob, cleo].sort(),
    );
    expect(await sut.isMember(workspaceId, 'movers', bob)).toBe(true);
    expect(await sut.isMember(otherWorkspaceId, 'movers', bob)).toBe(false);
  });

  it('should let only one of two simultaneous transactions enter the same customer', async () => {
    const audience = await newAudience('race');
    const ada = customers[0]!;
    const enter = () =>
      db.dataSource.transaction(async (manager) => {
        const result = await new AudienceRepository(manager).applyMembership(
          audience.id,
          { customerIds: [ada], members: [ada] },
          NOW,
        );
        await new Promise((resolve) => setTimeout(resolve, 50));
        return result.entered.length;
      });

    const entered = await Promise.all([enter(), enter()]);

    expect(entered.sort()).toEqual([0, 1]);
  });

  it('should hand each stale audience to one of two workers claiming at once', async () => {
    await db.dataSource.query('UPDATE audiences SET recomputed_at = $1', [new Date(NOW.getTime() - 2 * DAY)]);
    const total = (await db.dataSource.query('SELECT count(*) FROM audiences'))[0].count as string;
    const claimed: string[] = [];
    const worker = async () => {
      for (;;) {
        const audience = await sut.claimStale(new Date(NOW.getTime() - DAY), NOW);
        if (!audience) return;
        claimed.push(audience.id);
      }
    };

    await Promise.all([worker(), worker()]);

    expect(claimed).toHaveLength(Number(total));
    expect(new Set(claimed).size).toBe(claimed.length);
  });
});

describe('AudienceHistoryRepository', () => {
  let db: TestDatabase;
  let workspaceId: string;
  let customerIds: string[];

  beforeAll(async () => {
    db = await createTestDatabase('audience_history');
    workspaceId = (await createTestWorkspace(db.dataSource, { name: 'Shop', now: NOW })).id;
    customerIds = [];
    for (const userId of ['ada', 'bob']) {
      customerIds.push(
        (await new CustomerRepository(db.dataSource.manager).upsert(workspaceId, { userId }, {}, NOW)).id,
      );
    }
    const [ada, bob] = customerIds as [string, string];
    const events: [string, string, string, Record<string, unknown>, number][] = [
      [ada, 'Order Completed', 'track', { products: [{ category: 'mascara' }] }, 5],
      [ada, 'Order Completed', 'track', { products: [{ category: 'lipstick' }] }, 40],
      [ada, 'Order Completed', 'identify', {}, 1],
      [bob, 'Order Completed', 'track', { products: [{ category: 'mascara' }] }, 100],
      [bob, 'Product Viewed', 'track', {}, 1],
    ];
    for (const [customerId, name, type, properties, daysAgo] of events) {
      await db.dataSource.query(
        `INSERT INTO events (workspace_id, customer_id, message_id, type, name, properties, occurred_at, received_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
        [
          workspaceId,
          customerId,
          randomBytes(6).toString('hex'),
          type,
          name,
          JSON.stringify(properties),
          new Date(NOW.getTime() - daysAgo * DAY),
        ],
      );
    }
  });

  afterAll(() => db.drop());

  it.each([
    { what: 'ever', where: [], since: null, ada: 2, bob: 1 },
    { what: 'in the last 30 days', where: [], since: 30, ada: 1, bob: undefined },
    {
      what: 'with a filter on the order lines',
      where: [{ path: 'products.category', operator: 'eq' as const, value: 'mascara' }],
      since: null,
      ada: 1,
      bob: 1,
    },
  ])('should count track events per customer $what', async ({ where, since, ada, bob }) => {
    const sut = new AudienceHistoryRepository(db.dataSource.manager);

    const counts = await sut.countForCustomers(
      workspaceId,
      customerIds,
      { event: 'Order Completed', where, withinDays: since },
      since === null ? null : new Date(NOW.getTime() - since * DAY),
    );

    expect(counts.get(customerIds[0]!)).toBe(ada);
    expect(counts.get(customerIds[1]!)).toBe(bob);
  });

  it('should count nothing for another workspace asking about the same customers', async () => {
    const sut = new AudienceHistoryRepository(db.dataSource.manager);

    const counts = await sut.countForCustomers(
      '00000000-0000-4000-8000-000000000000',
      customerIds,
      { event: 'Order Completed', where: [], withinDays: null },
      null,
    );

    expect(counts.size).toBe(0);
  });
});
