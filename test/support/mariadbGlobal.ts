/**
 * jest globalSetup of the unit project: one MariaDB for the whole run (test/support/mariadb.ts); the
 * workers, started afterwards, inherit WUYE_MARIADB_URL (and WUYE_MARIADB_TEMPLATE, the migrated schema). An address already set (a server the caller
 * runs) is used as it is.
 */
import { migratedTemplate, startMariaDb, type MariaDb } from './mariadb';

export default async function setup(): Promise<void> {
  if (process.env.WUYE_MARIADB_URL) return;
  const server = await startMariaDb();
  process.env.WUYE_MARIADB_URL = server.url;
  // The schema, migrated once; each suite's database copies it (freshMysqlDatabase).
  process.env.WUYE_MARIADB_TEMPLATE = await migratedTemplate();
  (globalThis as { __wuyeMariaDb?: MariaDb }).__wuyeMariaDb = server;
}
