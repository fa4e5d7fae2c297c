import { createTestDatabase, type TestDatabase } from '../test-database';
import { ProductRepository, type CatalogProduct } from './product.repository';
import { ShopSourceRepository, type ShopSource } from './shop-source.repository';
import { ShopWebhookRepository } from './shop-webhook.repository';
import { WorkspaceRepository } from './workspace.repository';

const NOW = new Date('2026-06-01T09:00:00Z');
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

describe('shop webhook repositories', () => {
  let db: TestDatabase;
  let workspaceId: string;
  let otherWorkspaceId: string;
  let source: ShopSource;

  beforeAll(async () => {
    db = await createTestDatabase('shopwh');
    const workspaces = new WorkspaceRepository(db.dataSource);
    const make = (name: string) =>
      workspaces.create({ name, writeKey: `wk-${name}`, apiKey: `sk-${name}`, emailFrom: 'a@example.com', now: NOW });
    workspaceId = (await make('a')).id;
    otherWorkspaceId = (await make('b')).id;
    source = await new ShopSourceRepository(db.dataSource.manager).create(
      workspaceId,
      { name: 'Shop', scheme: 'shopify' },
      NOW,
    );
  });

  afterAll(() => db.drop());

  describe('ShopWebhookRepository', () => {
    const claim = (webhookId: string, at = NOW) =>
      new ShopWebhookRepository(db.dataSource.manager).claim(
        { sourceId: source.id, workspaceId, webhookId, topic: 'orders/create' },
        at,
      );

    it('should hand a webhook id out as new once, unfinished until finished, then done', async () => {
      const sut = new ShopWebhookRepository(db.dataSource.manager);

      expect(await claim('w-1')).toBe('new');
      expect(await claim('w-1')).toBe('unfinished');
      await sut.finish({ sourceId: source.id, webhookId: 'w-1', status: 'processed', outcome: 'ok' }, NOW);
      expect(await claim('w-1')).toBe('done');
    });

    it('should let exactly one of several concurrent deliveries claim the id as new', async () => {
      const claims = await Promise.all([claim('w-race'), claim('w-race'), claim('w-race')]);

      expect(claims.filter((c) => c === 'new')).toHaveLength(1);
    });

    it('should purge only rows received before the cutoff, and count them', async () => {
      await claim('w-old', days(-31));
      await claim('w-recent', days(-29));

      const purged = await new ShopWebhookRepository(db.dataSource.manager).purgeReceivedBefore(days(-30));

      expect(purged).toBe(1);
      expect(await claim('w-old')).toBe('new');
      expect(await claim('w-recent')).toBe('unfinished');
    });
  });

  describe('ShopSourceRepository', () => {
    it('should find a source by key but not through another workspace', async () => {
      const sut = new ShopSourceRepository(db.dataSource.manager);

      expect((await sut.findByKey(source.key))?.id).toBe(source.id);
      expect(await sut.find(otherWorkspaceId, source.id)).toBeNull();
      expect(await sut.find(workspaceId, 'not-a-uuid')).toBeNull();
      expect(await sut.remove(otherWorkspaceId, source.id)).toBe(false);
    });

    it('should refuse a secret beyond the limit, even when two are added at once', async () => {
      const other = await new ShopSourceRepository(db.dataSource.manager).create(
        workspaceId,
        { name: 'Limited', scheme: 'standard-webhooks' },
        NOW,
      );
      const add = (secret: string) =>
        db.dataSource.transaction((m) => new ShopSourceRepository(m).addSecret(other, secret, 2, NOW));

      await add('s-1');
      const racing = await Promise.all([add('s-2'), add('s-3')]);

      expect(racing.filter(Boolean)).toHaveLength(1);
      const sut = new ShopSourceRepository(db.dataSource.manager);
      const [oldest, newest] = await sut.secretSummaries(other);
      expect(newest).toBeDefined();
      expect(await sut.removeSecret(other, oldest?.id ?? '')).toBe(true);
      expect(await sut.removeSecret(other, oldest?.id ?? '')).toBe(false);
      expect(await sut.secrets(other)).toHaveLength(1);
    });
  });

  describe('ProductRepository', () => {
    const product = (updatedAt: Date, refillDays: number): CatalogProduct => ({
      productId: '788032119674292922',
      sku: null,
      name: 'Serum',
      category: 'skincare',
      price: 19.99,
      currency: 'EUR',
      refillDays,
      url: null,
      image: null,
      updatedAt,
    });

    it('should keep the newer product when an older update arrives late', async () => {
      const sut = new ProductRepository(db.dataSource.manager);

      expect(await sut.upsert(workspaceId, product(days(0), 30))).toBe(true);
      expect(await sut.upsert(workspaceId, product(days(-1), 14))).toBe(false);

      expect(await sut.find(workspaceId, '788032119674292922')).toMatchObject({ refillDays: 30, price: 19.99 });
      expect(await sut.find(otherWorkspaceId, '788032119674292922')).toBeNull();
    });
  });
});
