import type { EntityManager } from 'typeorm';

const memos = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * Remembers a read for the rest of the transaction `manager` belongs to: a batch of 500 imported profiles or 100
 * tracked events asks "which live journeys listen to this?" once, not once per customer. Outside a transaction
 * (the root manager lives forever) nothing is remembered. Only for reads the transaction itself does not change.
 */
export const memoInTransaction = <T>(manager: EntityManager, key: string, load: () => Promise<T>): Promise<T> => {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) return load();
  let memo = memos.get(runner);
  if (!memo) {
    memo = new Map();
    memos.set(runner, memo);
  }
  if (!memo.has(key)) {
    const loaded = load();
    // A failed read is not remembered: the transaction is aborted anyway, or the caller may try again.
    loaded.catch(() => memo?.delete(key));
    memo.set(key, loaded);
  }
  return memo.get(key) as Promise<T>;
};
