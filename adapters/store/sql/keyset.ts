import { type RawBuilder, sql } from 'kysely';

/** One column of a list's sort key, its direction and the value it had on the previous page's last row. */
export interface KeyPart {
  column: string;
  dir: 'asc' | 'desc';
  value: string | number;
}

/**
 * Rows strictly after a key in its sort order (keyset pagination): `(a > A) or (a = A and b < B) or …`,
 * each column compared in its own direction. Spelled out rather than as a row comparison `(a, b) > (A, B)`,
 * which cannot mix directions. The sort key ends with a unique column (the id), so no two rows tie.
 */
export function afterKey(parts: KeyPart[]): RawBuilder<boolean> {
  const ors = parts.map((p, i) => {
    const equal = parts.slice(0, i).map((e) => sql`${sql.ref(e.column)} = ${e.value}`);
    const beyond = sql`${sql.ref(p.column)} ${sql.raw(p.dir === 'asc' ? '>' : '<')} ${p.value}`;
    return sql`(${sql.join([...equal, beyond], sql` and `)})`;
  });
  return sql<boolean>`(${sql.join(ors, sql` or `)})`;
}
