import { type Kysely, sql } from 'kysely';
import { prepared } from './prepared';
import type { DB } from './schema';

/**
 * The writes every case submission (and most other case writes) runs, each compiled once per dialect
 * and row count (prepared.ts) instead of built anew in every transaction. sqlTx computes the rows; these
 * only place them.
 */

export const insertCaseRow = prepared((db: Kysely<DB>, row: DB['cases']) => db.insertInto('cases').values(row));

export const insertCaseEventRows = prepared((db: Kysely<DB>, rows: DB['case_events'][]) => db.insertInto('case_events').values(rows));

export const insertCaseFileRows = prepared((db: Kysely<DB>, rows: DB['case_files'][]) => db.insertInto('case_files').values(rows));

export const insertOutboxRows = prepared((db: Kysely<DB>, rows: DB['outbox'][]) => db.insertInto('outbox').values(rows));

/** Messages; a `source_id` already stored is skipped (a delivery retried). */
export const insertMessageRows = prepared((db: Kysely<DB>, rows: DB['messages'][], ignore: 'or ignore' | 'ignore') =>
  (ignore === 'or ignore' ? db.insertInto('messages').orIgnore() : db.insertInto('messages').ignore()).values(rows),
);

export const insertReplyRow = prepared((db: Kysely<DB>, row: DB['idempotency']) => db.insertInto('idempotency').values(row));

type CaseNumberKey = { community_id: string; prefix: string; day: string };

/** SQLite: the counter row inserted at 1 or incremented, the number answered in the same statement (RETURNING). */
export const nextCaseNumberSqlite = prepared((db: Kysely<DB>, key: CaseNumberKey & { last: number }) =>
  db
    .insertInto('case_numbers')
    .values(key)
    .onConflict((oc) => oc.columns(['community_id', 'prefix', 'day']).doUpdateSet((eb) => ({ last: eb('case_numbers.last', '+', 1) })))
    .returning('last'),
);

/**
 * MySQL/MariaDB have no RETURNING here: LAST_INSERT_ID(expr) hands the value to the statement's OK packet
 * (insertId), also on the update path, so this too is one round trip.
 */
export const nextCaseNumberMysql = prepared((db: Kysely<DB>, key: CaseNumberKey) =>
  db
    .insertInto('case_numbers')
    .values({ ...key, last: sql<number>`last_insert_id(1)` })
    .onDuplicateKeyUpdate({ last: sql<number>`last_insert_id(last + 1)` }),
);
