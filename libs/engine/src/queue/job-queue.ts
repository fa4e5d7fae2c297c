import { Queue, type ConnectionOptions } from 'bullmq';
import { jobCatalog, type JobName, type JobPayload } from './job-catalog';

/** Redis holds only work that is due now; long waits stay in Postgres. */
export class JobQueue {
  private readonly queues: { [Name in JobName]: Queue };

  constructor(
    connection: ConnectionOptions,
    readonly prefix: string,
  ) {
    const make = (name: JobName) =>
      new Queue(jobCatalog[name].queue, {
        connection,
        prefix,
        defaultJobOptions: {
          attempts: jobCatalog[name].attempts,
          backoff: { type: 'exponential', delay: jobCatalog[name].backoffMs },
          // Removed once done, so the same deterministic id can be added again for later work.
          removeOnComplete: true,
          removeOnFail: { count: 10_000 },
        },
      });
    this.queues = { advance: make('advance'), schedules: make('schedules'), send: make('send') };
  }

  async add<Name extends JobName>(name: Name, payloads: JobPayload<Name>[]): Promise<void> {
    if (payloads.length === 0) return;
    const definition = jobCatalog[name];
    await this.queues[name].addBulk(
      payloads.map((payload) => ({
        name,
        data: payload,
        opts: { jobId: (definition.jobId as (p: JobPayload<Name>) => string)(payload) },
      })),
    );
  }

  /** True when a job with this id is still somewhere in Redis (waiting, active, delayed or failed). */
  async has<Name extends JobName>(name: Name, payload: JobPayload<Name>): Promise<boolean> {
    const state = await this.queues[name].getJobState(this.idOf(name, payload));
    return state !== 'unknown' && state !== 'completed';
  }

  /** Where the job for this work stands in Redis: still queued, gone, or failed after its last attempt. */
  async standing<Name extends JobName>(
    name: Name,
    payload: JobPayload<Name>,
  ): Promise<'queued' | 'missing' | 'failed'> {
    const state = await this.queues[name].getJobState(this.idOf(name, payload));
    if (state === 'failed') return 'failed';
    return state === 'unknown' || state === 'completed' ? 'missing' : 'queued';
  }

  /**
   * Puts the work back: adds the job if Redis lost it, retries it if it ran out of attempts (a failed job keeps
   * its id, so a plain add would be ignored and the work stranded).
   */
  async restore<Name extends JobName>(name: Name, payload: JobPayload<Name>): Promise<void> {
    const id = this.idOf(name, payload);
    if ((await this.queues[name].getJobState(id)) === 'failed')
      await (await this.queues[name].getJob(id))?.retry('failed');
    else await this.add(name, [payload]);
  }

  private idOf<Name extends JobName>(name: Name, payload: JobPayload<Name>): string {
    return (jobCatalog[name].jobId as (p: JobPayload<Name>) => string)(payload);
  }

  /** Jobs not finished yet, across queues; the test clock waits for this to reach zero. */
  async pendingCount(): Promise<number> {
    const counts = await Promise.all(
      Object.values(this.queues).map((queue) =>
        queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children'),
      ),
    );
    return counts.reduce((sum, count) => sum + Object.values(count).reduce((a, b) => a + b, 0), 0);
  }

  queue(name: JobName): Queue {
    return this.queues[name];
  }

  async close(): Promise<void> {
    await Promise.all(Object.values(this.queues).map((queue) => queue.close()));
  }
}
