import { type Kysely, sql } from 'kysely';

/** The last migration's name and how many there are (adapters/store/sql/migrations.ts). */
export interface MigrationMark {
  latest: string;
  count: number;
}

/**
 * One statement: are all migrations applied? False when the record table does not exist yet. Kysely
 * refuses out-of-order migrations, so the latest name and the count together mean all are applied.
 */
export async function isCurrent(db: Kysely<any>, mark: MigrationMark): Promise<boolean> {
  try {
    const { rows } = await sql<{ n: number | string; latest: string | null }>`select count(*) as n, max(name) as latest from kysely_migration`.execute(db);
    return Number(rows[0]?.n) === mark.count && rows[0]?.latest === mark.latest;
  } catch (e) {
    // No record table yet (a new database): the migrator creates it. Anything else (the store cannot
    // be reached) is the caller's error, not a reason to load the migrations.
    const errno = (e as { errno?: unknown }).errno;
    if (errno === 1146 || /no such table|doesn't exist/i.test(e instanceof Error ? e.message : String(e))) return false;
    throw e;
  }
}
