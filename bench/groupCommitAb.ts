import { startServerChild } from './child';
import { combine, postJson, runLoad, type LoadResult } from './load';

/**
 * `npx tsx bench/groupCommitAb.ts` (not part of `npm run bench`; C=<connections>, default 16): the same
 * gateway (bench/serve.ts) with SQLite group commit off (BENCH_GROUP_COMMIT=0 → SQLITE_GROUP_COMMIT=0) and
 * on, in 6 alternating 2.5 s rounds of closed-loop submits, pooled per side. Prints req/s, p50, p99, the ratio.
 */
const CONTENT = '您好，请问小区快递柜的开放时间是几点到几点？周末是否正常开放？另外大件快递能否放在物业前台代收，谢谢。';
const run = Date.now().toString(36);
const body = (tag: string) => (i: number) => JSON.stringify({ action: 'submit', requestId: `ab-${run}-${tag}-${i}`, householdId: '1-1-101', kind: 'consultation', content: CONTENT });

async function gateway(env: Record<string, string>) {
  const child = await startServerChild('bench/serve.ts', { cwd: process.cwd(), env: { BENCH_INSTRUMENT: '0', ...env } });
  const login = JSON.parse((await postJson(`${child.url}/local/login`, { user: 'resident-a' })).text) as { token: string };
  return { child, url: `${child.url}/fn/case`, headers: { authorization: `Bearer ${login.token}` } };
}

async function main() {
  const conc = Math.max(1, Number(process.env.C || 16));
  const solo = await gateway({ BENCH_GROUP_COMMIT: '0' });
  const group = await gateway({});
  try {
    for (const t of [solo, group]) await runLoad({ url: t.url, headers: t.headers, body: body('warm'), concurrency: conc, maxRequests: 300, maxMs: 5000 });
    const rounds = new Map<typeof solo, LoadResult[]>([[solo, []], [group, []]]);
    for (let r = 0; r < 6; r++)
      for (const t of r % 2 ? [group, solo] : [solo, group]) rounds.get(t)!.push(await runLoad({ url: t.url, headers: t.headers, body: body(`r${r}`), concurrency: conc, maxRequests: 20_000, maxMs: 2500 }));
    const a = combine(rounds.get(solo)!);
    const b = combine(rounds.get(group)!);
    const line = (x: LoadResult) => `${x.rps.toFixed(0)} req/s, p50 ${x.p50.toFixed(1)} ms, p99 ${x.p99.toFixed(1)} ms, errors ${x.errors}`;
    console.log(`${conc} connections: each commit alone ${line(a)} | group commit ${line(b)} | ${(b.rps / a.rps).toFixed(2)}×`);
  } finally {
    await solo.child.stop();
    await group.child.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
