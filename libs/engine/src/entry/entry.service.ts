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
  /** The customer's zone (see `zoneFor`): "once a year" means once per year of their calendar. */
  zone?: string;
};

const DAY = 86_400_000;

/**
 * The calendar period an entry falls in, in the customer's zone: once a year means once per local calendar
 * year, so a yearly greeting that comes an hour or a day earlier than last year's (summer time, Feb 29) still
 * gets in, and two entries in the same year cannot. Used as the enrollment's unique key.
 */
export const periodKey = (
  period: { amount: number; unit: 'days' | 'weeks' | 'months' | 'years' },
  at: Date,
  zone: string,
): string => {
  const local = DateTime.fromJSDate(at, { zone });
  const day = Math.floor(Date.UTC(local.year, local.month - 1, local.day) / DAY);
  const index = {
    years: local.year,
    months: local.year * 12 + local.month - 1,
    // 1970-01-01 was a Thursday: shifting by 3 days starts each week on Monday.
    weeks: Math.floor((day + 3) / 7),
    days: day,
  }[period.unit];
  return `period:${period.amount}-${period.unit}:${Math.floor(index / period.amount)}`;
};

/** Whether the entry rule lets this customer in again, given their past passages. */
const ruleAllows = (rule: EntryRule, stats: EntryStats): boolean => {
  switch (rule.mode) {
    case 'once':
      return stats.total === 0;
    case 'once-per-period':
      // The period is the enrollment's unique key (periodKey): the insert itself refuses a second one.
      return true;
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
      // Nothing to count: every occasion may enter (the default, and the hot path), or the enrollment's unique key
      // is the rule itself (once per period). No lock, no query.
      const uncounted =
        (settings.entry.mode === 'any-time' && settings.entry.maxConcurrent === null) ||
        settings.entry.mode === 'once-per-period';
      if (uncounted && settings.entryLimit === null) {
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
        lastEnteredAt: stats.lastEnteredAt,
      };
      if (ruleAllows(settings.entry, withEarlier)) admitted.push(candidate);
    }
    if (admitted.length === 0) return [];

    const keyOf = (candidate: EntryCandidate) => {
      const rule = (candidate.document.settings ?? DEFAULT_JOURNEY_SETTINGS).entry;
      if (rule.mode === 'once') return 'once';
      if (rule.mode === 'once-per-period') return periodKey(rule.period, now, candidate.zone ?? 'UTC');
      return candidate.occasion;
    };
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
