import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import { startMariaDb } from '../test/support/mariadb';
import { startServerChild, type ServerChild } from './child';
import { percentile, postJson, runOpenLoop, type OpenLoopResult } from './load';
import { fmt, table } from './table';

export const MYSQL_RATES = [250, 500, 1000];
export const MYSQL_P95_GOAL_MS = 300;

export interface MysqlIntakeResult {
  processes: number;
  seconds: number;
  runs: (OpenLoopResult & { p95: number })[];
  /** Cases in the database made by the measured runs, against the 200 answers (nothing lost or duplicated). */
  casesInDb: number;
  okTotal: number;
  server: string;
}

/**
 * Intake on MariaDB at constant arrival rates (bench/README.md §6): a throwaway MariaDB server
 * (test/support/mariadb.ts, Debian's mariadbd on loopback), `processes` platform processes on it
 * (bench/serve-mysql.ts, as several CloudBase instances), resident-a signed in on each, then open-loop
 * submits at each rate, round robin over the processes.
 */
export async function mysqlIntake(o: { root: string; tmp: string; processes: number; seconds: number; rates: number[]; body: (tag: string) => (i: number) => string; log: (s: string) => void; track: (c: ServerChild) => void }): Promise<MysqlIntakeResult> {
  o.log('starting a throwaway MariaDB (test/support/mariadb.ts)…');
  const db = await startMariaDb();
  const children: ServerChild[] = [];
  try {
    const url = `${db.url}bench`;
    const conn = await createConnection(db.url);
    const [[version]] = (await conn.query('SELECT VERSION() AS v')) as unknown as [{ v: string }[]];
    await conn.query('CREATE DATABASE bench CHARACTER SET utf8mb4 COLLATE utf8mb4_bin');
    await conn.end();
    const targets: { url: string; headers: Record<string, string> }[] = [];
    for (let p = 0; p < o.processes; p++) {
      o.log(`starting platform process ${p + 1}/${o.processes} on MariaDB (bench/serve-mysql.ts)…`);
      const child = await startServerChild(path.join('bench', 'serve-mysql.ts'), { cwd: o.root, env: { BENCH_TMP: o.tmp, DB_URL: url, SEED: p === 0 ? 'demo' : 'none' }, readyTimeoutMs: 60_000 });
      children.push(child);
      o.track(child);
      const login = await postJson(`${child.url}/local/login`, { user: 'resident-a' });
      const parsed = JSON.parse(login.text) as { token?: string; data?: { token?: string } };
      const token = parsed.token ?? parsed.data?.token;
      if (login.status !== 200 || !token) throw new Error(`login resident-a on MariaDB → ${login.status} ${login.text.slice(0, 200)}`);
      const headers = { authorization: `Bearer ${token}` };
      const probe = await postJson(`${child.url}/fn/case`, JSON.parse(o.body(`my-probe-${p}`)(0)), headers);
      if (probe.status !== 200) throw new Error(`case.submit on MariaDB → ${probe.status} ${probe.text.slice(0, 300)}`);
      targets.push({ url: `${child.url}/fn/case`, headers });
    }
    const count = async () => {
      const c = await createConnection(url);
      try {
        const [[row]] = (await c.query('SELECT COUNT(*) AS n FROM cases')) as unknown as [{ n: number }[]];
        return Number(row.n);
      } finally {
        await c.end();
      }
    };
    o.log('MariaDB warm-up: 2 s at 100 requests/s…');
    await runOpenLoop({ targets, body: o.body('my-warm'), rate: 100, seconds: 2 });
    const before = await count();
    const runs: MysqlIntakeResult['runs'] = [];
    for (const rate of o.rates) {
      await new Promise((r) => setTimeout(r, 1000));
      const r = await runOpenLoop({ targets, body: o.body(`my-${rate}`), rate, seconds: o.seconds });
      const p95 = percentile(r.latencies, 95);
      runs.push({ ...r, p95 });
      o.log(`MariaDB ${rate}/s: ${r.ok}/${r.sent} ok, p50 ${r.p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms`);
    }
    const casesInDb = (await count()) - before;
    return { processes: o.processes, seconds: o.seconds, runs, casesInDb, okTotal: runs.reduce((a, r) => a + r.ok, 0), server: version.v };
  } finally {
    await Promise.all(children.map((c) => c.stop().catch(() => undefined)));
    await db.stop();
  }
}

/** The report lines of §6. */
export function mysqlIntakeReport(r: MysqlIntakeResult, cpus: number): string[] {
  const ms = (x: number) => (Number.isFinite(x) ? fmt.ms(x) : '—');
  const rows = r.runs.map((x) => {
    const last = x.rate === Math.max(...r.runs.map((y) => y.rate));
    const met = x.p95 < MYSQL_P95_GOAL_MS && x.errors === 0;
    return [
      `${fmt.int(x.rate)}/s`,
      `${fmt.int(x.ok)} / ${fmt.int(x.sent)}`,
      `${fmt.int(x.ok / ((x.elapsedMs + 0) / 1000))}/s`,
      ms(x.p50),
      ms(x.p95),
      ms(x.p99),
      ms(x.max),
      x.errors ? `${fmt.int(x.errors)} (${Object.entries(x.failures).map(([k, n]) => `${k}×${n}`).join(', ')})` : '0',
      ms(x.maxLagMs),
      last ? `p95 < ${MYSQL_P95_GOAL_MS} ms, 0 errors` : '',
      last ? (met ? 'MET' : 'NOT MET') : met ? '(p95 and errors ok)' : '(over)',
    ];
  });
  const out = [
    '',
    `Intake on MariaDB ${r.server} (throwaway server on loopback), open loop: POST /fn/case {action:'submit'} as resident-a fired on schedule at each rate for ${r.seconds} s, ` +
      `round robin over ${r.processes} platform processes (bench/serve-mysql.ts, DB_URL, 8 connections each); latency timed from when each request was due; ${cpus} CPUs shared by the load, the processes and mysqld`,
    table(['rate', 'ok / sent', 'answered', 'p50', 'p95', 'p99', 'max', 'errors', 'generator lag max', 'goal', 'status'], rows),
    `cases in the database from the measured runs: ${fmt.int(r.casesInDb)} for ${fmt.int(r.okTotal)} successful answers` +
      (r.casesInDb === r.okTotal ? ' (none lost, none duplicated)' : ' (requests that timed out may still have been committed)'),
  ];
  for (const x of r.runs) if (x.firstFailure) out.push(`! ${x.rate}/s first failure: ${x.firstFailure}`);
  return out;
}
