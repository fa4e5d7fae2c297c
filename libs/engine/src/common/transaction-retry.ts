import type { DataSource, EntityManager } from 'typeorm';

/** Postgres SQLSTATEs after which the whole transaction may simply run again: nothing of it was committed. */
const RETRYABLE = new Set(['40P01', '40001']); // deadlock_detected, serialization_failure

const sqlState = (error: unknown): string | undefined => {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
};

export const isRetryableTransactionError = (error: unknown): boolean => RETRYABLE.has(sqlState(error) ?? '');

/**
 * Runs `work` in a transaction, running it again (up to `attempts` times, with a short random pause) when Postgres
 * breaks a deadlock or a serialization conflict by aborting it. `work` must be safe to run again: everything it
 * did was rolled back, so it must not keep state across runs outside the transaction.
 */
export const transactionWithRetry = async <T>(
  db: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  attempts = 5,
): Promise<T> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction(work);
    } catch (error) {
      if (attempt >= attempts || !isRetryableTransactionError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
};
