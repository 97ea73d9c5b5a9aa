/**
 * One racer of test/integration/race.test.ts: its own Node process on the SAME SQLite file as the other
 * racers (as several function instances share one database). It opens the store, prints `READY`, then
 * for each line on stdin (`{"ops":[…]}`) runs the operations one after another and prints
 * `RESULT <json>` — each dispatch's outcome code, each sweep's counts. Stdin closing ends it.
 * `caller` loads (creating on a first call) the caller of an OPENID in a transaction of its own.
 * A line with `"parallel": true` runs its operations at once (several calls of one instance overlapping).
 * Env: RACE_DB (the SQLite file, or a mysql:// URL: MariaDB), RACE_NOW (the platform time every racer shares, ms).
 */
import readline from 'node:readline';
import { openSqliteStore } from '../../adapters/store/sqlite';
import { openMysqlStore } from '../../adapters/store/mysql';
import { inboxNotifier } from '../../adapters/notify/inbox';
import { randomIds, sha256 } from '../../adapters/platform/system';
import { dispatch } from '../../core/api/dispatch';
import type { Deps } from '../../core/ports/runtime';
import { sweep } from '../../core/usecases/sla/sweep';
import { loadCaller } from '../../core/usecases/loadCaller';

export type RaceOp = { op: 'call'; openid: string; fn: string; event: Record<string, unknown> } | { op: 'sweep' } | { op: 'caller'; openid: string };
export type RaceOutcome = { code: string; id?: string } | { looked: number; events: number; escalations: number; conflicts: number };

async function main() {
  const now = Number(process.env.RACE_NOW);
  const target = process.env.RACE_DB!;
  const store = target.startsWith('mysql://') ? await openMysqlStore(target, { connections: 4 }) : await openSqliteStore(target);
  const clock = { now: () => now };
  const errors: string[] = [];
  const log = { info() {}, warn() {}, error: (o: object) => void errors.push(JSON.stringify(o).slice(0, 300)) };
  const deps: Deps = { store, clock, ids: randomIds(clock), hash: sha256, log, inStoreNotifiers: { inbox: inboxNotifier } };

  const run = async (op: RaceOp): Promise<RaceOutcome> => {
    if (op.op === 'sweep') return sweep(deps);
    if (op.op === 'caller') {
      // The caller alone in its own transaction, with no dispatcher around it to retry (the local upload route's withCaller).
      try {
        const caller = await store.transaction((tx) => loadCaller(tx, op.openid, now, deps.ids));
        return { code: 'ok', id: caller?.userId };
      } catch (e) {
        return { code: `threw: ${e instanceof Error ? e.message.slice(0, 80) : String(e)}` };
      }
    }
    const out = await dispatch(deps, op.fn, op.event, { openid: op.openid });
    return out.ok ? { code: 'ok', id: (out.data as { id?: string }).id } : { code: out.error.code };
  };

  const lines = readline.createInterface({ input: process.stdin });
  process.stdout.write('READY\n');
  for await (const line of lines) {
    const { ops, parallel } = JSON.parse(line) as { ops: RaceOp[]; parallel?: boolean };
    const results: RaceOutcome[] = [];
    if (parallel) results.push(...(await Promise.all(ops.map(run))));
    else for (const op of ops) results.push(await run(op));
    process.stdout.write(`RESULT ${JSON.stringify({ results, errors: errors.splice(0) })}\n`);
  }
  await store.close();
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
