import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../adapters/store/open';
import { randomIds, systemClock, sha256 } from '../adapters/platform/system';
import { handleNotification } from '../core/usecases/fee/notify';
import type { Deps, Logger } from '../core/ports/runtime';
import type { BillRow, PayOrderRow } from '../core/ports/feeStore';
import { notificationOf, testPayments, TEST_APPID, TEST_MCHID } from '../test/support/testPayments';
import { fmt, table } from './table';

export const PAYMENTS = 1_000;

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined } as unknown as Logger;

/**
 * Payment confirmation (issue 12, R-FEE-5/R-FEE-6; bench/README.md §9): PAYMENTS WeChat Pay v3
 * notifications, each RSA-SHA256 signed and AES-256-GCM encrypted as WeChat sends them, handled one after
 * another by the real `payNotify` path (signature checked, resource decrypted, then ONE transaction: order
 * locked and paid, bill paid, payment row, receipt number from the community-year counter, receipt,
 * outbox message) on a freshly migrated SQLite store (WAL, synchronous FULL), against the floor: the same
 * number of bare payment-row INSERTs, one transaction each (each payment is its own durable commit), in
 * the same run. Afterwards every order is paid and the receipt numbers are exactly 1..N.
 */
export async function paymentsReport(dir: string, say: (s: string) => void): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const store = await openStore({ dataDir: path.join(dir, 'store') });
  const now = systemClock.now();
  const payments = testPayments();
  const deps = { store, clock: systemClock, ids: randomIds(systemClock), hash: sha256, log: quiet, payments } as unknown as Deps;
  const bills: BillRow[] = [];
  const orders: PayOrderRow[] = [];
  for (let i = 0; i < PAYMENTS; i++) {
    const householdId = `9-${Math.floor(i / 100)}-${i % 100}`;
    const outTradeNo = `wxbench${String(i).padStart(8, '0')}`;
    bills.push({ id: `bill_bench_${i}`, communityId: 'demo', householdId, period: '2026-11', source: 'monthly', lines: [{ item: 'property_fee', amountFen: 22_375 }, { item: 'elevator', amountFen: 3_000 }], totalFen: 25_375, status: 'unpaid', orderNo: outTradeNo, receiptNumber: null, createdAt: now, paidAt: null });
    orders.push({ outTradeNo, communityId: 'demo', householdId, payerUserId: 'resident-a', payerOpenid: 'o_bench', billIds: [`bill_bench_${i}`], totalFen: 25_375, description: '示例花园 物业费 2026-11', status: 'pending', createdAt: now, expiresAt: now + 30 * 60_000, paidAt: null, transactionId: null, receiptNumber: null, checkedAt: null });
  }
  await store.transaction(async (tx) => {
    await tx.insertBills(bills);
    for (const o of orders) await tx.insertOrder(o);
  });
  say(`payments: ${PAYMENTS} signed and encrypted notifications through the payNotify path…`);
  const raws = orders.map((o, i) =>
    notificationOf({ mchid: TEST_MCHID, appid: TEST_APPID, outTradeNo: o.outTradeNo, transactionId: `42000${String(i).padStart(10, '0')}`, tradeState: 'SUCCESS', totalFen: o.totalFen, currency: 'CNY', successTime: new Date(now).toISOString().replace(/\.\d+Z$/, '+00:00') }, now),
  );
  const t0 = process.hrtime.bigint();
  for (const raw of raws) {
    const a = await handleNotification(deps, raw);
    if (a.statusCode >= 300) throw new Error(`notification answered ${a.statusCode}`);
  }
  const settleMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const seqs = (await store.db.selectFrom('receipts').select('seq').orderBy('seq').execute()).map((r) => Number(r.seq));
  const paid = await store.db.selectFrom('pay_orders').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'paid').executeTakeFirstOrThrow();
  await store.close();
  const exact = seqs.length === PAYMENTS && seqs.every((s, i) => s === i + 1) && Number(paid.n) === PAYMENTS;

  // The floor: bare payment rows, one durable transaction each, into a freshly migrated store.
  const rawDir = path.join(dir, 'raw');
  await (await openStore({ dataDir: rawDir })).close();
  const db = new Database(path.join(rawDir, 'wuye.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const insert = db.prepare('insert into payments (transaction_id, out_trade_no, community_id, total_fen, paid_at, via, recorded_at) values (?, ?, ?, ?, ?, ?, ?)');
  const one = db.transaction((i: number) => insert.run(`raw${i}`, `wxraw${i}`, 'demo', 25_375, now, 'notify', now));
  const t1 = process.hrtime.bigint();
  for (let i = 0; i < PAYMENTS; i++) one(i);
  const rawMs = Number(process.hrtime.bigint() - t1) / 1e6;
  db.close();

  const perSec = (ms: number) => `${Math.round((PAYMENTS / ms) * 1000).toLocaleString('en')}/s`;
  return [
    '',
    `Payment confirmation (${PAYMENTS.toLocaleString('en')} WeChat Pay v3 notifications, signed RSA-SHA256 and AES-256-GCM encrypted, one after another through payNotify's path, SQLite WAL + synchronous FULL)`,
    table(
      ['step', 'time', 'throughput', 'vs raw insert', 'check'],
      [
        ['verify + decrypt + settle (1 tx each)', fmt.ms(settleMs), perSec(settleMs), `${(settleMs / rawMs).toFixed(2)}×`, exact ? `${PAYMENTS} paid, receipts 1..${PAYMENTS}` : 'NOT EXACT'],
        ['raw payment INSERT (1 tx each)', fmt.ms(rawMs), perSec(rawMs), '1.00×', ''],
      ],
    ),
    'Each settlement is one transaction of about ten statements (the order and bill locked and paid, the payment, the counter row, the receipt, the outbox message) plus the signature check and the decryption; the floor is one INSERT per durable commit.',
  ];
}
