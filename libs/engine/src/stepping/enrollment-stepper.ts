import type { DataSource } from 'typeorm';
import {
  advance,
  focusTrigger,
  historyKey,
  seededRandom,
  type AdvanceInput,
  type HistoryFacts,
  type HistoryQuery,
} from '@rapport/journey';
import {
  DeliveryRepository,
  EnrollmentRepository,
  EventRepository,
  toCustomerFacts,
  type Clock,
} from '@rapport/persistence';
import { performEffect, type EffectOutcome } from '../delivery/effect-handlers';
import type { ProfileChangeService } from '../entry/profile-change.service';
import type { JobPayload } from '../queue/job-catalog';
import type { JobQueue } from '../queue/job-queue';
import type { VersionCache } from './version-cache';

/** Thrown inside the step's transaction when another run moved the enrollment first, so everything rolls back. */
class LostRace extends Error {}

export type StepOutcome = 'stepped' | 'stale' | 'not-due' | 'missing';

/**
 * Runs one `advance` job: load, decide with the pure interpreter, then commit state, history and outbox rows
 * in one transaction guarded by `seq`. A job that runs twice finds `seq` moved on and does nothing.
 */
export class EnrollmentStepper {
  constructor(
    private readonly db: DataSource,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    private readonly versions: VersionCache,
    private readonly profiles: ProfileChangeService,
  ) {}

  async run(payload: JobPayload<'advance'>): Promise<StepOutcome> {
    const manager = this.db.manager;
    const [loaded, now] = await Promise.all([
      new EnrollmentRepository(manager).loadForStep(payload.enrollmentId),
      this.clock.now(),
    ]);
    if (!loaded) return 'missing';
    const { enrollment, customer, trigger, workspaceTimeZone } = loaded;
    if (enrollment.seq !== payload.seq) {
      // A reason to leave outlives the step it was computed at: ask again at the enrollment's current seq.
      if (payload.leave && (enrollment.status === 'active' || enrollment.status === 'waiting')) {
        await this.queue.add('advance', [{ ...payload, seq: enrollment.seq }]);
      }
      return 'stale';
    }
    const version = await this.versions.get(enrollment.version_id, manager);
    if (!version) return 'missing';
    const events = new EventRepository(manager);
    const input = await this.inputFor(payload, enrollment.workspace_id, events);
    const history = await this.historyFor(version.historyQueries, enrollment.customer_id, events, now);

    const result = advance(
      version,
      {
        id: enrollment.id,
        state: enrollment.state,
        customer: toCustomerFacts(customer),
        trigger: focusTrigger(version.document, trigger),
        history,
        workspaceTimeZone,
      },
      input,
      now,
      seededRandom(`${enrollment.id}:${enrollment.seq}`),
    );
    if (result.state === enrollment.state) {
      // Nothing moved (a timer came early): give the row back to the promoter for its real time.
      await new EnrollmentRepository(manager).release(enrollment.id, enrollment.seq);
      return 'not-due';
    }

    const continueNow = result.wakeAt !== null && result.wakeAt.getTime() <= now.getTime();
    const committed = await this.db
      .transaction(async (tx) => {
        const context = {
          manager: tx,
          workspaceId: enrollment.workspace_id,
          enrollmentId: enrollment.id,
          customerId: enrollment.customer_id,
          now,
          profiles: this.profiles,
        };
        // Effects first, in order: one that fails (an empty coupon pool) stops the journey at its node, and the
        // effects after it never happen. A lost compare-and-set below rolls all of them back.
        const outcomes: EffectOutcome[] = [];
        for (const effect of result.effects) {
          const outcome = await performEffect(effect, context);
          outcomes.push(outcome);
          if (outcome.failure) break;
        }
        const failure = outcomes.find((outcome) => outcome.failure)?.failure;
        const state = failure
          ? { ...result.state, status: 'failed' as const, nodeId: failure.nodeId, wakeAt: null, listen: null }
          : result.state;
        const lastReason = failure ? result.reasons.map((reason) => reason.nodeId).lastIndexOf(failure.nodeId) : -1;
        const reasons = failure ? [...result.reasons.slice(0, lastReason + 1), failure] : result.reasons;
        const enrollments = new EnrollmentRepository(tx);
        const applied = await enrollments.applyStep({
          id: enrollment.id,
          seq: enrollment.seq,
          state,
          wakeAt: failure ? null : result.wakeAt,
          enqueueNow: failure ? false : continueNow,
          now,
        });
        // Lost the race: undo the effects performed above (a coupon taken, an attribute changed) with the rest.
        if (!applied) throw new LostRace();
        await enrollments.appendHistory(enrollment.workspace_id, enrollment.id, enrollment.seq + 1, now, reasons);
        const ids = await new DeliveryRepository(tx).insertMany(
          outcomes.flatMap((outcome) => outcome.deliveries),
          now,
        );
        return { ids, jobs: outcomes.flatMap((outcome) => outcome.jobs), continueNow: continueNow && !failure };
      })
      .catch((error: unknown) => {
        if (error instanceof LostRace) return null;
        throw error;
      });
    if (committed === null) return 'stale';

    await this.queue.add(
      'send',
      committed.ids.map((deliveryId) => ({ deliveryId, round: 0 })),
    );
    await this.queue.add('advance', committed.jobs);
    if (committed.continueNow)
      await this.queue.add('advance', [{ enrollmentId: enrollment.id, seq: enrollment.seq + 1 }]);
    return 'stepped';
  }

  /** Answers the version's event-history questions for this customer (none for most journeys). */
  private async historyFor(
    queries: HistoryQuery[],
    customerId: string,
    events: EventRepository,
    now: Date,
  ): Promise<HistoryFacts> {
    const answers = await Promise.all(
      queries.map((query) =>
        events.countMatching(
          customerId,
          query,
          query.withinDays === null ? null : new Date(now.getTime() - query.withinDays * 86_400_000),
        ),
      ),
    );
    return Object.fromEntries(queries.map((query, i) => [historyKey(query), answers[i] ?? 0]));
  }

  private async inputFor(
    payload: JobPayload<'advance'>,
    workspaceId: string,
    events: EventRepository,
  ): Promise<AdvanceInput> {
    if (payload.leave) return { type: 'leave', why: payload.leave };
    if (payload.eventId) {
      const event = await events.findFacts(workspaceId, payload.eventId);
      if (event) return { type: 'event', event };
    }
    // A fresh enrollment (seq 0) is entering; any later job is its timer coming due.
    return payload.seq === 0 ? { type: 'entry' } : { type: 'timer' };
  }
}
