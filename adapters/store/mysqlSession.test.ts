import { sql } from 'kysely';
import { freshMysqlDatabase } from '../../test/support/mariadb';
import { openMysqlStore } from './mysql';

/**
 * The pool's session settings (READ COMMITTED, strict sql_mode: openMysqlStore's onCreateConnection) are
 * made once per connection. Kysely knows a connection again by the object the pool hands it; a new
 * wrapper per checkout made every transaction a "new" connection, and two SET statements (two round
 * trips) ran before each BEGIN.
 */
describe('MariaDB store sessions', () => {
  let url: string;
  beforeAll(async () => {
    url = await freshMysqlDatabase('session');
  }, 60_000);

  it('sets the session up once per pooled connection, not before every transaction; the settings hold on reuse', async () => {
    const store = await openMysqlStore(url, { connections: 1 });
    try {
      // SET statements this session has run (one connection: every checkout is the same session).
      const sets = async () => {
        const r = await store.db.connection().execute((c) => sql<{ Value: string }>`show session status like 'Com_set_option'`.execute(c));
        return Number(r.rows[0].Value);
      };
      const before = await sets();
      for (let i = 0; i < 3; i++) await store.transaction((tx) => tx.countCases());
      expect((await sets()) - before).toBe(0);
      const mode = await store.db.connection().execute((c) => sql<{ m: string }>`select @@session.sql_mode as m`.execute(c));
      expect(mode.rows[0].m).toContain('STRICT_ALL_TABLES');
      const iso = await store.db.connection().execute((c) => sql<{ i: string }>`select @@session.tx_isolation as i`.execute(c));
      expect(iso.rows[0].i).toBe('READ-COMMITTED');
    } finally {
      await store.close();
    }
  }, 60_000);

  it('runs thousands of transactions on one connection at a steady cost (the pool gets its connection back, not a wrapper to wrap again)', async () => {
    const store = await openMysqlStore(url, { connections: 1 });
    try {
      const run = async (n: number) => {
        const t0 = performance.now();
        for (let i = 0; i < n; i++) await store.transaction((tx) => tx.countCases());
        return performance.now() - t0;
      };
      const first = await run(300);
      await run(2400);
      const last = await run(300);
      // Steady: the last 300 cost about what the first 300 did (a chain one layer deeper per
      // transaction made them many times slower, then overflowed the stack). 3× leaves room for a busy host.
      expect(last).toBeLessThan(first * 3 + 200);
    } finally {
      await store.close();
    }
  }, 120_000);
});
