import type { DataSource, EntityManager } from 'typeorm';
import type { EventFacts } from '@rapport/journey';
import {
  CoPurchaseRepository,
  InsightRepository,
  toCustomerFacts,
  toEventFacts,
  ValueTierRepository,
  type CustomerRow,
  type OrderSummaryRow,
  type ProductHistoryRow,
} from '@rapport/persistence';
import { memoInTransaction } from '../common/transaction-memo';
import { changedPaths, type ProfileChangeService } from '../entry/profile-change.service';
import type { JobPayload } from '../queue/job-catalog';
import type { JobQueue } from '../queue/job-queue';
import { computedAttributes, latestProductDetails, summarizeOrders } from './computed-attributes';
import { readOrder, type Order } from './order-facts';
import { computeBoundaries, loadTierContext, type TierContext } from './value-tier-context';
import { tierAttributes } from './value-tiers';

/** How many recommendations a customer carries (the template's `{{#each recommendations}}`). */
export const RECOMMENDATION_COUNT = 3;
const PAGE = 200;

type Jobs = JobPayload<'advance'>[];
export type InsightsRun = { customers: number; changed: number };

const CUSTOMER_COLUMNS = `id, workspace_id, external_id, anonymous_id, email, phone, time_zone, locale, attributes, created_at, updated_at`;

/** JSON with object keys sorted: jsonb stores keys in its own order, so plain JSON.stringify would differ. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : item,
  );

const ordersOf = (rows: { id: string; name: string; properties: Record<string, unknown>; occurred_at: Date }[]) =>
  rows.flatMap((row) => readOrder(toEventFacts(row)) ?? []);

/**
 * What a customer's orders teach about them, kept in their attributes: computed attributes, recommendations and
 * the value tier. Each order updates them in the transaction that stores it; a recompute rebuilds them from the
 * events; scoring (on a schedule, or for one customer) sets the value tier against the workspace's quintiles.
 * A change outside the tracking path goes through ProfileChangeService like any profile change, so journeys
 * triggered by an attribute (value_tier, churn_risk_at) react.
 */
export class CustomerInsightsService {
  constructor(private readonly deps: { profiles?: ProfileChangeService; queue?: JobQueue } = {}) {}

  /** Applies one stored event; returns the customer as they are afterwards (the same row when nothing changed). */
  async onEvent(
    manager: EntityManager,
    input: { workspaceId: string; customer: CustomerRow; event: EventFacts; now: Date },
  ): Promise<CustomerRow> {
    const order = readOrder(input.event);
    if (!order) return input.customer;
    const { workspaceId, customer, now } = input;
    const repository = new InsightRepository(manager);
    const { summary, products } = await repository.applyOrder(workspaceId, customer.id, order);
    // The workspace's tier rules, read once per tracked batch (rescoring changes them in its own transaction).
    const tiers = await memoInTransaction(manager, `tiers:${workspaceId}`, () => loadTierContext(manager, workspaceId));
    const values = await this.currentValues(manager, { workspaceId, customer, summary, products, now, tiers });
    return (await repository.mergeAttributes(workspaceId, customer.id, values)) ?? customer;
  }

  /**
   * Recomputes one customer's insights from their whole event history (after a merge, an import, on demand),
   * in the caller's transaction. The caller hands the profile change to ProfileChangeService (as the merge
   * does, with the profile from before the merge), so it is judged once.
   */
  async recomputeCustomer(
    manager: EntityManager,
    input: { workspaceId: string; customerId: string; now: Date },
  ): Promise<void> {
    const { workspaceId, customerId, now } = input;
    const before = await this.lock(manager, workspaceId, customerId);
    if (!before) return;
    const repository = new InsightRepository(manager);
    const orders = ordersOf(await repository.orderEvents(workspaceId, [customerId]));
    await this.rebuild(manager, { workspaceId, customerId, orders, pairs: true });
    const tiers = await loadTierContext(manager, workspaceId);
    await this.refresh(manager, { workspaceId, before, now, tiers, announce: false });
  }

  /** One customer, in its own transaction; jobs queued after commit. Null when the customer does not exist. */
  async recomputeOne(db: DataSource, input: { workspaceId: string; customerId: string; now: Date }) {
    return this.inTransaction(db, async (manager) => {
      const { workspaceId, customerId, now } = input;
      const before = await this.lock(manager, workspaceId, customerId);
      if (!before) return { result: null, jobs: [] };
      const orders = ordersOf(await new InsightRepository(manager).orderEvents(workspaceId, [customerId]));
      await this.rebuild(manager, { workspaceId, customerId, orders, pairs: true });
      const tiers = await loadTierContext(manager, workspaceId);
      const jobs = (await this.refresh(manager, { workspaceId, before, now, tiers, announce: true })) ?? [];
      return { result: await this.lock(manager, workspaceId, customerId), jobs };
    });
  }

  /**
   * The whole workspace from scratch, in batches: each customer's summaries from their events, then every
   * co-purchase count, then the quintile boundaries, then everyone's attributes, recommendations and tier.
   */
  async recomputeWorkspace(db: DataSource, input: { workspaceId: string; now: Date }): Promise<InsightsRun> {
    const { workspaceId } = input;
    let customers = 0;
    for (let after: string | null = null; ;) {
      const ids = await this.customerPage(db.manager, workspaceId, after);
      await db.transaction(async (manager) => {
        await manager.query(
          `SELECT id FROM customers WHERE workspace_id = $1 AND id = ANY($2) ORDER BY id FOR UPDATE`,
          [workspaceId, ids],
        );
        const events = await new InsightRepository(manager).orderEvents(workspaceId, ids);
        for (const customerId of ids) {
          const orders = ordersOf(events.filter((row) => row.customer_id === customerId));
          await this.rebuild(manager, { workspaceId, customerId, orders, pairs: false });
        }
      });
      customers += ids.length;
      if (ids.length < PAGE) break;
      after = ids[ids.length - 1]!;
    }
    await db.transaction((manager) => new CoPurchaseRepository(manager).recountPairs(workspaceId));
    const changed = await this.scoreWorkspace(db, { ...input, everyone: true });
    return { customers, changed: changed.changed };
  }

  /**
   * Scoring (the schedule runs it): the workspace's quintile boundaries now, then every customer with orders
   * gets their scores, tier and recommendations refreshed. `everyone` also visits customers without orders
   * (the recompute, which may have to clear attributes from a history that no longer holds).
   */
  async scoreWorkspace(
    db: DataSource,
    input: { workspaceId: string; now: Date; everyone?: boolean },
  ): Promise<InsightsRun> {
    const { workspaceId, now } = input;
    // Scores read co-purchases: fold what orders appended since the workers' last fold.
    await db.transaction((manager) => new CoPurchaseRepository(manager).foldPairs(workspaceId));
    const boundaries = await computeBoundaries(db.manager, workspaceId, now);
    const tiers: TierContext = { ...(await loadTierContext(db.manager, workspaceId)), boundaries };
    const run: InsightsRun = { customers: 0, changed: 0 };
    for (let after: string | null = null; ;) {
      const ids: string[] = input.everyone
        ? await this.customerPage(db.manager, workspaceId, after)
        : await new ValueTierRepository(db.manager).customersWithOrders(workspaceId, after, PAGE);
      await this.inTransaction(db, async (manager) => {
        const jobs: Jobs = [];
        for (const customerId of ids) {
          const before = await this.lock(manager, workspaceId, customerId);
          if (!before) continue;
          const admitted = await this.refresh(manager, { workspaceId, before, now, tiers, announce: true });
          if (admitted) run.changed += 1;
          jobs.push(...(admitted ?? []));
        }
        return { result: null, jobs };
      });
      run.customers += ids.length;
      if (ids.length < PAGE) return run;
      after = ids[ids.length - 1]!;
    }
  }

  /** One customer's tier against the stored boundaries (computed first if the workspace has none yet). */
  async scoreOne(db: DataSource, input: { workspaceId: string; customerId: string; now: Date }) {
    const { workspaceId, customerId, now } = input;
    return this.inTransaction(db, async (manager) => {
      const before = await this.lock(manager, workspaceId, customerId);
      if (!before) return { result: null, jobs: [] };
      const tiers = await loadTierContext(manager, workspaceId);
      const boundaries = tiers.boundaries ?? (await computeBoundaries(manager, workspaceId, now));
      const scoring = { ...tiers, boundaries };
      const jobs = (await this.refresh(manager, { workspaceId, before, now, tiers: scoring, announce: true })) ?? [];
      return { result: await this.lock(manager, workspaceId, customerId), jobs };
    });
  }

  /** The workers' tick: folds the co-purchase rows orders appended, workspace by workspace. Returns rows folded. */
  async foldCoPurchases(db: DataSource): Promise<number> {
    let folded = 0;
    for (const workspaceId of await new CoPurchaseRepository(db.manager).workspacesWithPairDeltas(100)) {
      folded += await db.transaction((manager) => new CoPurchaseRepository(manager).foldPairs(workspaceId));
    }
    return folded;
  }

  /** The schedule's tick: scores every workspace whose time has come. Returns how many were scored. */
  async scoreDue(db: DataSource, now: Date): Promise<number> {
    let scored = 0;
    for (let workspaceId = await new ValueTierRepository(db.manager).claimDue(now); workspaceId;) {
      await this.scoreWorkspace(db, { workspaceId, now });
      scored += 1;
      workspaceId = await new ValueTierRepository(db.manager).claimDue(now);
    }
    return scored;
  }

  /** Replaces a customer's summaries with those of these orders, and adds their products to the catalog. */
  private async rebuild(
    manager: EntityManager,
    input: { workspaceId: string; customerId: string; orders: Order[]; pairs: boolean },
  ): Promise<void> {
    const repository = new InsightRepository(manager);
    const { summary, products } = summarizeOrders(input.orders);
    await repository.replaceCustomer({ ...input, summary, products });
    await repository.upsertCatalog(input.workspaceId, latestProductDetails(input.orders));
  }

  /** The computed attributes, recommendations and (with boundaries) RFM scores and tier of a customer now. */
  private async currentValues(
    manager: EntityManager,
    input: {
      workspaceId: string;
      customer: CustomerRow;
      summary: OrderSummaryRow | null;
      /** The customer's products when the caller has them already (an order just applied). */
      products?: ProductHistoryRow[];
      now: Date;
      tiers: TierContext;
    },
  ): Promise<Record<string, unknown>> {
    const { workspaceId, customer, summary, tiers } = input;
    const products = input.products ?? (await new InsightRepository(manager).products(workspaceId, customer.id));
    const recommended = await new CoPurchaseRepository(manager).recommendations(
      workspaceId,
      customer.id,
      RECOMMENDATION_COUNT,
    );
    const values = computedAttributes(
      summary,
      products,
      recommended.map((product) => ({
        product_id: product.productId,
        name: product.name,
        category: product.category,
        price: product.price,
      })),
    );
    if (!summary || !tiers.boundaries) return values;
    return {
      ...values,
      ...tierAttributes(tiers.settings, {
        summary,
        now: input.now,
        boundaries: tiers.boundaries,
        attributes: customer.attributes ?? {},
      }),
    };
  }

  /**
   * Brings one locked customer's stored values up to date; when any changed and `announce`, the change goes
   * through ProfileChangeService. Returns the jobs it admitted, or null when nothing changed.
   */
  private async refresh(
    manager: EntityManager,
    input: { workspaceId: string; before: CustomerRow; now: Date; tiers: TierContext; announce: boolean },
  ): Promise<Jobs | null> {
    const { workspaceId, before, now } = input;
    const summary = await new InsightRepository(manager).summary(workspaceId, before.id);
    // Never-ordering customers get nothing written, unless an earlier computation left attributes to clear.
    if (!summary && !Object.prototype.hasOwnProperty.call(before.attributes ?? {}, 'orders_count')) return null;
    const values = await this.currentValues(manager, { ...input, customer: before, summary });
    const unchanged = Object.entries(values).every(
      ([key, value]) => canonical(before.attributes?.[key]) === canonical(value),
    );
    if (unchanged) return null;
    const after = await new InsightRepository(manager).mergeAttributes(workspaceId, before.id, values);
    if (!after || !this.deps.profiles || !input.announce) return [];
    const beforeFacts = toCustomerFacts(before);
    const afterFacts = toCustomerFacts(after);
    if (changedPaths(beforeFacts, afterFacts).length === 0) return [];
    const zones: { time_zone: string }[] = await manager.query('SELECT time_zone FROM workspaces WHERE id = $1', [
      workspaceId,
    ]);
    const change = await this.deps.profiles.onChange(manager, {
      workspaceId,
      workspaceZone: zones[0]?.time_zone ?? null,
      before: beforeFacts,
      after: afterFacts,
      event: null,
      now,
    });
    return [...change.due.map((row) => ({ enrollmentId: row.id, seq: row.seq })), ...change.jobs];
  }

  /** The customer row, locked until the transaction ends (orders for them wait). */
  private async lock(manager: EntityManager, workspaceId: string, customerId: string): Promise<CustomerRow | null> {
    const rows: CustomerRow[] = await manager.query(
      `SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE id = $1 AND workspace_id = $2 FOR UPDATE`,
      [customerId, workspaceId],
    );
    return rows[0] ?? null;
  }

  private async customerPage(manager: EntityManager, workspaceId: string, after: string | null): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM customers WHERE workspace_id = $1 AND ($2::uuid IS NULL OR id > $2) ORDER BY id LIMIT $3`,
      [workspaceId, after, PAGE],
    );
    return rows.map((row) => row.id);
  }

  /** Runs the work in one transaction and queues the jobs it admitted once it has committed. */
  private async inTransaction<Result>(
    db: DataSource,
    work: (manager: EntityManager) => Promise<{ result: Result; jobs: Jobs }>,
  ): Promise<Result> {
    const { result, jobs } = await db.transaction(work);
    await this.deps.queue?.add('advance', jobs);
    return result;
  }
}
