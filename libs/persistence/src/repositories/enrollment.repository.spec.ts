import { initialEnrollmentState } from '@rapport/journey';
import { createTestDatabase, type TestDatabase } from '../test-database';
import { seedPublishedJourney } from '../test-fixtures';
import { EnrollmentRepository } from './enrollment.repository';

const NOW = new Date('2026-05-01T10:00:00Z');

describe('EnrollmentRepository', () => {
  let db: TestDatabase;
  let sut: EnrollmentRepository;
  let seed: { workspaceId: string; journeyId: string; versionId: string; customerId: string };

  beforeAll(async () => {
    db = await createTestDatabase('enrollments');
    seed = await seedPublishedJourney(db.dataSource, { now: NOW, triggerKeys: ['event:Ping'] });
    sut = new EnrollmentRepository(db.dataSource.manager);
  });

  afterAll(() => db.drop());

  const enroll = (triggerKey: string) =>
    sut.createMany([{ ...seed, triggerEventId: null, triggerKey, state: initialEnrollmentState('t', NOW) }], NOW);

  it('should create an enrollment once when the same trigger key enrolls twice', async () => {
    const first = await enroll('event:e-1');
    const second = await enroll('event:e-1');

    expect(first).toHaveLength(1);
    expect(second).toEqual([]);
  });

  it('should apply a step once when two workers race on the same seq', async () => {
    const [created] = await enroll('event:e-2');
    const step = {
      id: created!.id,
      seq: 0,
      state: { ...initialEnrollmentState('t', NOW), status: 'waiting' as const },
      wakeAt: NOW,
      enqueueNow: false,
      now: NOW,
    };

    const results = await Promise.all([sut.applyStep(step), sut.applyStep(step)]);

    expect(results.sort()).toEqual([false, true]);
    expect((await sut.find(created!.id))?.seq).toBe(1);
  });

  it('should hand each due enrollment to exactly one promoter when promoters run side by side', async () => {
    const [created] = await enroll('event:e-3');
    await sut.applyStep({
      id: created!.id,
      seq: 0,
      state: initialEnrollmentState('t', NOW),
      wakeAt: NOW,
      enqueueNow: false,
      now: NOW,
    });

    const claims = await Promise.all([
      db.dataSource.transaction((m) => new EnrollmentRepository(m).claimDue(NOW, 100)),
      db.dataSource.transaction((m) => new EnrollmentRepository(m).claimDue(NOW, 100)),
    ]);

    const claimed = claims.flat().filter((row) => row.id === created!.id);
    expect(claimed).toEqual([{ id: created!.id, seq: 1 }]);
  });

  it('should refuse to change a published version when anyone tries', async () => {
    await expect(
      db.dataSource.query(`UPDATE journey_versions SET document = '{}' WHERE id = $1`, [seed.versionId]),
    ).rejects.toThrow(/immutable/);
  });
});
