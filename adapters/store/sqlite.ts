import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, type LogEvent, SqliteDialect, sql } from 'kysely';
import type { Store } from '../../core/ports/store';
import { migrate } from './sql/migrations';
import type { DB } from './sql/schema';
import { sqlTx } from './sql/sqlTx';
import { dueWork } from './sql/dueWork';
import { groupCommit, type GroupCommitOptions } from './sqliteGroupCommit';

/**
 * One transaction on SQLite, started with BEGIN IMMEDIATE: it takes the write lock before its first read
 * (waiting up to busy_timeout for another process's writer). A deferred BEGIN reads a snapshot first,
 * and a second process that commits in between makes the upgrade to a writer fail at once with
 * SQLITE_BUSY (busy_timeout cannot help) — a race answered INTERNAL. Within one process, Kysely's driver
 * already runs one transaction at a time on the one connection.
 */
export function writeTransaction<T>(db: Kysely<DB>, fn: (conn: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const out = await fn(conn);
      await sql`commit`.execute(conn);
      return out;
    } catch (e) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw e;
    }
  });
}

/**
 * The embedded store: SQLite through better-sqlite3, WAL journal and synchronous=FULL so a committed
 * submission survives a crash; several processes may share the file (each transaction is IMMEDIATE).
 * Transactions asked for at the same time share one commit (sqliteGroupCommit.ts); `groupCommit: false`
 * gives each its own.
 */
export async function openSqliteStore(
  file: string,
  opts: { onStatement?: (event: LogEvent) => void; groupCommit?: GroupCommitOptions | false } = {},
): Promise<Store & { db: Kysely<DB>; raw: Database.Database }> {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const raw = new Database(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  // Kysely prepares every query anew; better-sqlite3 statements are reusable, so keep them by SQL text.
  const statements = new Map<string, Database.Statement>();
  const database = {
    close: () => raw.close(),
    prepare(sqlText: string) {
      let stmt = statements.get(sqlText);
      if (!stmt) {
        stmt = raw.prepare(sqlText);
        if (statements.size < 500) statements.set(sqlText, stmt);
      }
      return stmt;
    },
  };
  // `onStatement` sees every statement the connection executes (a StatementLog counts them per transaction).
  const { onStatement } = opts;
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database }), ...(onStatement ? { log: (e: LogEvent) => onStatement(e) } : {}) });
  await migrate(db);
  const write = opts.groupCommit === false ? <T>(fn: (conn: Kysely<DB>) => Promise<T>) => writeTransaction(db, fn) : groupCommit(db, raw, opts.groupCommit);
  return {
    db,
    raw,
    transaction: (fn) => write((conn) => fn(sqlTx(conn, { insertIgnore: 'or ignore' }))),
    // A plain read on its own (autocommit): no BEGIN IMMEDIATE, so no write lock.
    dueWork: (probe) => dueWork(db, probe),
    close: () => db.destroy(),
  };
}
