import { UnrecoverableError, Worker } from 'bullmq';
import { initialEnrollmentState } from '@rapport/journey';
import { EnrollmentRepository, seedPublishedJourney, type TestDatabase } from '@rapport/persistence';
import type { Engine } from '../engine';
import { startTestEngine } from '../testing/test-engine';

const NOW = new Date('2026-07-01T08:00:00Z');

describe('promoter and sweeper', () => {
  let db: TestDatabase;
  let engine: Engine;
  let enrollmentId: string;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    ({ db, engine, stop } = await startTestEngine({ label: 'promoter', clockStart: NOW }));
    const manager = db.dataSource.manager;
    const seed = await seedPublishedJourney(db.dataSource, { now: NOW });
    const [created] = await new EnrollmentRepository(manager).createMany(
      [
        {
          ...seed,
          triggerEventId: null,
          triggerKey: 'k',
          state: initialEnrollmentState('t', NOW),
        },
      ],
      NOW,
    );
    enrollmentId = created!.id;
    // Park it: waiting until tomorrow, not handed to the queue.
    await new EnrollmentRepository(manager).applyStep({
      id: enrollmentId,
      seq: 0,
      state: { ...initialEnrollmentState('t', NOW), status: 'waiting', wakeAt: '2026-07-02T08:00:00.000Z' },
      wakeAt: new Date('2026-07-02T08:00:00Z'),
      enqueueNow: false,
      now: NOW,
    });
  });

  afterAll(async () => {
    await engine.queue.queue('advance').obliterate({ force: true });
    await stop();
  });

  const jobExists = () => engine.queue.has('advance', { enrollmentId, seq: 1 });

  it('should leave a wait in Postgres and Redis empty when it is not due yet', async () => {
    expect(await engine.promoter.promote()).toBe(0);
    expect(await jobExists()).toBe(false);
  });

  it('should enqueue the wait once when it comes due, even when promoted twice', async () => {
    await engine.testClock!.set(new Date('2026-07-02T08:00:00Z'));

    expect(await engine.promoter.promote()).toBe(1);
    expect(await engine.promoter.promote()).toBe(0);
    expect(await jobExists()).toBe(true);
    expect(await engine.queue.pendingCount()).toBe(1);
  });

  it('should put the job back when Redis lost it and it is still missing at the next sweep', async () => {
    await engine.queue.queue('advance').obliterate({ force: true });
    expect(await jobExists()).toBe(false);

    // The first sweep only notes the gap: the job may merely be in flight.
    expect(await engine.sweeper.sweep()).toEqual({ enrollments: 0, deliveries: 0 });
    expect(await engine.sweeper.sweep()).toEqual({ enrollments: 1, deliveries: 0 });

    expect(await jobExists()).toBe(true);
    expect(await engine.sweeper.sweep()).toEqual({ enrollments: 0, deliveries: 0 });
  });

  it('should retry the job when it ran out of attempts', async () => {
    const failing = new Worker(
      'advance',
      async () => {
        throw new UnrecoverableError('postgres was down');
      },
      { connection: engine.redis, prefix: engine.config.RAPPORT_QUEUE_PREFIX },
    );
    for (
      let i = 0;
      i < 100 && (await engine.queue.standing('advance', { enrollmentId, seq: 1 })) !== 'failed';
      i += 1
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await failing.close();
    expect(await engine.queue.standing('advance', { enrollmentId, seq: 1 })).toBe('failed');

    await engine.sweeper.sweep();
    expect(await engine.sweeper.sweep()).toEqual({ enrollments: 1, deliveries: 0 });

    expect(await engine.queue.standing('advance', { enrollmentId, seq: 1 })).toBe('queued');
  });
});
