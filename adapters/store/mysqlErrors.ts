/**
 * mysql2's errors told apart by their code (errno), not their message. A deadlock (1213,
 * ER_LOCK_DEADLOCK) rolls the whole transaction back; a lock wait timeout (1205,
 * ER_LOCK_WAIT_TIMEOUT) undoes the statement. Both are a race lost to a concurrent transaction: the
 * whole transaction is run again, a bounded number of times. A duplicate key (1062, ER_DUP_ENTRY) is
 * classified with SQLite's unique violations by core/api/storeErrors.ts (`uniqueViolation`).
 */
export const ER_DUP_ENTRY = 1062;
export const ER_LOCK_WAIT_TIMEOUT = 1205;
export const ER_LOCK_DEADLOCK = 1213;

const errnoOf = (e: unknown): number | null => {
  if (e === null || typeof e !== 'object') return null;
  const n = (e as { errno?: unknown }).errno;
  return typeof n === 'number' ? n : null;
};

/** A deadlock or lock wait timeout: the transaction lost a race and may be run again. */
export function retryableConflict(e: unknown): boolean {
  const n = errnoOf(e);
  if (n === ER_LOCK_DEADLOCK || n === ER_LOCK_WAIT_TIMEOUT) return true;
  const code = e !== null && typeof e === 'object' ? (e as { code?: unknown }).code : undefined;
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT';
}
