import { createTestDatabase, type TestDatabase } from '../test-database';
import { seedPublishedJourney } from '../test-fixtures';
import { initialEnrollmentState } from '@rapport/journey';
import { DeliveryRepository } from './delivery.repository';
import { EnrollmentRepository } from './enrollment.repository';

const NOW = new Date('2026-05-01T10:00:00Z');

describe('DeliveryRepository claim', () => {
  let db: TestDatabase;
  let sut: DeliveryRepository;
  let deliveryId: string;

  beforeAll(async () => {
    db = await createTestDatabase('claims');
    const seed = await seedPublishedJourney(db.dataSource, { now: NOW });
    const [enrollment] = await new EnrollmentRepository(db.dataSource.manager).createMany(
      [{ ...seed, triggerEventId: null, triggerKey: 'k', state: initialEnrollmentState('t', NOW) }],
      NOW,
    );
    sut = new DeliveryRepository(db.dataSource.manager);
    [deliveryId] = (await sut.insertMany(
      [{ ...seed, enrollmentId: enrollment!.id, nodeId: 'mail', visit: 1, channel: 'email', templateKey: 'hello' }],
      NOW,
    )) as [string];
  });

  afterAll(() => db.drop());

  it('should let exactly one of two attempts claim a pending delivery when they race', async () => {
    const claims = await Promise.all([sut.claim(deliveryId, 0, NOW), sut.claim(deliveryId, 0, NOW)]);

    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(claims.find(Boolean)?.interrupted).toBe(false);
  });

  it('should not take over a delivery another attempt is sending right now', async () => {
    expect(await sut.claim(deliveryId, 0, NOW)).toBeNull();
  });

  it('should take over, marked interrupted, when the attempt holding it stopped long ago', async () => {
    await db.dataSource.query(`UPDATE deliveries SET sending_since = now() - interval '5 minutes' WHERE id = $1`, [
      deliveryId,
    ]);

    const sut2 = await sut.claim(deliveryId, 0, NOW);

    expect(sut2).toMatchObject({ id: deliveryId, interrupted: true, attempts: 2 });
  });

  it('should ignore a job of an earlier round when the delivery was deferred', async () => {
    await db.dataSource.query(`UPDATE deliveries SET status = 'pending', round = 1 WHERE id = $1`, [deliveryId]);

    expect(await sut.claim(deliveryId, 0, NOW)).toBeNull();
    expect(await sut.claim(deliveryId, 1, NOW)).toMatchObject({ round: 1 });
  });
});
