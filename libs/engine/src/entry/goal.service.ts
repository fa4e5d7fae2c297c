import type { EntityManager } from 'typeorm';
import { focusTrigger, matchesFilters, sharesValuesWith, type EventFacts } from '@rapport/journey';
import { EnrollmentEventsRepository, EventRepository } from '@rapport/persistence';
import type { JobPayload } from '../queue/job-catalog';
import type { VersionCache } from '../stepping/version-cache';

/**
 * Conversions: an event that is a journey's goal, done within the window after entry, is recorded on the passage
 * (holdout control included, so the report can compare groups); with `exitOnGoal` the passage also leaves.
 */
export class GoalService {
  constructor(private readonly versions: VersionCache) {}

  async onEvent(
    manager: EntityManager,
    workspaceId: string,
    customerId: string,
    event: EventFacts,
  ): Promise<JobPayload<'advance'>[]> {
    const repository = new EnrollmentEventsRepository(manager);
    const candidates = await repository.goalCandidates(workspaceId, customerId, event.name);
    const leave: JobPayload<'advance'>[] = [];
    const at = new Date(event.timestamp);
    for (const candidate of candidates) {
      const version = await this.versions.get(candidate.versionId, manager);
      const goal = version?.document.settings?.goal;
      if (!version || !goal || goal.event !== event.name) continue;
      const windowEnd = candidate.enteredAt.getTime() + goal.withinDays * 86_400_000;
      if (at.getTime() < candidate.enteredAt.getTime() || at.getTime() > windowEnd) continue;
      if (!matchesFilters(event.properties, goal.where)) continue;
      if (goal.sameAsTrigger.length > 0) {
        const trigger = candidate.triggerEventId
          ? await new EventRepository(manager).findFacts(workspaceId, candidate.triggerEventId)
          : null;
        // The goal event is not the trigger itself ordering the product the first time.
        if (
          candidate.triggerEventId === event.id ||
          !sharesValuesWith(event, focusTrigger(version.document, trigger), goal.sameAsTrigger)
        )
          continue;
      }
      const converted = await repository.markConverted(candidate.id, event.id, at);
      if (converted && goal.exitOnGoal && (candidate.status === 'active' || candidate.status === 'waiting')) {
        leave.push({ enrollmentId: candidate.id, seq: candidate.seq, leave: 'goal' });
      }
    }
    return leave;
  }
}
