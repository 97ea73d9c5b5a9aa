/**
 * A unique or primary-key violation raised by the store, told apart from other failures by the
 * driver's code (better-sqlite3 `SQLITE_CONSTRAINT_UNIQUE|PRIMARYKEY`, mysql2 `ER_DUP_ENTRY`) or, failing
 * that, its message. Answers the constraint's name only: MySQL's message quotes the duplicate VALUE
 * (which may be a phone number), and logs carry no personal data.
 */
export function uniqueViolation(e: unknown): { constraint: string } | null {
  // Error-like, not `instanceof Error`: a driver's error class may belong to another realm (better-sqlite3
  // keeps the constructor of the first context that loaded it: a second jest test file, a vm).
  if (typeof e !== 'object' || e === null || typeof (e as { message?: unknown }).message !== 'string') return null;
  const code = String((e as { code?: unknown }).code ?? '');
  const msg = (e as { message: string }).message;
  const sqlite = /UNIQUE constraint failed: ([\w.,\s]+)/.exec(msg);
  if (sqlite || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return { constraint: sqlite?.[1].trim() ?? code };
  const mysql = /Duplicate entry .* for key '([^']+)'/s.exec(msg);
  if (mysql || code === 'ER_DUP_ENTRY') return { constraint: mysql?.[1] ?? code };
  return null;
}

/**
 * The same violation again on a fresh attempt: not a race lost to a concurrent write (that one is
 * retried and then sees the winner), but input the use case let through to a constraint — a bug to fix
 * in the use case. Logged as such (`kind: 'unique_violation'`), answered INTERNAL.
 */
export class ConstraintViolation extends Error {
  constructor(readonly constraint: string) {
    super(`unique constraint ${constraint}`);
  }
}
