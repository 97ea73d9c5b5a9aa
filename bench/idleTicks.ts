import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPlatform } from '../local/platform';
import { testPlatformEnv } from '../test/support/harness';
import { StatementLog } from '../adapters/store/sql/statementLog';

/**
 * Idle ticks of the minute timer (`npx tsx bench/idleTicks.ts [hours]`): the local platform with the demo
 * seed and the test clock, moved on by some hours (6 by default: 360 ticks of the `sla` job and the
 * outbox pass), nothing due. Prints the wall time and what reached the store (transactions, statements).
 */
(async () => {
  const hours = Number(process.argv[2] ?? 6);
  const log = new StatementLog();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-idle-'));
  const p = await startPlatform(testPlatformEnv(dataDir), [], { onStatement: log.hook });
  await p.flushOutbox();
  log.clear();
  const t = Date.now();
  const res = await fetch(p.url + '/local/clock', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceMs: hours * 3600_000 }) });
  const ms = Date.now() - t;
  console.log(JSON.stringify({ status: res.status, ticks: hours * 60, ms, transactions: log.transactions.length, statements: log.statements, lone: log.single.length }));
  const counts: Record<string, number> = {};
  for (const q of [...log.transactions.flat(), ...log.single]) counts[q.slice(0, 90)] = (counts[q.slice(0, 90)] ?? 0) + 1;
  for (const [q, n] of Object.entries(counts).sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(String(n).padStart(6), q);
  await p.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
})();
