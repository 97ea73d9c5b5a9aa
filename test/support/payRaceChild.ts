/**
 * One process delivering WeChat Pay notifications (test/integration/pay-race.test.ts): its own Node
 * process on the SAME database as the others, as several payNotify instances share one. It opens the
 * store, prints `READY`, then for each line on stdin (`{"raws":[…]}`) delivers them all at once through
 * the payNotify handler (core/usecases/fee/notify.ts) and prints `RESULT <json>`: each answer's status.
 * Env: RACE_DB (a SQLite file or a mysql:// URL), RACE_NOW (platform time, ms).
 */
import readline from 'node:readline';
import { openSqliteStore } from '../../adapters/store/sqlite';
import { openMysqlStore } from '../../adapters/store/mysql';
import { inboxNotifier } from '../../adapters/notify/inbox';
import { randomIds, sha256 } from '../../adapters/platform/system';
import type { Deps } from '../../core/ports/runtime';
import type { RawNotification } from '../../core/ports/payments';
import { handleNotification } from '../../core/usecases/fee/notify';
import { testPayments } from './testPayments';

async function main() {
  const now = Number(process.env.RACE_NOW);
  const target = process.env.RACE_DB!;
  const store = target.startsWith('mysql://') ? await openMysqlStore(target, { connections: 4 }) : await openSqliteStore(target);
  const clock = { now: () => now };
  const errors: string[] = [];
  const log = { info() {}, warn() {}, error: (o: object) => void errors.push(JSON.stringify(o).slice(0, 300)) };
  const deps: Deps = { store, clock, ids: randomIds(clock), hash: sha256, log, payments: testPayments(), inStoreNotifiers: { inbox: inboxNotifier } };
  const lines = readline.createInterface({ input: process.stdin });
  process.stdout.write('READY\n');
  for await (const line of lines) {
    const { raws } = JSON.parse(line) as { raws: RawNotification[] };
    const statuses = await Promise.all(raws.map(async (raw) => (await handleNotification(deps, raw)).statusCode));
    process.stdout.write(`RESULT ${JSON.stringify({ statuses, errors: errors.splice(0) })}\n`);
  }
  await store.close();
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
