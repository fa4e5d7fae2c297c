import type { DataSource, EntityManager } from 'typeorm';
import { effectiveZone, indexJourney, type CustomerFacts, type JourneyDocument } from '@rapport/journey';
import {
  AudienceRepository,
  toCustomerFacts,
  TriggerScheduleRepository,
  type Clock,
  type CustomerRow,
  type DueEnrollment,
  type TriggerSchedule,
} from '@rapport/persistence';
import type { EntryService } from '../entry/entry.service';
import type { JobQueue } from '../queue/job-queue';
import type { VersionCache } from '../stepping/version-cache';

const PAGE = 1000;

export type ScheduledVersion = { versionId: string; journeyId: string; document: JourneyDocument };

/**
 * The saved audience a schedule trigger addresses, or null for `all` (everyone) and other timed triggers. Its
 * customers all get fire times; only those who are members when it fires enter.
 */
const savedAudienceOf = (keys: string[]): string | null => {
  const key = keys.find((candidate) => candidate.startsWith('schedule:') && candidate !== 'schedule:all');
  return key ? key.slice('schedule:'.length) : null;
};

/** The zone a trigger time is read in: the customer's, else the journey's fallback, else the workspace's. */
export const zoneFor = (customer: CustomerFacts, document: JourneyDocument, workspaceZone: string | null): string =>
  effectiveZone(customer.timeZone, effectiveZone(document.settings?.timeZone, effectiveZone(workspaceZone)));

/**
 * Date and schedule triggers. Each customer's next fire time per trigger node lives in `trigger_schedules`
 * (computed at publish for everyone, and again for one customer whenever their profile changes); a tick claims
 * the rows that came due, enrolls those customers and computes their next time, in one transaction.
 */
export class TriggerScheduler {
  constructor(
    private readonly db: DataSource,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    private readonly versions: VersionCache,
    private readonly entry: EntryService,
  ) {}

  /** The schedule rows of one customer for one version's timed triggers (empty for event-only journeys). */
  schedulesFor(
    workspaceId: string,
    version: ScheduledVersion,
    customer: CustomerFacts,
    after: Date,
    workspaceZone: string | null,
  ): TriggerSchedule[] {
    const zone = zoneFor(customer, version.document, workspaceZone);
    return indexJourney(version.document).triggers.flatMap((trigger) => {
      const nextFireAt = trigger.kind.trigger?.nextFireAt;
      if (!nextFireAt) return [];
      return [
        {
          workspaceId,
          journeyId: version.journeyId,
          versionId: version.versionId,
          nodeId: trigger.node.id,
          customerId: customer.id,
          nextFireAt: nextFireAt(trigger.config, customer, after, zone),
        },
      ];
    });
  }

  /** At publish (a job): every customer of the workspace gets the new version's fire times, page by page. */
  async rebuildForVersion(versionId: string): Promise<number> {
    const version = await this.versions.get(versionId, this.db.manager);
    if (!version) return 0;
    const workspaces: { workspace_id: string; time_zone: string }[] = await this.db.query(
      `SELECT w.id AS workspace_id, w.time_zone FROM journey_versions v JOIN workspaces w ON w.id = v.workspace_id
        WHERE v.id = $1`,
      [versionId],
    );
    if (!workspaces[0]) return 0;
    const { workspace_id: workspaceId, time_zone: workspaceZone } = workspaces[0];
    const now = await this.clock.now();
    const scheduled = { versionId, journeyId: version.journeyId, document: version.document };
    let count = 0;
    for (let after: string | null = null; ;) {
      const customers: CustomerRow[] = await this.db.query(
        `SELECT * FROM customers WHERE workspace_id = $1 AND ($2::uuid IS NULL OR id > $2) ORDER BY id LIMIT $3`,
        [workspaceId, after, PAGE],
      );
      const rows = customers.flatMap((row) =>
        this.schedulesFor(workspaceId, scheduled, toCustomerFacts(row), now, workspaceZone),
      );
      await new TriggerScheduleRepository(this.db.manager).upsertMany(rows, now);
      count += rows.length;
      if (customers.length < PAGE) break;
      after = customers[customers.length - 1]!.id;
    }
    await new TriggerScheduleRepository(this.db.manager).removeOtherVersions(version.journeyId, versionId);
    return count;
  }

  /** One tick: enroll everyone whose trigger time came, and set their next one. Returns enrollments made. */
  async fireDue(limit = 500): Promise<number> {
    const now = await this.clock.now();
    // Rows of versions no longer live stop firing (a paused journey is rebuilt when resumed).
    await this.db.query(
      `UPDATE trigger_schedules s SET next_fire_at = NULL FROM journeys j
        WHERE j.id = s.journey_id AND s.next_fire_at <= $1
          AND (j.status <> 'live' OR j.live_version_id IS DISTINCT FROM s.version_id)`,
      [now],
    );
    let total = 0;
    for (;;) {
      const { due, claimed } = await this.db.transaction((manager) => this.fireBatch(manager, now, limit));
      await this.queue.add(
        'advance',
        due.map((row) => ({ enrollmentId: row.id, seq: row.seq })),
      );
      total += due.length;
      if (claimed < limit) return total;
    }
  }

  private async fireBatch(
    manager: EntityManager,
    now: Date,
    limit: number,
  ): Promise<{ due: DueEnrollment[]; claimed: number }> {
    const schedules = new TriggerScheduleRepository(manager);
    const claimed = await schedules.claimDue(now, limit);
    const due: DueEnrollment[] = [];
    for (const schedule of claimed) {
      const [version, rows] = await Promise.all([
        this.versions.get(schedule.versionId, manager),
        manager.query(
          `SELECT c.*, w.time_zone AS workspace_time_zone FROM customers c JOIN workspaces w ON w.id = c.workspace_id
            WHERE c.id = $1`,
          [schedule.customerId],
        ) as Promise<(CustomerRow & { workspace_time_zone: string })[]>,
      ]);
      const trigger = version && indexJourney(version.document).nodes.get(schedule.nodeId);
      const row = rows[0];
      if (!version || !trigger || !row) {
        await schedules.fired(schedule.id, now, null);
        continue;
      }
      const customer = toCustomerFacts(row);
      const zone = zoneFor(customer, version.document, row.workspace_time_zone);
      const audience = savedAudienceOf(trigger.kind.trigger?.keys(trigger.config) ?? []);
      const addressed =
        audience === null ||
        (await new AudienceRepository(manager).isMember(schedule.workspaceId, audience, schedule.customerId));
      due.push(
        ...(!addressed
          ? []
          : await this.entry.admit(
              manager,
              [
                {
                  workspaceId: schedule.workspaceId,
                  journeyId: schedule.journeyId,
                  versionId: schedule.versionId,
                  document: version.document,
                  customerId: schedule.customerId,
                  triggerNodeId: schedule.nodeId,
                  triggerEventId: null,
                  occasion: `${schedule.nodeId}:${schedule.fireAt.toISOString()}`,
                  because: { date: schedule.fireAt.toISOString() },
                  zone,
                },
              ],
              now,
            )),
      );
      // From now, not from the missed time: a clock that jumped a year fires once, not once per missed occasion.
      const after = schedule.fireAt.getTime() > now.getTime() ? schedule.fireAt : now;
      const next = trigger.kind.trigger?.nextFireAt?.(trigger.config, customer, after, zone) ?? null;
      // Only a later moment re-arms it ("run now" answers with `after` itself: it has just run).
      await schedules.fired(schedule.id, schedule.fireAt, next && next.getTime() > after.getTime() ? next : null);
    }
    return { due, claimed: claimed.length };
  }
}
