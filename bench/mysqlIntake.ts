import os from 'node:os';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import { startMariaDb } from '../test/support/mariadb';
import { startServerChild, type ServerChild } from './child';
import { percentile, postJson, runOpenLoop, type OpenLoopResult } from './load';
import { cpuMsOf, hostCpuMs, processCpuMs, selfCpuMs, settle } from './procCpu';

export const MYSQL_RATES = [250, 500, 1000];
export const MYSQL_P95_GOAL_MS = 300;
/** Connections in each process's pool: what local/platform.ts gives the platform, and the baseline the same. */
export const MYSQL_POOL = 8;

export type MysqlSide = 'baseline' | 'gateway';

/** CPU used from the start of a run until its answers were in and the servers had settled (or gave up). */
export interface RunCpu {
  /** Rows the side committed in that window (cases for the gateway, baseline_records for the baseline). */
  rows: number;
  /** CPU ms of the side's server processes, of mysqld, of the load generator (this process). */
  nodeMs: number;
  mysqldMs: number;
  loadMs: number;
  windowMs: number;
  /** While the requests were out (from the first sent to the last answered or timed out): ms, our processes' CPU ms, the whole host's busy CPU ms. */
  loadedMs: number;
  loadedOursMs: number;
  loadedHostMs: number;
  /** Whether the servers were idle again at the end of the window (work on timed-out requests finished). */
  settled: boolean;
  /** mariadbd's counters over the window (SHOW GLOBAL STATUS): statements, row lock waits and their time, rollbacks. */
  status: Record<(typeof STATUS)[number], number>;
}

export type MysqlRun = OpenLoopResult & { side: MysqlSide; p95: number; cpu: RunCpu };

export interface MysqlIntakeResult {
  processes: number;
  /** Residents the gateway's submits come from, round robin (1: resident-a alone). */
  residents: number;
  seconds: number;
  runs: MysqlRun[];
  /** Cases in the database made by the gateway's measured runs, against its 200 answers. */
  casesInDb: number;
  okTotal: number;
  server: string;
  /** mariadbd settings that bear on a commit's cost, as the server reports them. */
  settings: Record<string, string>;
  /** 1-minute load average before and after §6 (the host is shared). */
  loadavg: [number, number];
}

const STATUS = ['Questions', 'Innodb_row_lock_waits', 'Innodb_row_lock_time', 'Innodb_deadlocks', 'Com_rollback'] as const;
const SETTINGS = ['innodb_flush_log_at_trx_commit', 'sync_binlog', 'log_bin', 'innodb_flush_method', 'innodb_buffer_pool_size', 'innodb_log_file_size', 'thread_handling'];

/**
 * Intake on MariaDB at constant arrival rates (bench/README.md §6): a throwaway MariaDB server
 * (test/support/mariadb.ts, Debian's mariadbd on loopback), `processes` platform processes on it
 * (bench/serve-mysql.ts, as several CloudBase instances) and as many bare node:http + mysql2 processes
 * (bench/baseline-mysql.ts, one INSERT per request) on the same server; resident-a signed in on each
 * platform process, then open-loop submits at each rate, round robin over the processes: the baseline's
 * rates first, then the gateway's (an overloaded gateway keeps working on timed-out requests long after
 * its run, which would load the machine under a baseline run after it). CPU time of the servers, of
 * mysqld and of the generator is read from /proc around each run.
 */
export async function mysqlIntake(o: { root: string; tmp: string; processes: number; seconds: number; rates: number[]; residents: number; body: (tag: string) => (i: number) => string; log: (s: string) => void; track: (c: ServerChild) => void }): Promise<MysqlIntakeResult> {
  const load0 = os.loadavg()[0];
  o.log('starting a throwaway MariaDB (test/support/mariadb.ts, durable: a COMMIT is on disk before it answers)…');
  const db = await startMariaDb({ durable: true });
  const children: ServerChild[] = [];
  const start = async (script: string, env: Record<string, string>) => {
    const child = await startServerChild(path.join('bench', script), { cwd: o.root, env: { BENCH_TMP: o.tmp, ...env }, readyTimeoutMs: 60_000 });
    children.push(child);
    o.track(child);
    return child;
  };
  try {
    const url = `${db.url}bench`;
    const conn = await createConnection(db.url);
    const [[version]] = (await conn.query('SELECT VERSION() AS v')) as unknown as [{ v: string }[]];
    const [vars] = (await conn.query(`SHOW GLOBAL VARIABLES WHERE Variable_name IN (${SETTINGS.map(() => '?').join(', ')})`, SETTINGS)) as unknown as [{ Variable_name: string; Value: string }[]];
    await conn.query('CREATE DATABASE bench CHARACTER SET utf8mb4 COLLATE utf8mb4_bin');
    await conn.end();
    const settings = Object.fromEntries(vars.map((v) => [v.Variable_name, v.Value]));

    type Target = { url: string; headers: Record<string, string>; pid: number };
    let rowBytes = 0;
    const signIn = async (base: string, user: string) => {
      const login = await postJson(`${base}/local/login`, { user });
      const parsed = JSON.parse(login.text) as { token?: string; data?: { token?: string } };
      const token = parsed.token ?? parsed.data?.token;
      if (login.status !== 200 || !token) throw new Error(`login ${user} on MariaDB → ${login.status} ${login.text.slice(0, 200)}`);
      return { authorization: `Bearer ${token}` };
    };
    const platform = async (p: number): Promise<Target> => {
      const child = await start('serve-mysql.ts', { DB_URL: url, SEED: p === 0 ? 'demo' : 'none' });
      const headers = await signIn(child.url, 'resident-a');
      const probe = await postJson(`${child.url}/fn/case`, JSON.parse(o.body(`my-probe-${p}`)(0)), headers);
      if (probe.status !== 200) throw new Error(`case.submit on MariaDB → ${probe.status} ${probe.text.slice(0, 300)}`);
      rowBytes = Buffer.byteLength(JSON.stringify((JSON.parse(probe.text) as { data: unknown }).data));
      return { url: `${child.url}/fn/case`, headers, pid: child.pid };
    };
    const bare = async (): Promise<Target> => {
      const child = await start('baseline-mysql.ts', { DB_URL: url, BENCH_ROW_BYTES: String(rowBytes), BENCH_CONNECTIONS: String(MYSQL_POOL) });
      return { url: `${child.url}/fn/case`, headers: {}, pid: child.pid };
    };
    // The first platform process seeds the demo data and measures the case's size; the rest start together.
    o.log(`starting ${o.processes} platform processes (bench/serve-mysql.ts) and ${o.processes} baseline processes (bench/baseline-mysql.ts) on MariaDB…`);
    const gateway = [await platform(0)];
    const [more, baseline] = await Promise.all([
      Promise.all(Array.from({ length: o.processes - 1 }, (_, i) => platform(i + 1))),
      Promise.all(Array.from({ length: o.processes }, () => bare())),
    ]);
    gateway.push(...more);
    // More residents (--mysql-residents): bound owners of the same household, each signed in on each process.
    // resident-a holds its user row through each submit (a user's writes queue, Tx.identity), so one
    // resident's submits run one at a time however many processes and connections there are.
    const extra = Array.from({ length: o.residents - 1 }, (_, k) => `bench-r${k + 1}`);
    if (extra.length) {
      const c = await createConnection(url);
      const now = Date.now();
      await c.query('INSERT INTO users (id, openid, name, phone, created_at) VALUES ?', [extra.map((id) => [id, `o_${id}`, '压测住户', null, now])]);
      await c.query(
        'INSERT INTO bindings (id, user_id, household_id, community_id, name, phone, relation, status, phone_check, created_at, decided_at, decided_by, reason) VALUES ?',
        [extra.map((id) => [`b_${id}`, id, '1-1-101', 'demo', '压测住户', '13800009999', 'owner', 'approved', 'not_provided', now, now, 'system', 'bench'])],
      );
      await c.end();
    }
    const gatewayTargets = [...gateway];
    for (const user of extra) for (const t of gateway) gatewayTargets.push({ ...t, headers: await signIn(t.url.replace(/\/fn\/case$/, ''), user) });
    const gatewayPids = gateway.map((t) => t.pid);
    const baselinePids = baseline.map((t) => t.pid);

    const counter = await createConnection(url);
    const count = async (table: string) => {
      const [[row]] = (await counter.query(`SELECT COUNT(*) AS n FROM ${table}`)) as unknown as [{ n: number }[]];
      return Number(row.n);
    };
    const status = async () => {
      const [rows] = (await counter.query(`SHOW GLOBAL STATUS WHERE Variable_name IN (${STATUS.map(() => '?').join(', ')})`, [...STATUS])) as unknown as [{ Variable_name: string; Value: string }[]];
      return Object.fromEntries(STATUS.map((k) => [k, Number(rows.find((r) => r.Variable_name === k)?.Value ?? NaN)])) as RunCpu['status'];
    };
    const sides = {
      baseline: { targets: baseline, pids: baselinePids, table: 'baseline_records' },
      gateway: { targets: gatewayTargets, pids: gatewayPids, table: 'cases' },
    };
    try {
      o.log('MariaDB warm-up: 2 s at 100 requests/s on each side…');
      for (const s of Object.values(sides)) await runOpenLoop({ targets: s.targets, body: o.body('my-warm'), rate: 100, seconds: 2 });
      await settle([...gatewayPids, ...baselinePids, db.pid], { maxMs: 3000 });
      const gatewayBefore = await count('cases');
      const runs: MysqlRun[] = [];
      for (const side of ['baseline', 'gateway'] as const) {
        const s = sides[side];
        for (const rate of o.rates) {
          const c0 = { status: await status(), rows: await count(s.table), node: cpuMsOf(s.pids), mysqld: processCpuMs(db.pid), load: selfCpuMs(), host: hostCpuMs().busy, t: performance.now() };
          const r = await runOpenLoop({ targets: s.targets, body: o.body(`my-${side[0]}${rate}`), rate, seconds: o.seconds });
          const loaded = { ours: cpuMsOf([...s.pids, db.pid]) + selfCpuMs(), host: hostCpuMs().busy, t: performance.now() };
          // Wait for the servers to finish what they accepted; an overloaded gateway is not waited for long.
          const settled = await settle([...s.pids, db.pid], { maxMs: side === 'baseline' ? 5000 : 1000 });
          const c1 = { node: cpuMsOf(s.pids), mysqld: processCpuMs(db.pid), load: selfCpuMs(), host: hostCpuMs().busy, t: performance.now() };
          const [rows, st] = [(await count(s.table)) - c0.rows, await status()];
          const cpu: RunCpu = {
            rows,
            nodeMs: c1.node - c0.node,
            mysqldMs: c1.mysqld - c0.mysqld,
            loadMs: c1.load - c0.load,
            loadedMs: loaded.t - c0.t,
            loadedOursMs: loaded.ours - (c0.node + c0.mysqld + c0.load),
            loadedHostMs: loaded.host - c0.host,
            windowMs: c1.t - c0.t,
            settled,
            status: Object.fromEntries(STATUS.map((k) => [k, st[k] - c0.status[k]])) as RunCpu['status'],
          };
          const p95 = percentile(r.latencies, 95);
          runs.push({ ...r, side, p95, cpu });
          const per = (ms: number) => (cpu.rows ? (ms / cpu.rows).toFixed(2) : '—');
          o.log(
            `MariaDB ${side} ${rate}/s: ${r.ok}/${r.sent} ok, p50 ${r.p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms; ` +
              `CPU per row: node ${per(cpu.nodeMs)} ms, mysqld ${per(cpu.mysqldMs)} ms (${cpu.rows} rows${settled ? '' : ', servers still busy'}); ` +
              `busy while loaded: ours ${((100 * cpu.loadedOursMs) / (cpu.loadedMs * os.cpus().length)).toFixed(0)} %, host ${((100 * cpu.loadedHostMs) / (cpu.loadedMs * os.cpus().length)).toFixed(0)} %; row lock waits ${cpu.status.Innodb_row_lock_waits}, ${cpu.status.Innodb_row_lock_time} ms`,
          );
        }
      }
      const gatewayRuns = runs.filter((r) => r.side === 'gateway');
      return {
        processes: o.processes,
        residents: o.residents,
        seconds: o.seconds,
        runs,
        casesInDb: (await count('cases')) - gatewayBefore,
        okTotal: gatewayRuns.reduce((a, r) => a + r.ok, 0),
        server: version.v,
        settings,
        loadavg: [load0, os.loadavg()[0]],
      };
    } finally {
      await counter.end();
    }
  } finally {
    await Promise.all(children.map((c) => c.stop().catch(() => undefined)));
    await db.stop();
  }
}
