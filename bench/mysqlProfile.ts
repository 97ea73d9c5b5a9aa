import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createConnection } from 'mysql2/promise';
import { startMariaDb } from '../test/support/mariadb';
import { startServerChild } from './child';
import { postJson, runOpenLoop } from './load';
import { processCpuMs, settle } from './procCpu';
import { summarizeProfile } from './profile';

/**
 * ONE platform process (bench/serve-mysql.ts) on a throwaway durable MariaDB, submits at a constant rate
 * the process keeps up with (default 100/s for 5 s, after a warm-up), and its CPU per submit from /proc:
 * node ms and mysqld ms per case committed. With `--profile` the process also records a V8 CPU profile
 * (bench/cpuprof.ts, .ts lines mapped) kept in bench/.out/mysql-gateway.cpuprofile and summed up here
 * (self time, project functions, packages). Not part of `npm run bench`:
 * `--sqlite`: the same process on its SQLite store instead (the same load, for comparison; node ms per
 * 200 answer, SQLite inside it).
 *   npx tsx bench/mysqlProfile.ts [--rate 100] [--seconds 5] [--profile] [--runs 1] [--sqlite]
 */
const { values: args } = parseArgs({
  options: { rate: { type: 'string', default: '100' }, seconds: { type: 'string', default: '5' }, profile: { type: 'boolean', default: false }, runs: { type: 'string', default: '1' }, sqlite: { type: 'boolean', default: false } },
});
const ROOT = path.resolve(__dirname, '..');
const CONTENT = '您好，请问小区快递柜的开放时间是几点到几点？周末是否正常开放？另外大件快递能否放在物业前台代收，谢谢。';
const runId = `${process.pid.toString(36)}${Date.now().toString(36)}`;
const body = (tag: string) => (i: number) => JSON.stringify({ action: 'submit', requestId: `prof-${runId}-${tag}-${i}`, householdId: '1-1-101', kind: 'consultation', content: CONTENT });

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-myprof-'));
  const profFile = path.join(tmp, 'gateway.cpuprofile');
  const db = await startMariaDb({ durable: true });
  try {
    const conn = await createConnection(db.url);
    await conn.query('CREATE DATABASE bench CHARACTER SET utf8mb4 COLLATE utf8mb4_bin');
    await conn.end();
    const url = `${db.url}bench`;
    const child = await startServerChild(path.join('bench', 'serve-mysql.ts'), {
      cwd: ROOT,
      env: { BENCH_TMP: tmp, DB_URL: args.sqlite ? '' : url, SEED: 'demo', ...(args.profile ? { BENCH_CPU_PROFILE: profFile } : {}) },
      readyTimeoutMs: 60_000,
    });
    try {
      const login = await postJson(`${child.url}/local/login`, { user: 'resident-a' });
      const token = (JSON.parse(login.text) as { token?: string; data?: { token?: string } }).data?.token ?? (JSON.parse(login.text) as { token?: string }).token;
      const targets = [{ url: `${child.url}/fn/case`, headers: { authorization: `Bearer ${token}` } }];
      await runOpenLoop({ targets, body: body('warm'), rate: 100, seconds: 2 });
      let answered = 0;
      const counter = await createConnection(url);
      const cases = async () => args.sqlite ? answered : Number(((await counter.query('SELECT COUNT(*) AS n FROM cases')) as unknown as [{ n: number }[]])[0][0].n);
      for (let run = 0; run < Number(args.runs); run++) {
        await settle([child.pid, db.pid], { maxMs: 3000 });
        const c0 = { rows: await cases(), node: processCpuMs(child.pid), mysqld: processCpuMs(db.pid) };
        const r = await runOpenLoop({ targets, body: body(`r${run}`), rate: Number(args.rate), seconds: Number(args.seconds) });
        answered += r.ok;
        await settle([child.pid, db.pid], { maxMs: 3000 });
        const rows = (await cases()) - c0.rows;
        const node = processCpuMs(child.pid) - c0.node;
        const mysqld = processCpuMs(db.pid) - c0.mysqld;
        const p95 = r.latencies[Math.ceil(0.95 * r.latencies.length) - 1];
        console.log(`run ${run + 1}: ${r.ok}/${r.sent} ok at ${args.rate}/s, p50 ${r.p50.toFixed(1)} ms, p95 ${p95?.toFixed(1)} ms; node ${(node / rows).toFixed(2)} ms/submit, mysqld ${(mysqld / rows).toFixed(2)} ms/submit (${rows} cases); load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
      }
      await counter.end();
    } finally {
      await child.stop();
    }
    if (args.profile) {
      const keep = path.join(ROOT, 'bench', '.out', 'mysql-gateway.cpuprofile');
      fs.mkdirSync(path.dirname(keep), { recursive: true });
      fs.copyFileSync(profFile, keep);
      const s = summarizeProfile(keep, ROOT, 40);
      if (s) {
        console.log(`profile ${path.relative(ROOT, keep)}: ${s.totalMs.toFixed(0)} ms sampled, busy ${(100 * s.busyShare).toFixed(1)} %, GC ${(100 * s.gcShare).toFixed(1)} %`);
        const busy = s.totalMs * s.busyShare;
        for (const [title, list] of [['self', s.self], ['project (inclusive)', s.project], ['by package', s.byModule]] as const) {
          console.log(`-- ${title} (share of busy time)`);
          for (const x of list) console.log(`${((100 * x.ms) / busy).toFixed(1).padStart(6)} %  ${x.where}`);
        }
      }
    }
  } finally {
    await db.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
