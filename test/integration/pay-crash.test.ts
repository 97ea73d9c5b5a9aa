/**
 * Crash test of the money path: a payNotify process settling payments is killed with SIGKILL at random
 * moments (mid-transaction among them), again and again, then one runs to the end. Every payment it
 * acknowledged (204: WeChat stops retrying) has its receipt; every paid order has exactly one payment
 * and one receipt; receipt numbers are exactly 1..N (no gap, no duplicate); the database is intact
 * (SQLite: PRAGMA integrity_check; MariaDB: CHECK TABLE). Rounds: CRASH_ROUNDS (default 50;
 * `npm run crash -- --rounds 1000`). test/integration/mariadb/pay-crash.test.ts runs it on MariaDB.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { build } from 'esbuild';
import { sql, type Kysely } from 'kysely';
import { openSqliteStore } from '../../adapters/store/sqlite';
import { openMysqlStore } from '../../adapters/store/mysql';
import type { DB } from '../../adapters/store/sql/schema';
import type { Store } from '../../core/ports/store';
import { seedDemo } from '../../local/seed';
import { testStore } from '../support/harness';
import { freshMysqlDatabase } from '../support/mariadb';
import { makeOrders } from '../support/payFixtures';

/** 50 on SQLite in `npm test`; 20 on MariaDB (each process opens a pool there); CRASH_ROUNDS overrides both. */
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? (testStore() === 'mariadb' ? 20 : 50));
const NOW = Date.parse('2026-12-02T10:00:00+08:00');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-paycrash-'));
const childJs = path.join(dir, 'payCrashChild.js');
let target = path.join(dir, 'wuye.sqlite');
let store: Store & { db: Kysely<DB> };
/** Deterministic "random" kill moments (mulberry32), reported with the seed on failure. */
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
let state = SEED >>> 0;
const rand = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

beforeAll(async () => {
  await build({ entryPoints: ['test/support/payCrashChild.ts'], outfile: childJs, bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['better-sqlite3', 'mysql2'], logLevel: 'warning' });
  if (testStore() === 'mariadb') target = await freshMysqlDatabase('paycrash');
  store = target.startsWith('mysql://') ? await openMysqlStore(target, { connections: 2 }) : await openSqliteStore(target);
  await seedDemo(store.db, NOW);
  // Enough orders that the killed rounds never run out of work (a round settles a handful).
  await makeOrders(store, Math.max(60, ROUNDS * 4), NOW - 60_000, 'c');
}, 60_000);

afterAll(async () => {
  await store?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** One child: killed `killAfterMs` after it is ready (or left to finish when null). Answers what it acknowledged. */
function runChild(killAfterMs: number | null): Promise<{ acked: string[]; signal: string | null; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [childJs], { env: { ...process.env, CRASH_DB: target, CRASH_NOW: String(NOW), NODE_PATH: path.resolve('node_modules') }, stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: string[] = [];
    let err = '';
    let buf = '';
    child.stderr!.on('data', (d) => (err += d));
    child.stdout!.on('data', (d) => {
      buf += d;
      let i: number;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        if (line === 'READY' && killAfterMs !== null) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        if (line.startsWith('ACK ')) acked.push(line.slice(4));
      }
    });
    child.on('exit', (_code, signal) => resolve({ acked, signal, err }));
  });
}

it(`[R-FEE-5][R-FEE-6] a settling process SIGKILLed at random moments (${ROUNDS} rounds): every acknowledged payment has its receipt, numbers exactly 1..N, database intact`, async () => {
  const acked = new Set<string>();
  let killed = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const out = await runChild(Math.floor(rand() * 60));
    out.acked.forEach((a) => acked.add(a));
    if (out.signal === 'SIGKILL') killed++;
  }
  const last = await runChild(null);
  last.acked.forEach((a) => acked.add(a));
  expect([last.signal, last.err]).toEqual([null, '']);

  const db = store.db;
  const receipts = await db.selectFrom('receipts').select(['out_trade_no', 'seq']).where('community_id', '=', 'demo').orderBy('seq').execute();
  const payments = await db.selectFrom('payments').select('out_trade_no').execute();
  const orders = await db.selectFrom('pay_orders').select(['out_trade_no', 'status', 'receipt_number']).execute();
  const withReceipt = new Set(receipts.map((x) => x.out_trade_no));
  // Every acknowledged payment has its receipt; every order ended paid, once.
  expect([...acked].filter((a) => !withReceipt.has(a))).toEqual([]);
  expect(orders.filter((o) => o.status !== 'paid' || !o.receipt_number)).toEqual([]);
  expect([payments.length, new Set(payments.map((p) => p.out_trade_no)).size, receipts.length]).toEqual([orders.length, orders.length, orders.length]);
  expect(receipts.map((x) => Number(x.seq))).toEqual(Array.from({ length: orders.length }, (_, i) => i + 1));
  const paidBills = await db.selectFrom('bills').select('id').where('id', 'like', 'bill_c_%').where('status', '=', 'paid').execute();
  expect(paidBills).toHaveLength(orders.length);
  if (target.startsWith('mysql://')) {
    const checked = await sql<{ Msg_text: string }>`check table receipts, payments, bills, pay_orders, receipt_counters`.execute(db);
    expect(checked.rows.map((x) => x.Msg_text)).toEqual(Array(5).fill('OK'));
  } else {
    const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
    expect(integrity.rows).toEqual([{ integrity_check: 'ok' }]);
  }
  console.log(`pay crash (seed ${SEED}): ${ROUNDS} rounds, ${killed} killed, ${acked.size} acknowledged, ${receipts.length} receipts 1..${receipts.length}`);
}, 60_000 + ROUNDS * 3_000);
