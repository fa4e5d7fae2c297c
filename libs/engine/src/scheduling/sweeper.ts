import type { DataSource } from 'typeorm';
import { DeliveryRepository, EnrollmentRepository } from '@rapport/persistence';
import type { JobQueue } from '../queue/job-queue';

const PAGE = 500;

/**
 * Redis keeps nothing on disk here: if it restarts, queued jobs vanish. Postgres still knows which rows were
 * handed to the queue, so the sweeper adds back every job that is no longer there.
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
        const payload = { enrollmentId: row.id, seq: row.seq };
        if (await this.queue.has('advance', payload)) continue;
        await this.queue.add('advance', [payload]);
        restoredEnrollments += 1;
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1]!.id;
    }

    const deliveries = new DeliveryRepository(this.db.manager);
    let restoredDeliveries = 0;
    for (let after: string | null = null; ;) {
      const page = await deliveries.listPending(PAGE, after);
      for (const deliveryId of page) {
        if (await this.queue.has('send', { deliveryId })) continue;
        await this.queue.add('send', [{ deliveryId }]);
        restoredDeliveries += 1;
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1]!;
    }
    return { enrollments: restoredEnrollments, deliveries: restoredDeliveries };
  }
}
