import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Store } from '../../core/ports/store';
import { migrate } from './sql/migrations';
import type { DB } from './sql/schema';
import { sqlTx } from './sql/sqlTx';

/**
 * The embedded store: SQLite through better-sqlite3, WAL journal and synchronous=FULL so a committed
 * submission survives a crash. Kysely's SQLite driver serialises transactions on the one connection.
 */
export async function openSqliteStore(file: string): Promise<Store & { db: Kysely<DB>; raw: Database.Database }> {
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
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database }) });
  await migrate(db);
  return {
    db,
    raw,
    transaction: (fn) => db.transaction().execute((trx) => fn(sqlTx(trx, { insertIgnore: 'or ignore' }))),
    close: () => db.destroy(),
  };
}
