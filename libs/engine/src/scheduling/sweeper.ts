import type { DataSource } from 'typeorm';
import { DeliveryRepository, EnrollmentRepository } from '@rapport/persistence';
import type { JobName, JobPayload } from '../queue/job-catalog';
import type { JobQueue } from '../queue/job-queue';

const PAGE = 500;

/**
 * Redis keeps nothing on disk here: if it restarts, queued jobs vanish; and a job that exhausted its attempts
 * (Postgres down for minutes) sits failed. Postgres still knows which rows were handed to the queue, so the
 * sweeper puts such jobs back to work. It acts only on work found without a live job in two sweeps in a row:
 * a row read just before its job finished, or just before its job was added, is not lost, merely in flight.
 */
export class Sweeper {
  private suspects = new Set<string>();

  constructor(
    private readonly db: DataSource,
    private readonly queue: JobQueue,
  ) {}

  async sweep(): Promise<{ enrollments: number; deliveries: number }> {
    const seen = new Set<string>();
    const check = async <Name extends JobName>(name: Name, payload: JobPayload<Name>): Promise<number> => {
      if ((await this.queue.standing(name, payload)) === 'queued') return 0;
      const key = `${name}:${JSON.stringify(payload)}`;
      seen.add(key);
      if (!this.suspects.has(key)) return 0;
      await this.queue.restore(name, payload);
      return 1;
    };

    const enrollments = new EnrollmentRepository(this.db.manager);
    let restoredEnrollments = 0;
    for (let after: string | null = null; ;) {
      const page = await enrollments.listEnqueued(PAGE, after);
      for (const row of page) restoredEnrollments += await check('advance', { enrollmentId: row.id, seq: row.seq });
      if (page.length < PAGE) break;
      after = page[page.length - 1]!.id;
    }

    const deliveries = new DeliveryRepository(this.db.manager);
    let restoredDeliveries = 0;
    for (let after: string | null = null; ;) {
      const page = await deliveries.listPending(PAGE, after);
      for (const row of page) restoredDeliveries += await check('send', { deliveryId: row.id, round: row.round });
      if (page.length < PAGE) break;
      after = page[page.length - 1]!.id;
    }
    this.suspects = seen;
    return { enrollments: restoredEnrollments, deliveries: restoredDeliveries };
  }
}
