import type { DataSource } from 'typeorm';
import { DeliveryRepository, EnrollmentRepository, TriggerScheduleRepository, type Clock } from '@rapport/persistence';
import type { JobQueue } from '../queue/job-queue';
import type { Promoter } from './promoter';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * After the test clock moves: promote what came due and wait until the workers have done all of it (no due
 * rows, no queued jobs, no open deliveries), so a test's next line sees the result.
 */
export class Drain {
  constructor(
    private readonly db: DataSource,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    private readonly promoter: Promoter,
  ) {}

  async untilIdle(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    let quietChecks = 0;
    while (Date.now() < deadline) {
      await this.promoter.promote();
      const now = await this.clock.now();
      const [outstanding, open, jobs, schedules] = await Promise.all([
        new EnrollmentRepository(this.db.manager).countOutstanding(now),
        new DeliveryRepository(this.db.manager).countOpen(now),
        this.queue.pendingCount(),
        new TriggerScheduleRepository(this.db.manager).countDue(now),
      ]);
      // Two quiet checks in a row: a job finishing between the counts cannot fool us.
      quietChecks = outstanding + open + jobs + schedules === 0 ? quietChecks + 1 : 0;
      if (quietChecks >= 2) return true;
      await pause(20);
    }
    return false;
  }
}
