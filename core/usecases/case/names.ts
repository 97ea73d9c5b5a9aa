import type { Tx } from '../../ports/store';

/** Display names of the users a case mentions. */
export async function namesOf(tx: Tx, ids: string[]): Promise<Record<string, string>> {
  const users = await tx.usersByIds([...new Set(ids)]);
  return Object.fromEntries(users.map((u) => [u.id, u.name]));
}
