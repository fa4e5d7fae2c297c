import type { EntityManager } from 'typeorm';

/** One product of the shop's catalog, as conditions and templates see it. */
export type CatalogProduct = {
  productId: string;
  sku: string | null;
  name: string | null;
  category: string | null;
  price: number | null;
  currency: string | null;
  refillDays: number | null;
  url: string | null;
  image: string | null;
  updatedAt: Date;
};

type ProductRow = {
  product_id: string;
  sku: string | null;
  name: string | null;
  category: string | null;
  price: string | null;
  currency: string | null;
  refill_days: number | null;
  url: string | null;
  image: string | null;
  updated_at: Date;
};

const toProduct = (row: ProductRow): CatalogProduct => ({
  productId: row.product_id,
  sku: row.sku,
  name: row.name,
  category: row.category,
  price: row.price === null ? null : Number(row.price),
  currency: row.currency,
  refillDays: row.refill_days,
  url: row.url,
  image: row.image,
  updatedAt: row.updated_at,
});

/** The product catalog per workspace, kept in sync by the shop's product webhooks. */
export class ProductRepository {
  constructor(private readonly db: EntityManager) {}

  /**
   * Inserts or replaces the product, unless the stored version is newer: webhooks can arrive out of order, and
   * an older update must not overwrite a newer one. Returns whether the row was written.
   */
  async upsert(workspaceId: string, product: CatalogProduct): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `INSERT INTO products (workspace_id, product_id, sku, name, category, price, currency, refill_days, url, image, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (workspace_id, product_id) DO UPDATE SET sku = EXCLUDED.sku, name = EXCLUDED.name,
         category = EXCLUDED.category, price = EXCLUDED.price, currency = EXCLUDED.currency,
         refill_days = EXCLUDED.refill_days, url = EXCLUDED.url, image = EXCLUDED.image, updated_at = EXCLUDED.updated_at
       WHERE products.updated_at <= EXCLUDED.updated_at
       RETURNING product_id`,
      [
        workspaceId,
        product.productId,
        product.sku,
        product.name,
        product.category,
        product.price,
        product.currency,
        product.refillDays,
        product.url,
        product.image,
        product.updatedAt,
      ],
    );
    return rows.length > 0;
  }

  async findMany(workspaceId: string, productIds: readonly string[]): Promise<Map<string, CatalogProduct>> {
    if (productIds.length === 0) return new Map();
    const rows: ProductRow[] = await this.db.query(
      'SELECT * FROM products WHERE workspace_id = $1 AND product_id = ANY($2::text[])',
      [workspaceId, [...new Set(productIds)]],
    );
    return new Map(rows.map((row) => [row.product_id, toProduct(row)]));
  }

  async find(workspaceId: string, productId: string): Promise<CatalogProduct | null> {
    return (await this.findMany(workspaceId, [productId])).get(productId) ?? null;
  }

  async list(workspaceId: string, options: { limit: number; after?: string }): Promise<CatalogProduct[]> {
    const rows: ProductRow[] = await this.db.query(
      `SELECT * FROM products WHERE workspace_id = $1 AND ($2::text IS NULL OR product_id > $2)
       ORDER BY product_id LIMIT $3`,
      [workspaceId, options.after ?? null, options.limit],
    );
    return rows.map(toProduct);
  }
}
