import { createTestDatabase, type TestDatabase } from '@rapport/persistence';
import { transactionWithRetry } from './transaction-retry';

describe('transactionWithRetry', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('tx_retry');
    await db.dataSource.query('CREATE TABLE counters (id int PRIMARY KEY, n int NOT NULL)');
  });

  afterAll(() => db?.drop());

  beforeEach(() => db.dataSource.query('TRUNCATE counters; INSERT INTO counters VALUES (1, 0), (2, 0)'));

  it('should run both transactions to the end when Postgres aborts one of them as a deadlock', async () => {
    let runs = 0;
    // Two transactions lock the same two rows in opposite orders: Postgres kills one, which runs again.
    const bump = (first: number, second: number) =>
      transactionWithRetry(db.dataSource, async (manager) => {
        runs += 1;
        await manager.query('UPDATE counters SET n = n + 1 WHERE id = $1', [first]);
        await manager.query('SELECT pg_sleep(0.2)');
        await manager.query('UPDATE counters SET n = n + 1 WHERE id = $1', [second]);
      });

    await Promise.all([bump(1, 2), bump(2, 1)]);

    expect(runs).toBe(3);
    expect(await db.dataSource.query('SELECT id, n FROM counters ORDER BY id')).toEqual([
      { id: 1, n: 2 },
      { id: 2, n: 2 },
    ]);
  });

  it('should not run again after an error that is not a conflict', async () => {
    let runs = 0;

    const act = transactionWithRetry(db.dataSource, async (manager) => {
      runs += 1;
      await manager.query('UPDATE counters SET n = n + 1 WHERE id = 1');
      await manager.query('SELECT 1 / 0');
    });

    await expect(act).rejects.toThrow(/division by zero/);
    expect(runs).toBe(1);
    expect(await db.dataSource.query('SELECT n FROM counters WHERE id = 1')).toEqual([{ n: 0 }]);
  });
});
