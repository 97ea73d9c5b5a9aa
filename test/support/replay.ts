import type { Kysely } from 'kysely';
import { writeTransaction } from '../../adapters/store/sqlite';
import { isMysql } from '../../adapters/store/sql/portable';
import { rebuildCases, type RebuildReport } from '../../adapters/store/sql/rebuild';
import type { DB } from '../../adapters/store/sql/schema';
import type { Platform } from '../../local/platform';

type HasPlatform = { platform: Platform };
const dbOf = (h: HasPlatform) => (h.platform.deps.store as unknown as { db: Kysely<DB> }).db;

/** Compares every `cases` row of the platform's store with the replay of its events; writes nothing. */
export const replayReport = (h: HasPlatform): Promise<RebuildReport> => {
  const db = dbOf(h);
  return isMysql(db) ? db.transaction().execute((trx) => rebuildCases(trx, { write: false })) : writeTransaction(db, (conn) => rebuildCases(conn, { write: false }));
};

/**
 * [R-INT-4] The events are the source of truth: replaying each case's events gives exactly its stored
 * row — state_json byte for byte, version, status, owner, next_due_at, urgent_at… Every integration
 * suite runs this over every case of its store when it closes its harness (`close()` in harness.ts).
 */
export async function expectReplayMatches(h: HasPlatform): Promise<RebuildReport> {
  const r = await replayReport(h);
  expect({ changed: r.diffs, orphans: r.orphans, failures: r.failures }).toEqual({ changed: [], orphans: [], failures: [] });
  return r;
}
