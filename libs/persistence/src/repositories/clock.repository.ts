import type { DataSource } from 'typeorm';

/** The one source of "now" for the engine. Every process reads it; nothing else reads the wall clock. */
export type Clock = { now(): Promise<Date> };

export class SystemClock implements Clock {
  async now(): Promise<Date> {
    return new Date();
  }
}

/**
 * RAPPORT_TEST_CLOCK=1: a frozen clock kept in Postgres, so the API and every worker process agree on it,
 * and tests (later the journey simulator) cross days by moving it instead of sleeping.
 */
export class DatabaseTestClock implements Clock {
  constructor(
    private readonly db: DataSource,
    private readonly start: () => Date = () => new Date(),
  ) {}

  async now(): Promise<Date> {
    const rows: { now: Date }[] = await this.db.query('SELECT now FROM engine_clock WHERE id');
    if (rows[0]) return new Date(rows[0].now);
    // First read freezes the clock at the current time; later reads agree with it.
    await this.db.query('INSERT INTO engine_clock (id, now) VALUES (true, $1) ON CONFLICT (id) DO NOTHING', [
      this.start(),
    ]);
    return this.now();
  }

  async set(now: Date): Promise<Date> {
    await this.db.query(
      `INSERT INTO engine_clock (id, now) VALUES (true, $1) ON CONFLICT (id) DO UPDATE SET now = EXCLUDED.now`,
      [now],
    );
    return now;
  }
}
