/**
 * WeChat Pay retries and duplicates its notifications, and several payNotify instances share one
 * database: 20 orders, each notification delivered 5 times (some byte-identical, some signed anew),
 * shuffled, from 4 processes, 10 deliveries at once in each. A delivery that fails (5xx) is delivered
 * again, as WeChat does. Exactly one payment and one receipt per order, receipt numbers exactly 1..20.
 * On SQLite here; test/integration/mariadb/pay-race.test.ts runs it on the run's MariaDB.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import { build } from 'esbuild';
import type { Kysely } from 'kysely';
import { openSqliteStore } from '../../adapters/store/sqlite';
import { openMysqlStore } from '../../adapters/store/mysql';
import type { DB } from '../../adapters/store/sql/schema';
import type { Store } from '../../core/ports/store';
import type { RawNotification } from '../../core/ports/payments';
import { seedDemo } from '../../local/seed';
import { testStore } from '../support/harness';
import { freshMysqlDatabase } from '../support/mariadb';
import { notificationOf } from '../support/testPayments';
import { makeOrders, shuffled } from '../support/payFixtures';

const PROCESSES = 4;
const ORDERS = 20;
const COPIES = 5;
const AT_ONCE = 10;
const NOW = Date.parse('2026-12-02T10:00:00+08:00');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-payrace-'));
const childJs = path.join(dir, 'payRaceChild.js');
let target = path.join(dir, 'wuye.sqlite');
let store: Store & { db: Kysely<DB> };

interface Child {
  child: ChildProcess;
  next: () => Promise<string>;
}
const children: Child[] = [];

async function startChild(): Promise<Child> {
  const child = spawn(process.execPath, [childJs], { env: { ...process.env, RACE_DB: target, RACE_NOW: String(NOW), NODE_PATH: path.resolve('node_modules') }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const queued: string[] = [];
  const waiting: ((l: string) => void)[] = [];
  readline.createInterface({ input: child.stdout! }).on('line', (l) => (waiting.length ? waiting.shift()!(l) : queued.push(l)));
  const next = () =>
    new Promise<string>((resolve, reject) => {
      if (queued.length) return resolve(queued.shift()!);
      waiting.push(resolve);
      child.once('exit', (code) => reject(new Error(`child exited ${code}: ${stderr}`)));
    });
  if ((await next()) !== 'READY') throw new Error(`child did not start: ${stderr}`);
  return { child, next };
}

beforeAll(async () => {
  await build({ entryPoints: ['test/support/payRaceChild.ts'], outfile: childJs, bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['better-sqlite3', 'mysql2'], logLevel: 'warning' });
  if (testStore() === 'mariadb') target = await freshMysqlDatabase('payrace');
  store = target.startsWith('mysql://') ? await openMysqlStore(target, { connections: 4 }) : await openSqliteStore(target);
  await seedDemo(store.db, NOW);
  for (let i = 0; i < PROCESSES; i++) children.push(await startChild());
}, 60_000);

afterAll(async () => {
  for (const c of children) c.child.stdin!.end();
  await Promise.all(children.map((c) => new Promise((r) => (c.child.exitCode !== null ? r(null) : c.child.once('exit', r)))));
  await store?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('[R-FEE-5][R-FEE-6] 20 orders × 5 notifications, shuffled, 4 processes × 10 at once: exactly 1 payment and 1 receipt per order, numbers 1..20', async () => {
  const txns = await makeOrders(store, ORDERS, NOW, 'r');
  // Copies: the first byte-identical to the second (a retry), the rest signed anew (WeChat's later retries).
  const deliveries: RawNotification[] = shuffled(
    txns.flatMap((t) => {
      const first = notificationOf(t, NOW);
      return [first, first, ...Array.from({ length: COPIES - 2 }, () => notificationOf(t, NOW))];
    }),
    20261202,
  );
  let pending = deliveries;
  const answers: number[] = [];
  let rounds = 0;
  while (pending.length && rounds++ < 10) {
    const failed: RawNotification[] = [];
    // Each process takes its share and delivers it 10 at a time; all processes run together.
    await Promise.all(
      children.map(async (c, p) => {
        const mine = pending.filter((_, i) => i % PROCESSES === p);
        for (let i = 0; i < mine.length; i += AT_ONCE) {
          const batch = mine.slice(i, i + AT_ONCE);
          c.child.stdin!.write(`${JSON.stringify({ raws: batch })}\n`);
          const { statuses } = JSON.parse((await c.next()).slice('RESULT '.length)) as { statuses: number[]; errors: string[] };
          statuses.forEach((s, k) => (answers.push(s), s >= 500 && failed.push(batch[k])));
        }
      }),
    );
    pending = failed;
  }
  expect(pending).toEqual([]);
  expect(answers.filter((s) => s !== 204 && s < 500)).toEqual([]);

  const db = store.db;
  const payments = await db.selectFrom('payments').select(['out_trade_no', 'total_fen']).execute();
  const receipts = await db.selectFrom('receipts').select(['out_trade_no', 'seq', 'total_fen']).where('community_id', '=', 'demo').orderBy('seq').execute();
  expect(payments).toHaveLength(ORDERS);
  expect(new Set(payments.map((p) => p.out_trade_no)).size).toBe(ORDERS);
  expect(receipts.map((r) => Number(r.seq))).toEqual(Array.from({ length: ORDERS }, (_, i) => i + 1));
  expect(new Set(receipts.map((r) => r.out_trade_no)).size).toBe(ORDERS);
  const orders = await db.selectFrom('pay_orders').select(['status', 'receipt_number']).where('out_trade_no', 'in', txns.map((t) => t.outTradeNo)).execute();
  expect(orders.every((o) => o.status === 'paid' && o.receipt_number)).toBe(true);
  const bills = await db.selectFrom('bills').select('status').where('id', 'like', 'bill_r_%').execute();
  expect(bills.map((b) => b.status)).toEqual(Array(ORDERS).fill('paid'));
  // One 缴费成功 message per order, to its payer.
  const paidNotes = await db.selectFrom('outbox').select('data_json').where('template', '=', 'fee.paid').execute();
  expect(paidNotes).toHaveLength(ORDERS);
}, 120_000);
