import type { EntityManager } from 'typeorm';
import type { CustomerFacts } from '@rapport/journey';
import { CustomerEntity } from '../entities';

export type CustomerIdentity = { userId?: string | null; anonymousId?: string | null };

/** Profile fields kept in columns; every other trait merges into `attributes`. */
export type ProfileChanges = {
  email?: string | null;
  phone?: string | null;
  timeZone?: string | null;
  locale?: string | null;
  attributes?: Record<string, unknown>;
};

const COLUMNS = `id, workspace_id, external_id, anonymous_id, email, phone, time_zone, locale, attributes, created_at, updated_at`;

export type CustomerRow = {
  id: string;
  external_id: string | null;
  email: string | null;
  phone: string | null;
  time_zone: string | null;
  locale: string | null;
  attributes: Record<string, unknown>;
};

export const toCustomerFacts = (row: CustomerRow): CustomerFacts => ({
  id: row.id,
  externalId: row.external_id,
  email: row.email,
  phone: row.phone,
  timeZone: row.time_zone,
  locale: row.locale,
  attributes: row.attributes ?? {},
});

export class CustomerRepository {
  constructor(private readonly db: EntityManager) {}

  /**
   * Finds or creates the customer by user id (else anonymous id) and merges the changes, in one statement, so
   * two requests for a new customer at once still make one customer.
   */
  /** The customer as stored before a change, locked until the transaction ends (null when new). */
  async findForUpdate(workspaceId: string, who: CustomerIdentity): Promise<CustomerRow | null> {
    const rows: CustomerRow[] = who.userId
      ? await this.db.query(
          `SELECT ${COLUMNS} FROM customers WHERE workspace_id = $1 AND external_id = $2 FOR UPDATE`,
          [workspaceId, who.userId],
        )
      : await this.db.query(
          `SELECT ${COLUMNS} FROM customers WHERE workspace_id = $1 AND anonymous_id = $2 AND external_id IS NULL FOR UPDATE`,
          [workspaceId, who.anonymousId],
        );
    return rows[0] ?? null;
  }

  async upsert(
    workspaceId: string,
    who: CustomerIdentity,
    changes: ProfileChanges,
    now: Date,
  ): Promise<CustomerRow & { inserted: boolean }> {
    const byUser = Boolean(who.userId);
    const conflict = byUser
      ? '(workspace_id, external_id) WHERE external_id IS NOT NULL'
      : '(workspace_id, anonymous_id) WHERE anonymous_id IS NOT NULL AND external_id IS NULL';
    const rows: (CustomerRow & { inserted: boolean })[] = await this.db.query(
      `INSERT INTO customers (workspace_id, external_id, anonymous_id, email, phone, time_zone, locale, attributes, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
       ON CONFLICT ${conflict} DO UPDATE SET
         email = COALESCE(EXCLUDED.email, customers.email),
         phone = COALESCE(EXCLUDED.phone, customers.phone),
         time_zone = COALESCE(EXCLUDED.time_zone, customers.time_zone),
         locale = COALESCE(EXCLUDED.locale, customers.locale),
         anonymous_id = COALESCE(customers.anonymous_id, EXCLUDED.anonymous_id),
         attributes = customers.attributes || EXCLUDED.attributes,
         updated_at = GREATEST(customers.updated_at, EXCLUDED.updated_at)
       RETURNING ${COLUMNS}, (xmax = 0) AS inserted`,
      [
        workspaceId,
        byUser ? who.userId : null,
        who.anonymousId ?? null,
        changes.email ?? null,
        changes.phone ?? null,
        changes.timeZone ?? null,
        changes.locale ?? null,
        JSON.stringify(changes.attributes ?? {}),
        now,
      ],
    );
    return rows[0]!;
  }

  findById(workspaceId: string, id: string): Promise<CustomerEntity | null> {
    return this.db.getRepository(CustomerEntity).findOneBy({ workspaceId, id });
  }

  findByExternalId(workspaceId: string, externalId: string): Promise<CustomerEntity | null> {
    return this.db.getRepository(CustomerEntity).findOneBy({ workspaceId, externalId });
  }

  async list(workspaceId: string, options: { limit: number; search?: string }): Promise<CustomerEntity[]> {
    const query = this.db
      .getRepository(CustomerEntity)
      .createQueryBuilder('c')
      .where('c.workspace_id = :workspaceId', { workspaceId })
      .orderBy('c.updated_at', 'DESC')
      .limit(options.limit);
    if (options.search) {
      query.andWhere('(c.email ILIKE :q OR c.external_id ILIKE :q)', {
        q: `%${options.search.replace(/[%_]/g, '\\$&')}%`,
      });
    }
    return query.getMany();
  }
}
