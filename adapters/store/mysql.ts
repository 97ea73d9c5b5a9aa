import { CompiledQuery, Kysely, type LogEvent, MysqlDialect, sql } from 'kysely';
import { createPool, type Pool, type PoolConnection } from 'mysql2';
import type { Store } from '../../core/ports/store';
import { retryableConflict } from './mysqlErrors';
import { isCurrent } from './sql/migrationCheck';
import { MIGRATION_MARK } from './sql/migrationMark';
import type { DB } from './sql/schema';
import { sqlTx } from './sql/sqlTx';
import { dueWork } from './sql/dueWork';

/** Runs of one transaction that keeps losing lock races (deadlock, lock wait timeout) before the error is answered. */
export const MYSQL_TX_ATTEMPTS = 6;

export interface MysqlStoreOptions {
  /** Connections in the pool: 1–2 for a function instance (the default, 2), more for the local platform. */
  connections?: number;
  /** Sees every statement the pool executes (adapters/store/sql/statementLog.ts counts them per transaction). */
  onStatement?: (event: LogEvent) => void;
}

/**
 * A pool whose connections refuse every statement after a deadlock or lock wait timeout until the
 * transaction ends (ROLLBACK, or the next BEGIN). InnoDB has already rolled a deadlocked transaction
 * back: a statement after it would run on its own (autocommit) and a final COMMIT would "succeed" with
 * half the work gone. A use case that catches errors (the sweep sets a failing case aside) must not
 * write on as if the transaction were still whole; it sees the same error again, and the transaction is
 * run again from the start (`MYSQL_TX_ATTEMPTS`).
 */
function guardedPool(pool: Pool) {
  type Guarded = { proxy: PoolConnection; state: { poisoned: unknown } };
  const guard = (conn: PoolConnection): Guarded => {
    const state: { poisoned: unknown } = { poisoned: null };
    const query = conn.query.bind(conn) as (sqlText: string, params: unknown, cb: (err: unknown, result: unknown) => void) => unknown;
    const guardedQuery = (sqlText: string, params: unknown, cb?: (err: unknown, result: unknown) => void) => {
      if (typeof cb !== 'function') return query(sqlText, params, cb as never);
      const head = sqlText.trimStart().slice(0, 9).toLowerCase();
      if (head.startsWith('rollback') && !head.startsWith('rollback ')) state.poisoned = null;
      else if (head === 'begin' || head.startsWith('start tra')) state.poisoned = null;
      else if (state.poisoned) return cb(state.poisoned, undefined);
      return query(sqlText, params, (err, result) => {
        if (err && retryableConflict(err)) state.poisoned = err;
        cb(err, result);
      });
    };
    // Every other method runs on the connection itself (`this` the pooled object, not the wrapper): its
    // release() hands the pool back the connection, so the next checkout finds this same wrapper.
    const bound = new WeakMap<object, unknown>();
    const proxy = new Proxy(conn, {
      get(target, prop) {
        if (prop === 'query') return guardedQuery;
        const v: unknown = Reflect.get(target, prop, target);
        if (typeof v !== 'function') return v;
        let f = bound.get(v);
        if (!f) bound.set(v, (f = (v as (...a: unknown[]) => unknown).bind(target)));
        return f;
      },
    });
    return { proxy, state };
  };
  // ONE wrapper per pooled connection, handed out at every checkout: Kysely knows a connection again by
  // this object (its session setup, onCreateConnection, runs once per connection). A new wrapper per
  // checkout ran the two SET statements before every transaction, and, as release() ran on the wrapper,
  // the pool kept the wrapper and the next checkout wrapped it again: a chain one layer deeper per
  // transaction (every query through all of them) until the stack overflowed.
  const guarded = new WeakMap<PoolConnection, Guarded>();
  return {
    getConnection(cb: (err: unknown, conn?: PoolConnection) => void) {
      pool.getConnection((err, conn) => {
        if (err) return cb(err);
        let g = guarded.get(conn);
        if (!g) guarded.set(conn, (g = guard(conn)));
        g.state.poisoned = null; // each checkout starts clean, as a new wrapper did
        cb(null, g.proxy);
      });
    },
    end(cb: (err: unknown) => void) {
      pool.end(cb);
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** How the store's pool talks to MySQL/MariaDB (ids and OPENIDs compared byte for byte; times as UTC strings). */
export const MYSQL_POOL_OPTIONS = {
  charset: 'UTF8MB4_BIN',
  supportBigNumbers: true,
  bigNumberStrings: false,
  dateStrings: true,
  timezone: 'Z',
  enableKeepAlive: true,
} as const;

/**
 * The MySQL/MariaDB store (CloudBase MySQL, TDSQL-C, self-hosted): Kysely's MySQL dialect over mysql2,
 * the same sqlTx as SQLite and the same migrations (applied at open; MySQL's GET_LOCK keeps two
 * instances from migrating at once). `url`: `mysql://user:password@host:port/database`.
 *
 * Isolation: READ COMMITTED — each statement reads what is committed, so a transaction that waited for
 * another sees its work (the winner's user row, idempotency record, counter). What SQLite gets from its
 * one writer at a time, this store gets from the rows themselves: a version check in the UPDATE of a
 * case (one winner per version), the counter row's lock held to commit (case numbers), unique keys
 * (idempotency records, users by OPENID, messages by source) and row locks taken before a
 * check-then-write (`FOR UPDATE`). Deadlocks and lock wait timeouts run the transaction again.
 */
export async function openMysqlStore(url: string, options: MysqlStoreOptions = {}): Promise<Store & { db: Kysely<DB>; dialect: 'mysql' }> {
  const pool = createPool({ uri: url, connectionLimit: options.connections ?? 2, ...MYSQL_POOL_OPTIONS });
  const { onStatement } = options;
  const db = new Kysely<DB>({
    ...(onStatement ? { log: (e: LogEvent) => onStatement(e) } : {}),
    dialect: new MysqlDialect({
      pool: guardedPool(pool) as never,
      onCreateConnection: async (conn) => {
        await conn.executeQuery(CompiledQuery.raw('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED'));
        await conn.executeQuery(CompiledQuery.raw("SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ENGINE_SUBSTITUTION,ONLY_FULL_GROUP_BY'"));
      },
    }),
  });
  try {
    // One statement when the store is current (each cold instance); the migrations only when it is behind.
    if (!(await isCurrent(db, MIGRATION_MARK))) await (await import('./sql/migrations')).migrate(db);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  const transaction: Store['transaction'] = async (fn) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await db.connection().execute(async (conn) => {
          await sql`begin`.execute(conn);
          try {
            const out = await fn(sqlTx(conn, { insertIgnore: 'ignore' }));
            await sql`commit`.execute(conn);
            return out;
          } catch (e) {
            await sql`rollback`.execute(conn).catch(() => undefined);
            throw e;
          }
        });
      } catch (e) {
        if (!retryableConflict(e) || attempt >= MYSQL_TX_ATTEMPTS) throw e;
        // Apart at random, so the same transactions do not meet again at once.
        await sleep(Math.floor(Math.random() * 20 * attempt) + 1);
      }
    }
  };
  // One statement on its own (autocommit, READ COMMITTED): one round trip, no locks taken.
  return { db, dialect: 'mysql', transaction, dueWork: (probe) => dueWork(db, probe), close: () => db.destroy() };
}
