import type { DataSource } from 'typeorm';
import { advance, seededRandom, type AdvanceInput } from '@rapport/journey';
import {
  DeliveryRepository,
  EnrollmentRepository,
  EventRepository,
  JourneyRepository,
  toCustomerFacts,
  type Clock,
} from '@rapport/persistence';
import { toDelivery } from '../delivery/effect-handlers';
import type { JobPayload } from '../queue/job-catalog';
import type { JobQueue } from '../queue/job-queue';
import { VersionCache } from './version-cache';

export type StepOutcome = 'stepped' | 'stale' | 'not-due' | 'missing';

/**
 * Runs one `advance` job: load, decide with the pure interpreter, then commit state, history and outbox rows
 * in one transaction guarded by `seq`. A job that runs twice finds `seq` moved on and does nothing.
 */
export class EnrollmentStepper {
  private readonly versions = new VersionCache();

  constructor(
    private readonly db: DataSource,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
  ) {}

  async run(payload: JobPayload<'advance'>): Promise<StepOutcome> {
    const manager = this.db.manager;
    const enrollment = await new EnrollmentRepository(manager).find(payload.enrollmentId);
    if (!enrollment) return 'missing';
    if (enrollment.seq !== payload.seq) return 'stale';

    const [customerRows, version, now] = await Promise.all([
      manager.query('SELECT * FROM customers WHERE id = $1', [enrollment.customer_id]),
      this.versions.get(enrollment.version_id, new JourneyRepository(manager)),
      this.clock.now(),
    ]);
    if (!customerRows[0] || !version) return 'missing';
    const events = new EventRepository(manager);
    const trigger = enrollment.trigger_event_id
      ? await events.findFacts(enrollment.workspace_id, enrollment.trigger_event_id)
      : null;
    const input = await this.inputFor(payload, enrollment.workspace_id, events);

    const result = advance(
      version,
      { id: enrollment.id, state: enrollment.state, customer: toCustomerFacts(customerRows[0]), trigger },
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
    const deliveryIds = await this.db.transaction(async (tx) => {
      const enrollments = new EnrollmentRepository(tx);
      const applied = await enrollments.applyStep({
        id: enrollment.id,
        seq: enrollment.seq,
        state: result.state,
        wakeAt: result.wakeAt,
        enqueueNow: continueNow,
        now,
      });
      if (!applied) return null;
      await enrollments.appendHistory(enrollment.workspace_id, enrollment.id, enrollment.seq + 1, now, result.reasons);
      const context = {
        workspaceId: enrollment.workspace_id,
        enrollmentId: enrollment.id,
        customerId: enrollment.customer_id,
      };
      return new DeliveryRepository(tx).insertMany(
        result.effects.map((effect) => toDelivery(effect, context)),
        now,
      );
    });
    if (deliveryIds === null) return 'stale';

    await this.queue.add(
      'send',
      deliveryIds.map((deliveryId) => ({ deliveryId })),
    );
    if (continueNow) await this.queue.add('advance', [{ enrollmentId: enrollment.id, seq: enrollment.seq + 1 }]);
    return 'stepped';
  }

  private async inputFor(
    payload: JobPayload<'advance'>,
    workspaceId: string,
    events: EventRepository,
  ): Promise<AdvanceInput> {
    if (payload.eventId) {
      const event = await events.findFacts(workspaceId, payload.eventId);
      if (event) return { type: 'event', event };
    }
    // A fresh enrollment (seq 0) is entering; any later job is its timer coming due.
    return payload.seq === 0 ? { type: 'entry' } : { type: 'timer' };
  }
}
