import type { DataSource } from 'typeorm';
import { DeliveryRepository, EnrollmentRepository, type Clock } from '@rapport/persistence';
import type { JobQueue } from '../queue/job-queue';
import type { TriggerScheduler } from './trigger-scheduler';

/**
 * Moves waits that came due from Postgres into Redis. Several promoters may run (one per worker): SKIP LOCKED
 * hands each row to one of them, and the deterministic job id absorbs any overlap.
 */
export class Promoter {
  constructor(
    private readonly db: DataSource,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    private readonly scheduler: TriggerScheduler,
    private readonly batchSize = 1000,
  ) {}

  /** Fires date and schedule triggers that came due, then hands due deliveries and waits to the queue. */
  async promote(): Promise<number> {
    await this.scheduler.fireDue();
    const now = await this.clock.now();
    // Deliveries deferred by quiet hours or a cap whose time came.
    for (;;) {
      const due = await new DeliveryRepository(this.db.manager).claimDue(now, this.batchSize);
      await this.queue.add(
        'send',
        due.map((row) => ({ deliveryId: row.id, round: row.round })),
      );
      if (due.length < this.batchSize) break;
    }
    let total = 0;
    for (;;) {
      const due = await new EnrollmentRepository(this.db.manager).claimDue(now, this.batchSize);
      await this.queue.add(
        'advance',
        due.map((row) => ({ enrollmentId: row.id, seq: row.seq })),
      );
      total += due.length;
      if (due.length < this.batchSize) return total;
    }
  }
}
