import type { DataSource } from 'typeorm';
import type { AudienceRule } from '@rapport/journey';
import {
  AudienceHistoryRepository,
  AudienceRepository,
  JourneyRepository,
  toCustomerFacts,
  type Audience,
  type Clock,
  type DueEnrollment,
} from '@rapport/persistence';
import type { ProfileChangeService } from '../entry/profile-change.service';
import type { JobQueue } from '../queue/job-queue';
import { matchingCustomers } from './audience-matcher';
import type { AudienceService } from './audience.service';

const PAGE = 1000;
const SAMPLE = 10;

export type RecomputeResult = { size: number; entered: number; left: number };

export type AudiencePreview = {
  size: number;
  sample: { customerId: string; externalId: string | null; email: string | null }[];
};

/**
 * Every customer of the workspace judged against an audience, a page of 1,000 at a time, each page in its own
 * transaction: the counts are one query per history question for the page, new members enter the audience's
 * journeys in that transaction, and their `advance` jobs are queued after it commits. Runs on a schedule (time
 * makes "in the last 90 days" expire), after an audience is saved, and on demand.
 */
export class AudienceRecompute {
  constructor(
    private readonly db: DataSource,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    private readonly audiences: AudienceService,
    private readonly profiles: ProfileChangeService,
  ) {}

  async recompute(audience: Audience): Promise<RecomputeResult> {
    const now = await this.clock.now();
    const rule = this.audiences.definitions.ruleOf(audience);
    const total: RecomputeResult = { size: 0, entered: 0, left: 0 };
    for (let after: string | null = null; ;) {
      const page: { count: number; last: string | null; due: DueEnrollment[] } = await this.db.transaction(
        async (manager) => {
          const rows = await new AudienceHistoryRepository(manager).lockPage(audience.workspaceId, after, PAGE);
          const customers = rows.map(toCustomerFacts);
          const members = rule
            ? await matchingCustomers(new AudienceHistoryRepository(manager), {
                workspaceId: audience.workspaceId,
                rule,
                customers,
                now,
              })
            : [];
          const result = await new AudienceRepository(manager).applyMembership(
            audience.id,
            { customerIds: customers.map((customer) => customer.id), members: members.map((member) => member.id) },
            now,
          );
          total.entered += result.entered.length;
          total.left += result.left;
          const entered = new Set(result.entered);
          const newcomers = members.filter((member) => entered.has(member.id));
          const due: DueEnrollment[] = [];
          // One lookup per page: most audiences have no journey listening, and then nobody needs enrolling.
          const listening = await new JourneyRepository(manager).liveVersionsFor(
            audience.workspaceId,
            `audience:${audience.key}`,
          );
          if (listening.length > 0) {
            for (const newcomer of newcomers) {
              due.push(
                ...(await this.profiles.onAudienceEntered(manager, {
                  workspaceId: audience.workspaceId,
                  customerId: newcomer.id,
                  audience: audience.key,
                  now,
                })),
              );
            }
          }
          await this.audiences.armSchedules(manager, audience.workspaceId, audience.key, newcomers, now);
          return { count: rows.length, last: rows[rows.length - 1]?.id ?? null, due };
        },
      );
      await this.queue.add(
        'advance',
        page.due.map((row) => ({ enrollmentId: row.id, seq: row.seq })),
      );
      if (page.count < PAGE || page.last === null) break;
      after = page.last;
    }
    const repository = new AudienceRepository(this.db.manager);
    await repository.markRecomputed(audience.id, now);
    total.size = await repository.size(audience.id);
    return total;
  }

  /**
   * The scheduled pass: recomputes each audience not recomputed for `intervalMs` of engine time, one claimed at a
   * time, so several workers share the audiences between them.
   */
  async recomputeStale(intervalMs: number): Promise<number> {
    let done = 0;
    for (;;) {
      const now = await this.clock.now();
      const audience = await new AudienceRepository(this.db.manager).claimStale(
        new Date(now.getTime() - intervalMs),
        now,
      );
      if (!audience) return done;
      await this.recompute(audience);
      done += 1;
    }
  }

  /** Size and a sample of who would match a definition, without saving anything (the editor's preview). */
  async preview(workspaceId: string, rule: AudienceRule): Promise<AudiencePreview> {
    const now = await this.clock.now();
    const history = new AudienceHistoryRepository(this.db.manager);
    const preview: AudiencePreview = { size: 0, sample: [] };
    for (let after: string | null = null; ;) {
      const rows = await history.page(workspaceId, after, PAGE);
      const members = await matchingCustomers(history, {
        workspaceId,
        rule,
        customers: rows.map(toCustomerFacts),
        now,
      });
      preview.size += members.length;
      for (const member of members.slice(0, SAMPLE - preview.sample.length)) {
        preview.sample.push({ customerId: member.id, externalId: member.externalId, email: member.email });
      }
      if (rows.length < PAGE) return preview;
      after = rows[rows.length - 1]!.id;
    }
  }
}
