import type { Store, Tx } from '../../core/ports/store';

/**
 * A race, injected: one store write fails the way it fails when another process won — a version
 * conflict (`appendCaseEvents` finds the case moved on: false) or a unique violation (the idempotency
 * record of the same request is already there). After the transaction that met it has ended (rolled
 * back, or committed without that case), `winner` runs — what the other process did — so the retry
 * meets the winner's result, as it would for real. Exactly one fault per wrapper.
 */
export function injectOnce(store: Store, fault: 'versionConflict' | 'uniqueViolation', winner?: () => Promise<unknown>) {
  const stats = { transactions: 0, fired: 0 };
  let pending = false;
  const fire = () => {
    if (stats.fired > 0) return false;
    stats.fired++;
    pending = true;
    return true;
  };
  // Object.assign, not a spread: see deliveringInStore (core/usecases/outbox/deliverDue.ts).
  const wrap = (tx: Tx): Tx =>
    Object.assign({}, tx, {
    appendCaseEvents: (...a) => (fault === 'versionConflict' && fire() ? Promise.resolve(false) : tx.appendCaseEvents(...a)),
    saveIdempotency: (row) =>
      fault === 'uniqueViolation' && fire() ? Promise.reject(new Error('UNIQUE constraint failed: idempotency.key')) : tx.saveIdempotency(row),
    } satisfies Partial<Tx>);
  const wrapped: Store = {
    close: () => store.close(),
    dueWork: (probe) => store.dueWork(probe),
    async transaction(fn) {
      stats.transactions++;
      try {
        return await store.transaction((tx) => fn(wrap(tx)));
      } finally {
        if (pending) {
          pending = false;
          await winner?.();
        }
      }
    },
  };
  return { store: wrapped, stats };
}
