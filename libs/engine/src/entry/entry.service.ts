import type { EntityManager } from 'typeorm';
import {
  DEFAULT_JOURNEY_SETTINGS,
  initialEnrollmentState,
  type EntryRule,
  type JourneyDocument,
  type ReasonParams,
} from '@rapport/journey';
import { EnrollmentRepository, EntryRulesRepository, type DueEnrollment, type EntryStats } from '@rapport/persistence';
import { DateTime } from 'luxon';

/** A customer a trigger would enroll: the journey, its live version, the node that fired and why. */
export type EntryCandidate = {
  workspaceId: string;
  journeyId: string;
  versionId: string;
  document: JourneyDocument;
  customerId: string;
  triggerNodeId: string;
  triggerEventId: string | null;
  /** What makes this occasion unique (the event id, the date fired): the same occasion never enrolls twice. */
  occasion: string;
  /** Said in the first history line (`{ event: 'Order Completed' }`). */
  because: ReasonParams;
};

/** Whether the entry rule lets this customer in again, given their past passages. */
const ruleAllows = (rule: EntryRule, stats: EntryStats, now: Date): boolean => {
  switch (rule.mode) {
    case 'once':
      return stats.total === 0;
    case 'once-per-period':
      return (
        stats.lastEnteredAt === null ||
        DateTime.fromJSDate(stats.lastEnteredAt)
          .plus({ [rule.period.unit]: rule.period.amount })
          .toMillis() <= now.getTime()
      );
    case 'after-exit':
      return stats.open === 0;
    case 'any-time':
      return rule.maxConcurrent === null || stats.open < rule.maxConcurrent;
    default:
      return assertNever(rule);
  }
};

const assertNever = (value: never): never => {
  throw new Error(`unhandled entry rule ${JSON.stringify(value)}`);
};

/**
 * Applies each journey's entry rules and creates the enrollments that pass, with their first history line, in
 * the caller's transaction. Checks run under an advisory lock per journey and customer, so two triggers at the
 * same moment cannot both get in where the rule allows one.
 */
export class EntryService {
  async admit(manager: EntityManager, candidates: EntryCandidate[], now: Date): Promise<DueEnrollment[]> {
    const rules = new EntryRulesRepository(manager);
    // A fixed lock order: two requests enrolling the same customers never wait on each other in a circle.
    const ordered = [...candidates].sort((a, b) =>
      `${a.journeyId}/${a.customerId}`.localeCompare(`${b.journeyId}/${b.customerId}`),
    );
    const admitted: EntryCandidate[] = [];
    for (const candidate of ordered) {
      const settings = candidate.document.settings ?? DEFAULT_JOURNEY_SETTINGS;
      // Every occasion may enter and nothing is counted: no lock, no query (the default, and the hot path).
      if (settings.entry.mode === 'any-time' && settings.entry.maxConcurrent === null && settings.entryLimit === null) {
        admitted.push(candidate);
        continue;
      }
      await rules.lockCustomer(candidate.journeyId, candidate.customerId);
      if (settings.entryLimit !== null) {
        await rules.lockJourney(candidate.journeyId);
        const already = admitted.filter((entry) => entry.journeyId === candidate.journeyId).length;
        if ((await rules.journeyTotal(candidate.journeyId)) + already >= settings.entryLimit) continue;
      }
      const stats = await rules.customerStats(candidate.journeyId, candidate.customerId);
      const earlier = admitted.filter(
        (entry) => entry.journeyId === candidate.journeyId && entry.customerId === candidate.customerId,
      ).length;
      const withEarlier = {
        total: stats.total + earlier,
        open: stats.open + earlier,
        lastEnteredAt: earlier ? now : stats.lastEnteredAt,
      };
      if (ruleAllows(settings.entry, withEarlier, now)) admitted.push(candidate);
    }
    if (admitted.length === 0) return [];

    const keyOf = (candidate: EntryCandidate) =>
      (candidate.document.settings ?? DEFAULT_JOURNEY_SETTINGS).entry.mode === 'once' ? 'once' : candidate.occasion;
    const enrollments = new EnrollmentRepository(manager);
    const created = await enrollments.createMany(
      admitted.map((candidate) => ({
        workspaceId: candidate.workspaceId,
        journeyId: candidate.journeyId,
        versionId: candidate.versionId,
        customerId: candidate.customerId,
        triggerEventId: candidate.triggerEventId,
        // `once` is also a unique key: even a race past the lock cannot store a second passage.
        triggerKey: keyOf(candidate),
        state: initialEnrollmentState(candidate.triggerNodeId, now),
      })),
      now,
    );
    const byKey = new Map(admitted.map((c) => [`${c.journeyId}/${c.customerId}/${keyOf(c)}`, c] as const));
    await enrollments.appendEntries(
      created.flatMap((row) => {
        const candidate = byKey.get(`${row.journeyId}/${row.customerId}/${row.triggerKey}`);
        if (!candidate) return [];
        const entered = { nodeId: candidate.triggerNodeId, code: 'enrollment.entered', params: candidate.because };
        return [{ ...entered, workspaceId: candidate.workspaceId, enrollmentId: row.id, seq: 0, at: now }];
      }),
    );
    return created.map(({ id, seq }) => ({ id, seq }));
  }
}
