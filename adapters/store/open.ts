import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Store } from '../../core/ports/store';
import { openMysqlStore, type MysqlStoreOptions } from './mysql';
import type { DB } from './sql/schema';
import { openSqliteStore } from './sqlite';

export type OpenedStore = Store & { db: Kysely<DB>; dialect: 'sqlite' | 'mysql' };

/**
 * The store for a deployment: MySQL/MariaDB when `dbUrl` (DB_URL) is a `mysql://` URL, else the
 * embedded SQLite file `<dataDir>/wuye.sqlite` (`groupCommit: false`: each transaction commits alone).
 */
export async function openStore(opts: { dbUrl?: string | null; dataDir: string; groupCommit?: boolean } & MysqlStoreOptions): Promise<OpenedStore> {
  if (opts.dbUrl) {
    if (!/^mysql:\/\//.test(opts.dbUrl)) throw new Error('DB_URL must be a mysql:// URL (mysql://user:password@host:port/database)');
    return openMysqlStore(opts.dbUrl, { connections: opts.connections, onStatement: opts.onStatement });
  }
  const store = await openSqliteStore(path.join(opts.dataDir, 'wuye.sqlite'), { onStatement: opts.onStatement, groupCommit: opts.groupCommit === false ? false : undefined });
  return Object.assign(store, { dialect: 'sqlite' as const });
}
