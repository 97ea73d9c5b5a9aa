/**
 * A payNotify instance that is killed (test/integration/pay-crash.test.ts): opens the store, prints
 * `READY`, then delivers the provider's notification of every pending order, one after another, through
 * the payNotify handler, printing `ACK <outTradeNo>` after each 204 (what WeChat would have been told)
 * and `DONE` when none is left. The parent SIGKILLs it at random moments.
 * Env: CRASH_DB (a SQLite file or a mysql:// URL), CRASH_NOW (platform time, ms).
 */
import { openSqliteStore } from '../../adapters/store/sqlite';
import { openMysqlStore } from '../../adapters/store/mysql';
import { inboxNotifier } from '../../adapters/notify/inbox';
import { randomIds, sha256 } from '../../adapters/platform/system';
import type { Deps } from '../../core/ports/runtime';
import { handleNotification } from '../../core/usecases/fee/notify';
import { isoAt } from '../../core/shanghai';
import { notificationOf, testPayments, TEST_APPID, TEST_MCHID } from './testPayments';

async function main() {
  const now = Number(process.env.CRASH_NOW);
  const target = process.env.CRASH_DB!;
  const store = target.startsWith('mysql://') ? await openMysqlStore(target, { connections: 2 }) : await openSqliteStore(target);
  const clock = { now: () => now };
  const log = { info() {}, warn() {}, error: (o: object) => void process.stderr.write(`${JSON.stringify(o).slice(0, 300)}\n`) };
  const deps: Deps = { store, clock, ids: randomIds(clock), hash: sha256, log, payments: testPayments(), inStoreNotifiers: { inbox: inboxNotifier } };
  process.stdout.write('READY\n');
  for (;;) {
    const pending = await store.transaction((tx) => tx.pendingOrders(now, now, 20));
    if (!pending.length) break;
    for (const o of pending) {
      const t = { mchid: TEST_MCHID, appid: TEST_APPID, outTradeNo: o.outTradeNo, transactionId: `4200${o.outTradeNo}`, tradeState: 'SUCCESS' as const, totalFen: o.totalFen, currency: 'CNY', successTime: isoAt(now) };
      const answer = await handleNotification(deps, notificationOf(t, now));
      if (answer.statusCode === 204) process.stdout.write(`ACK ${o.outTradeNo}\n`);
    }
  }
  process.stdout.write('DONE\n');
  await store.close();
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
