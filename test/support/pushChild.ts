/**
 * One delivery process of test/integration/push-crash.test.ts: opens the SQLite file (PUSH_DB), and
 * runs delivery passes (outbox → message center and fan-out, then pushes) as the `sla` timer would,
 * until nothing is due; prints `DONE <json>`. Its clock starts at PUSH_NOW and follows wall time.
 * Push settings come from the environment exactly as a deployment's (adapters/notify/config.ts).
 */
import { openSqliteStore } from '../../adapters/store/sqlite';
import { inboxNotifier } from '../../adapters/notify/inbox';
import { pushSendersFromEnv } from '../../adapters/notify/config';
import { deliverDue } from '../../core/usecases/outbox/deliverDue';
import { deliverPushes } from '../../core/usecases/outbox/deliverPushes';

async function main() {
  const start = Date.now();
  const base = Number(process.env.PUSH_NOW);
  const clock = { now: () => base + (Date.now() - start) };
  const store = await openSqliteStore(process.env.PUSH_DB!);
  const log = { info() {}, warn() {}, error: (o: object) => process.stderr.write(`${JSON.stringify(o)}\n`) };
  const channels = { inbox: inboxNotifier, ...pushSendersFromEnv(process.env, clock) };
  const total = { sent: 0, skipped: 0, failed: 0, retrying: 0 };
  for (let pass = 0; pass < 20; pass++) {
    await deliverDue({ store, clock, log }, channels);
    const r = await deliverPushes({ store, clock, log }, channels);
    for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += r[k];
    if (r.sent + r.skipped + r.failed + r.retrying === 0) break;
  }
  process.stdout.write(`DONE ${JSON.stringify(total)}\n`);
  await store.close();
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
