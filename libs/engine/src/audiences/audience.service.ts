import type { EntityManager } from 'typeorm';
import type { CustomerFacts, EventFacts } from '@rapport/journey';
import {
  AudienceHistoryRepository,
  AudienceRepository,
  JourneyRepository,
  TriggerScheduleRepository,
  type Audience,
} from '@rapport/persistence';
import { memoInTransaction } from '../common/transaction-memo';
import { changedPaths } from '../entry/profile-change.service';
import type { TriggerScheduler } from '../scheduling/trigger-scheduler';
import { DefinitionCache, matchingCustomers } from './audience-matcher';

/**
 * Saved audiences: which ones a customer belongs to, re-evaluated whenever their data changes, in the transaction
 * that changed it (so an audience trigger fires within the same request). Time alone ("in the last 90 days"
 * running out) is the bulk recompute's job (`AudienceRecompute`).
 */
export class AudienceService {
  readonly definitions = new DefinitionCache();

  constructor(private readonly scheduler: TriggerScheduler | null = null) {}

  /**
   * Re-evaluates one customer's memberships; returns the keys of the audiences they have just entered. Only the
   * audiences the change can affect are evaluated: those reading a changed attribute or the event's name, or all
   * of them for a new customer (`before` null) or when the caller does not say what changed.
   */
  async evaluate(
    manager: EntityManager,
    input: {
      workspaceId: string;
      customer: CustomerFacts;
      event: EventFacts | null;
      now: Date;
      before?: CustomerFacts | null;
    },
  ): Promise<string[]> {
    const { workspaceId, customer, event, now } = input;
    const audiences = new AudienceRepository(manager);
    const all = await memoInTransaction(manager, `audiences:${workspaceId}`, () => audiences.all(workspaceId));
    if (all.length === 0) return [];
    const changed = input.before ? new Set(changedPaths(input.before, customer)) : null;
    const affected = all.filter(
      (audience) =>
        changed === null ||
        audience.readsAttributes.some((path) => changed.has(path)) ||
        (event !== null && audience.readsEvents.includes(event.name)),
    );
    const history = new AudienceHistoryRepository(manager);
    const entered: Audience[] = [];
    for (const audience of affected) {
      const rule = this.definitions.ruleOf(audience);
      const members = rule ? await matchingCustomers(history, { workspaceId, rule, customers: [customer], now }) : [];
      const result = await audiences.applyMembership(
        audience.id,
        { customerIds: [customer.id], members: members.map((member) => member.id) },
        now,
      );
      if (result.entered.length > 0) entered.push(audience);
    }
    for (const audience of entered) await this.armSchedules(manager, workspaceId, audience.key, [customer], now);
    return entered.map((audience) => audience.key);
  }

  /**
   * New members get their fire times for the schedule triggers addressed to the audience (customers who existed
   * at publish already have one; whether they are members is checked when it fires).
   */
  async armSchedules(
    manager: EntityManager,
    workspaceId: string,
    key: string,
    customers: CustomerFacts[],
    now: Date,
  ): Promise<void> {
    const scheduler = this.scheduler;
    if (!scheduler || customers.length === 0) return;
    const versions = await new JourneyRepository(manager).liveVersionsFor(workspaceId, `schedule:${key}`);
    if (versions.length === 0) return;
    const zones: { time_zone: string }[] = await manager.query('SELECT time_zone FROM workspaces WHERE id = $1', [
      workspaceId,
    ]);
    const rows = versions.flatMap((version) =>
      customers.flatMap((customer) =>
        scheduler.schedulesFor(workspaceId, version, customer, now, zones[0]?.time_zone ?? null),
      ),
    );
    await new TriggerScheduleRepository(manager).upsertMany(rows, now);
  }
}
