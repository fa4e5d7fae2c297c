import type { EntityManager } from 'typeorm';

export type CouponPool = {
  id: string;
  key: string;
  name: string;
  source: 'generated' | 'imported';
  prefix: string | null;
  expiresOn: Date | null;
  validDays: number | null;
  lowWarningAt: number;
};

export type PoolStock = CouponPool & { total: number; remaining: number; warning: 'low' | 'empty' | null };

export type IssuedCoupon = { code: string; expiresAt: Date | null };

type PoolRow = {
  id: string;
  key: string;
  name: string;
  source: 'generated' | 'imported';
  prefix: string | null;
  expires_on: Date | null;
  valid_days: number | null;
  low_warning_at: number;
};

const toPool = (row: PoolRow): CouponPool => ({
  id: row.id,
  key: row.key,
  name: row.name,
  source: row.source,
  prefix: row.prefix,
  expiresOn: row.expires_on,
  validDays: row.valid_days,
  lowWarningAt: row.low_warning_at,
});

const CHUNK = 1000;

/** Coupon pools and their codes; a code is handed to one enrollment step, at most once, ever. */
export class CouponRepository {
  constructor(private readonly db: EntityManager) {}

  async createPool(workspaceId: string, pool: Omit<CouponPool, 'id'>, now: Date): Promise<CouponPool | null> {
    const rows: PoolRow[] = await this.db.query(
      `INSERT INTO coupon_pools (workspace_id, key, name, source, prefix, expires_on, valid_days, low_warning_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (workspace_id, key) DO NOTHING RETURNING *`,
      [
        workspaceId,
        pool.key,
        pool.name,
        pool.source,
        pool.prefix,
        pool.expiresOn,
        pool.validDays,
        pool.lowWarningAt,
        now,
      ],
    );
    return rows[0] ? toPool(rows[0]) : null;
  }

  async findPool(workspaceId: string, key: string): Promise<CouponPool | null> {
    const rows: PoolRow[] = await this.db.query('SELECT * FROM coupon_pools WHERE workspace_id = $1 AND key = $2', [
      workspaceId,
      key,
    ]);
    return rows[0] ? toPool(rows[0]) : null;
  }

  async poolKeys(workspaceId: string): Promise<Set<string>> {
    const rows: { key: string }[] = await this.db.query('SELECT key FROM coupon_pools WHERE workspace_id = $1', [
      workspaceId,
    ]);
    return new Set(rows.map((row) => row.key));
  }

  /** Adds codes; ones already in the pool are skipped and counted, never duplicated. */
  async addCodes(poolId: string, codes: string[]): Promise<{ added: number; duplicates: number }> {
    let added = 0;
    for (let i = 0; i < codes.length; i += CHUNK) {
      const chunk = codes.slice(i, i + CHUNK);
      const rows: { id: string }[] = await this.db.query(
        `INSERT INTO coupon_codes (pool_id, code) SELECT $1, unnest($2::text[])
         ON CONFLICT (pool_id, code) DO NOTHING RETURNING id`,
        [poolId, chunk],
      );
      added += rows.length;
    }
    return { added, duplicates: codes.length - added };
  }

  /**
   * The code for this enrollment step: the one it already has (a replayed step), else the next free one, taken
   * with SKIP LOCKED so two workers never hand out the same code. Null when the pool is empty.
   */
  async issue(
    pool: CouponPool,
    step: { enrollmentId: string; nodeId: string; visit: number },
    now: Date,
  ): Promise<IssuedCoupon | null> {
    const existing: { code: string; expires_at: Date | null }[] = await this.db.query(
      'SELECT code, expires_at FROM coupon_codes WHERE enrollment_id = $1 AND node_id = $2 AND visit = $3',
      [step.enrollmentId, step.nodeId, step.visit],
    );
    if (existing[0]) return { code: existing[0].code, expiresAt: existing[0].expires_at };
    const expiresAt = pool.expiresOn ?? (pool.validDays ? new Date(now.getTime() + pool.validDays * 86_400_000) : null);
    const [rows]: [{ code: string; expires_at: Date | null }[], number] = await this.db.query(
      `UPDATE coupon_codes c SET enrollment_id = $2, node_id = $3, visit = $4, issued_at = $5, expires_at = $6
         FROM (SELECT id FROM coupon_codes WHERE pool_id = $1 AND enrollment_id IS NULL AND issued_at IS NULL
               ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED) free
        WHERE c.id = free.id
       RETURNING c.code, c.expires_at`,
      [pool.id, step.enrollmentId, step.nodeId, step.visit, now, expiresAt],
    );
    return rows[0] ? { code: rows[0].code, expiresAt: rows[0].expires_at } : null;
  }

  /** Every pool with how many codes are left, and a warning when few or none are. */
  async stock(workspaceId: string): Promise<PoolStock[]> {
    const rows: (PoolRow & { total: string; remaining: string })[] = await this.db.query(
      `SELECT p.*, count(c.id) AS total, count(c.id) FILTER (WHERE c.issued_at IS NULL) AS remaining
         FROM coupon_pools p LEFT JOIN coupon_codes c ON c.pool_id = p.id
        WHERE p.workspace_id = $1 GROUP BY p.id ORDER BY p.key`,
      [workspaceId],
    );
    return rows.map((row) => {
      const remaining = Number(row.remaining);
      return {
        ...toPool(row),
        total: Number(row.total),
        remaining,
        warning: remaining === 0 ? 'empty' : remaining <= row.low_warning_at ? 'low' : null,
      };
    });
  }
}
