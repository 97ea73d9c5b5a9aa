import { sql } from 'kysely';
import { createConnection, createPool } from 'mysql2';
import { openMysqlStore } from '../adapters/store/mysql';
import { startMariaDb } from '../test/support/mariadb';

/**
 * The node-side floor of a 10-round-trip transaction on MariaDB, in this process's CPU per transaction:
 * (1) bare mysql2 pool: BEGIN, 8 × `SELECT 1`, COMMIT on a pooled connection; (2) the same through the
 * store's pool (openMysqlStore: Kysely's MysqlDialect and the deadlock guard, as its transaction runs them). 8 transactions
 * at a time, as the platform's pool of 8. Says how much of the platform's node CPU per submit the
 * transport and the driver take before any of the platform's own work. Not part of `npm run bench`:
 * With a rate, the transactions arrive at that rate (open loop) instead, as the platform's do under the
 * bench: fewer transactions share each wake-up of the event loop, so each round trip costs more.
 *   npx tsx bench/mysqlFloor.ts [transactions=3000] [rate per second]
 */
const N = Number(process.argv[2] ?? 3000);
const RATE = Number(process.argv[3] ?? 0);
const CONCURRENT = 8;

async function atRate(run: () => Promise<void>) {
  const pending: Promise<void>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const wait = t0 + (i * 1000) / RATE - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(run());
  }
  await Promise.all(pending);
}

async function timed(label: string, run: () => Promise<void>) {
  const jobs = Array.from({ length: CONCURRENT }, () => N / CONCURRENT);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  if (RATE > 0) await atRate(run);
  else await Promise.all(jobs.map(async (n) => { for (let i = 0; i < n; i++) await run(); }));
  const c = process.cpuUsage(c0);
  const ms = (c.user + c.system) / 1000;
  console.log(`${label}: ${(ms / N).toFixed(3)} ms CPU per transaction (user ${(c.user / 1000 / N).toFixed(3)}, system ${(c.system / 1000 / N).toFixed(3)}), ${((N / (performance.now() - t0)) * 1000).toFixed(0)} tx/s`);
}

async function main() {
  const db = await startMariaDb({ durable: true });
  try {
    const admin = createConnection(db.url).promise();
    await admin.query('CREATE DATABASE floor');
    await admin.end();
    const url = `${db.url}floor`;
    const pool = createPool({ uri: url, connectionLimit: 8, charset: 'UTF8MB4_BIN', supportBigNumbers: true, dateStrings: true, timezone: 'Z' });
    const q = (c: import('mysql2').PoolConnection, s: string, p: unknown[] = []) => new Promise<void>((ok, no) => c.query(s, p, (e) => (e ? no(e) : ok())));
    const bare = () =>
      new Promise<void>((ok, no) =>
        pool.getConnection(async (e, c) => {
          if (e) return no(e);
          try {
            await q(c, 'begin');
            for (let i = 0; i < 8; i++) await q(c, 'select ? as a', [i]);
            await q(c, 'commit');
            ok();
          } catch (err) {
            no(err);
          } finally {
            c.release();
          }
        }),
      );
    const store = await openMysqlStore(url, { connections: 8 });
    // As the store's transaction runs (adapters/store/mysql.ts), the Tx's statements on its connection.
    const viaStore = () =>
      store.db.connection().execute(async (conn) => {
        await sql`begin`.execute(conn);
        for (let i = 0; i < 8; i++) await sql`select ${i} as a`.execute(conn);
        await sql`commit`.execute(conn);
      });
    for (let round = 0; round < 2; round++) {
      await timed(`round ${round + 1} bare mysql2, 10 statements`, bare);
      await timed(`round ${round + 1} store (Kysely + guard), 10 statements`, viaStore);
    }
    await store.close();
    await new Promise((r) => pool.end(r));
  } finally {
    await db.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
