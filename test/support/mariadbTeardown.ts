/** jest globalTeardown of the unit project: stops the run's MariaDB (test/support/mariadbGlobal.ts). */
import type { MariaDb } from './mariadb';

export default async function teardown(): Promise<void> {
  const g = globalThis as { __wuyeMariaDb?: MariaDb };
  if (!g.__wuyeMariaDb) return;
  await g.__wuyeMariaDb.stop();
  delete process.env.WUYE_MARIADB_URL;
  delete process.env.WUYE_MARIADB_TEMPLATE;
  delete g.__wuyeMariaDb;
}
