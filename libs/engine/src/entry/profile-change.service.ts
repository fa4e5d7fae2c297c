import type { EntityManager } from 'typeorm';
import { evaluateCondition, indexJourney, type CustomerFacts, type EventFacts } from '@rapport/journey';
import {
  EnrollmentEventsRepository,
  JourneyRepository,
  TriggerScheduleRepository,
  type DueEnrollment,
} from '@rapport/persistence';
import type { JobPayload } from '../queue/job-catalog';
import { zoneFor, type TriggerScheduler } from '../scheduling/trigger-scheduler';
import type { VersionCache } from '../stepping/version-cache';
import type { AudienceService } from '../audiences/audience.service';
import { memoInTransaction } from '../common/transaction-memo';
import type { EntryService } from './entry.service';

const PROFILE_FIELDS = ['email', 'phone', 'timeZone', 'locale'] as const;

/** The profile paths whose value differs (top-level attributes and the profile fields). */
export const changedPaths = (before: CustomerFacts | null, after: CustomerFacts): string[] => {
  const keys = new Set([...Object.keys(before?.attributes ?? {}), ...Object.keys(after.attributes)]);
  const attributes = [...keys].filter(
    (key) => JSON.stringify(before?.attributes[key]) !== JSON.stringify(after.attributes[key]),
  );
  const fields = PROFILE_FIELDS.filter((field) => before?.[field] !== after[field]);
  return [...attributes, ...fields];
};

export type ProfileChangeOutcome = { due: DueEnrollment[]; jobs: JobPayload<'advance'>[] };

/**
 * A customer's profile changed (or the customer is new): threshold triggers that the change crosses enroll,
 * date and schedule triggers get this customer's next fire time again, and passages whose journey exit
 * condition now holds leave. Runs in the transaction that changed the profile.
 */
export class ProfileChangeService {
  constructor(
    private readonly versions: VersionCache,
    private readonly entry: EntryService,
    private readonly scheduler: TriggerScheduler,
    private readonly audiences: AudienceService | null = null,
  ) {}

  async onChange(
    manager: EntityManager,
    input: {
      workspaceId: string;
      workspaceZone: string | null;
      before: CustomerFacts | null;
      after: CustomerFacts;
      /** The event that caused the change, if any: audiences over event history react to it. */
      event?: EventFacts | null;
      now: Date;
    },
  ): Promise<ProfileChangeOutcome> {
    const { workspaceId, after, now } = input;
    const entered = this.audiences
      ? await this.audiences.evaluate(manager, {
          workspaceId,
          customer: after,
          before: input.before,
          event: input.event ?? null,
          now,
        })
      : [];
    const joined: DueEnrollment[] = [];
    for (const audience of entered) {
      joined.push(...(await this.onAudienceEntered(manager, { workspaceId, customerId: after.id, audience, now })));
    }
    const outcome = await this.onProfileChange(manager, input);
    return { ...outcome, due: [...joined, ...outcome.due] };
  }

  private async onProfileChange(
    manager: EntityManager,
    input: {
      workspaceId: string;
      workspaceZone: string | null;
      before: CustomerFacts | null;
      after: CustomerFacts;
      now: Date;
    },
  ): Promise<ProfileChangeOutcome> {
    const { workspaceId, before, after, now } = input;
    const changed = changedPaths(before, after);
    if (changed.length === 0) return { due: [], jobs: [] };
    // A new customer also joins every schedule that targets everyone; a new time zone moves every timed trigger.
    const keys = [...changed.map((path) => `profile:${path}`), ...(before ? [] : ['schedule:all'])];
    const journeys = new JourneyRepository(manager);
    const versions = changed.includes('timeZone')
      ? await memoInTransaction(manager, `live-like:${workspaceId}`, () =>
          journeys.liveVersionsWithKeyLike(workspaceId, ['profile:%', 'schedule:%', 'event:%']),
        )
      : await memoInTransaction(manager, `live-any:${workspaceId}:${[...keys].sort().join('|')}`, () =>
          journeys.liveVersionsForAny(workspaceId, keys),
        );
    // A customer who arrives with 1,200 points has crossed 1,000: before them, there was nothing.
    const previous: CustomerFacts = before ?? { ...after, attributes: {} };

    const candidates = versions.flatMap((version) =>
      indexJourney(version.document).triggers.flatMap((trigger) =>
        trigger.kind.trigger?.matchesChange?.(trigger.config, previous, after)
          ? [
              {
                workspaceId,
                journeyId: version.journeyId,
                versionId: version.versionId,
                document: version.document,
                customerId: after.id,
                triggerNodeId: trigger.node.id,
                triggerEventId: null,
                occasion: `${trigger.node.id}:${now.toISOString()}`,
                because: { changed: changed.join(', ') },
                zone: zoneFor(after, version.document, input.workspaceZone),
              },
            ]
          : [],
      ),
    );
    const due = await this.entry.admit(manager, candidates, now);

    const schedules = versions.flatMap((version) =>
      this.scheduler.schedulesFor(workspaceId, version, after, now, input.workspaceZone),
    );
    await new TriggerScheduleRepository(manager).upsertMany(schedules, now);

    // A new customer has no passages that could leave.
    return { due, jobs: before ? await this.leavers(manager, workspaceId, after) : [] };
  }

  /** A customer started matching an audience: journeys with an audience trigger for it enroll them. */
  async onAudienceEntered(
    manager: EntityManager,
    input: { workspaceId: string; customerId: string; audience: string; now: Date },
  ): Promise<DueEnrollment[]> {
    const versions = await memoInTransaction(manager, `live:${input.workspaceId}:audience:${input.audience}`, () =>
      new JourneyRepository(manager).liveVersionsFor(input.workspaceId, `audience:${input.audience}`),
    );
    const candidates = versions.flatMap((version) =>
      indexJourney(version.document).triggers.flatMap((trigger) =>
        trigger.kind.trigger?.matchesAudience?.(trigger.config, input.audience)
          ? [
              {
                workspaceId: input.workspaceId,
                journeyId: version.journeyId,
                versionId: version.versionId,
                document: version.document,
                customerId: input.customerId,
                triggerNodeId: trigger.node.id,
                triggerEventId: null,
                occasion: `${trigger.node.id}:${input.now.toISOString()}`,
                because: { audience: input.audience },
              },
            ]
          : [],
      ),
    );
    return this.entry.admit(manager, candidates, input.now);
  }

  /** Passages whose journey says "leave when the customer matches ..." and who now do. */
  private async leavers(
    manager: EntityManager,
    workspaceId: string,
    customer: CustomerFacts,
  ): Promise<JobPayload<'advance'>[]> {
    // Most workspaces set no exit condition: asked once per batch instead of reading each customer's passages.
    const anyExit = await memoInTransaction(manager, `exit-conditions:${workspaceId}`, () =>
      new JourneyRepository(manager).hasExitConditions(workspaceId),
    );
    if (!anyExit) return [];
    const open = await new EnrollmentEventsRepository(manager).open(customer.id);
    const jobs: JobPayload<'advance'>[] = [];
    for (const enrollment of open) {
      const exitWhen = (await this.versions.get(enrollment.versionId, manager))?.document.settings?.exitWhen;
      if (!exitWhen || exitWhen.length === 0) continue;
      // Profile conditions only: the triggering event does not change, so it cannot start to match now.
      const holds = exitWhen.every(
        (condition) =>
          condition.source === 'profile' && evaluateCondition(condition, { customer, trigger: null }).matched,
      );
      if (holds) jobs.push({ enrollmentId: enrollment.id, seq: enrollment.seq, leave: 'exit-condition' });
    }
    return jobs;
  }
}
