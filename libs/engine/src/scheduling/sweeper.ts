import type { DataSource } from 'typeorm';
import { DeliveryRepository, EnrollmentRepository } from '@rapport/persistence';
import type { JobQueue } from '../queue/job-queue';

const PAGE = 500;

/**
 * Redis keeps nothing on disk here: if it restarts, queued jobs vanish; and a job that exhausted its attempts
 * (Postgres down for minutes) sits failed. Postgres still knows which rows were
 * handed to the queue, so the sweeper puts every such job back to work.
 */
export class Sweeper {
  constructor(
    private readonly db: DataSource,
    private readonly queue: JobQueue,
  ) {}

  async sweep(): Promise<{ enrollments: number; deliveries: number }> {
    const enrollments = new EnrollmentRepository(this.db.manager);
    let restoredEnrollments = 0;
    for (let after: string | null = null; ;) {
      const page = await enrollments.listEnqueued(PAGE, after);
      for (const row of page) {
        if (await this.queue.restore('advance', { enrollmentId: row.id, seq: row.seq })) restoredEnrollments += 1;
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1]!.id;
    }

    const deliveries = new DeliveryRepository(this.db.manager);
    let restoredDeliveries = 0;
    for (let after: string | null = null; ;) {
      const page = await deliveries.listPending(PAGE, after);
      for (const deliveryId of page) {
        if (await this.queue.restore('send', { deliveryId })) restoredDeliveries += 1;
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1]!;
    }
    return { enrollments: restoredEnrollments, deliveries: restoredDeliveries };
  }
}
