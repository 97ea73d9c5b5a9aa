import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startServerChild, type ServerChild } from './child';
import { combine, postJson, runLoad, type LoadResult } from './load';
import { summarizeProfile, type ProfileSummary, type Spot } from './profile';
import { percentile } from './load';
import { runScale, type ScaleResult } from './scale';
import { fmt, table } from './table';
import { WEAPP_GOAL_BYTES, WEAPP_LIMIT_BYTES, weappSize, type WeappSize } from './weapp';
import { bundlesReport } from './bundlesReport';
import { MYSQL_RATES, mysqlIntake } from './mysqlIntake';
import { mysqlIntakeReport } from './mysqlIntakeReport';
import { h5Report, measureH5 } from './h5';
import { registerReport } from './register';
import { paymentsReport } from './payments';

/**
 * `npm run bench`: intake throughput and latency through the local platform gateway against a bare
 * node:http + better-sqlite3 floor measured in the same run, then the weapp main package size, then
 * the store at scale: the workbench queue on 1 M cases (adapter vs. raw statements) and the SLA sweep
 * on 100 k vs. 1 M cases. Servers run in child processes; the load generator and the store-at-scale
 * measurements run here. Everything is bounded and loopback.
 * Flags (after `npm run bench --`): --seconds S --rounds R --requests N --concurrency C --warmup N
 * --profile / --no-profile --profile-seconds S --bare (no SQLite counters in the measured gateway)
 * --rebuild-weapp --skip-weapp --skip-intake --skip-scale --cases N --due N --queue-runs N
 * --sweep-reps N --skip-bundles --bundle-reps N --skip-mysql --mysql-processes N --mysql-seconds S --mysql-residents N
 * --mysql-rates 250,500,1000 --skip-h5 --rebuild-h5 --skip-register --skip-payments. See bench/README.md.
 */
const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '4' },
    requests: { type: 'string', default: '20000' },
    concurrency: { type: 'string', default: '16' },
    warmup: { type: 'string', default: '300' },
    profile: { type: 'boolean', default: false },
    'no-profile': { type: 'boolean', default: false },
    'profile-seconds': { type: 'string', default: '5' },
    'rebuild-weapp': { type: 'boolean', default: false },
    'skip-weapp': { type: 'boolean', default: false },
    bare: { type: 'boolean', default: false },
    'skip-intake': { type: 'boolean', default: false },
    'skip-scale': { type: 'boolean', default: false },
    'skip-bundles': { type: 'boolean', default: false },
    'skip-register': { type: 'boolean', default: false },
    'skip-payments': { type: 'boolean', default: false },
    'bundle-reps': { type: 'string', default: '9' },
    'skip-mysql': { type: 'boolean', default: false },
    'skip-h5': { type: 'boolean', default: false },
    'rebuild-h5': { type: 'boolean', default: false },
    'mysql-processes': { type: 'string', default: '2' },
    'mysql-seconds': { type: 'string', default: '3' },
    'mysql-residents': { type: 'string', default: '1' },
    'mysql-rates': { type: 'string', default: MYSQL_RATES.join(',') },
    cases: { type: 'string', default: '1000000' },
    due: { type: 'string', default: '500' },
    'queue-runs': { type: 'string', default: '200' },
    'sweep-reps': { type: 'string', default: '9' },
  },
  strict: true,
});

const ROOT = path.resolve(__dirname, '..');
const SECONDS = Math.min(60, Math.max(1, Number(args.seconds)));
const ROUNDS = Math.min(10, Math.max(1, Math.round(Number(args.rounds))));
const REQUESTS = Math.max(ROUNDS, Number(args.requests));
const CONCURRENCY = Math.min(256, Math.max(1, Number(args.concurrency)));
const WARMUP = Math.max(0, Number(args.warmup));
const GOAL_RATIO = 0.5;
const CASES = Math.min(5_000_000, Math.max(10_000, Math.round(Number(args.cases))));
const DUE = Math.min(5_000, Math.max(10, Math.round(Number(args.due))));
const QUEUE_RUNS = Math.min(10_000, Math.max(20, Math.round(Number(args['queue-runs']))));
const SWEEP_REPS = Math.min(20, Math.max(1, Math.round(Number(args['sweep-reps']))));
const QUEUE_GOAL_MS = 20;
const SWEEP_GOAL_RATIO = 1.5;
const CONTENT = '您好，请问小区快递柜的开放时间是几点到几点？周末是否正常开放？另外大件快递能否放在物业前台代收，谢谢。';

const t0 = Date.now();
const say = (s: string) => process.stderr.write(`› ${s}\n`);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-bench-'));
const children = new Set<ServerChild>();
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

const runId = `${process.pid.toString(36)}${Date.now().toString(36)}`;
const submitBody = (tag: string) => (i: number) =>
  JSON.stringify({ action: 'submit', requestId: `bench-${runId}-${tag}-${i}`, householdId: '1-1-101', kind: 'consultation', content: CONTENT });

async function start(script: string, env: Record<string, string> = {}) {
  const child = await startServerChild(script, { cwd: ROOT, env: { BENCH_TMP: tmp, ...env } });
  children.add(child);
  return child;
}
async function stop(child: ServerChild) {
  children.delete(child);
  await child.stop();
}

interface Target {
  name: string;
  child: ServerChild;
  url: string;
  headers: Record<string, string>;
}

/** Starts the gateway child, signs resident-a in, checks one submit works. */
async function gateway(env: Record<string, string> = {}) {
  const child = await start('bench/serve.ts', env);
  const login = await postJson(`${child.url}/local/login`, { user: 'resident-a' });
  if (login.status !== 200) throw new Error(`login resident-a → ${login.status} ${login.text.slice(0, 200)}`);
  const parsed = JSON.parse(login.text) as { token?: string; data?: { token?: string } };
  const token = parsed.token ?? parsed.data?.token;
  if (!token) throw new Error(`login answered no token: ${login.text.slice(0, 200)}`);
  const headers = { authorization: `Bearer ${token}` };
  const probe = await postJson(`${child.url}/fn/case`, JSON.parse(submitBody('probe')(0)), headers);
  if (probe.status !== 200) throw new Error(`case.submit probe → ${probe.status} ${probe.text.slice(0, 300)}`);
  const dataBytes = Buffer.byteLength(JSON.stringify((JSON.parse(probe.text) as { data: unknown }).data));
  const target: Target = { name: 'gateway', child, url: `${child.url}/fn/case`, headers };
  return { target, dataBytes, responseBytes: Buffer.byteLength(probe.text) };
}

const load = (t: Target, tag: string, maxRequests: number, ms: number) =>
  runLoad({ url: t.url, headers: t.headers, body: submitBody(tag), concurrency: CONCURRENCY, maxRequests, maxMs: ms });

function failuresNote(name: string, r: LoadResult) {
  if (!r.errors) return null;
  const kinds = Object.entries(r.failures)
    .map(([k, n]) => `${k}×${n}`)
    .join(', ');
  return `! ${name}: ${r.errors} of ${r.sent} requests failed (${kinds}); first: ${r.firstFailure}`;
}

type Stats = Record<string, number> | null;
/** Per created case over the server's whole life (probe and warm-up included: every one is a submit). */
const has = (s: Stats, k: string): s is Record<string, number> => !!s && !!s.cases && Number.isFinite(s[k]);
const perSubmit = (s: Stats, k: string) => (has(s, k) ? (s[k] / s.cases).toFixed(2) : '—');
const msPerSubmit = (s: Stats, k: string) => (has(s, k) ? fmt.ms(s[k] / s.cases) : '—');
const rangeOf = (xs: number[], unit: string) => `${fmt.int(Math.min(...xs))}–${fmt.int(Math.max(...xs))}${unit}`;
const ratioOf = (a: Stats, b: Stats, k: string) => (has(a, k) && has(b, k) ? fmt.ratio(a[k] / a.cases / (b[k] / b.cases)) : '');

/**
 * Statements between BEGIN and COMMIT of the transactions that inserted cases, per case (goal ≤ 8: each is a round trip on a
 * network store); the group commit's savepoints are counted apart (in-process on SQLite, no group commit on MySQL).
 */
const SUBMIT_STATEMENTS_GOAL = 8;
function submitTx(s: Stats): string[] {
  if (!has(s, 'submitTxs') || !s.submitTxs) return ['—', '1.00', '', `≤ ${SUBMIT_STATEMENTS_GOAL}`, ''];
  const n = s.submitTxStatements / s.submitTxs;
  return [n.toFixed(2), '1.00', fmt.ratio(n), `≤ ${SUBMIT_STATEMENTS_GOAL}`, n <= SUBMIT_STATEMENTS_GOAL ? 'MET' : 'NOT MET'];
}

/** Intake through the gateway vs. the baseline (section 1), with the profile when asked or when the goal is missed. */
async function intake(): Promise<string[]> {
  // Both servers up, each in its own process; the gateway first, to size the baseline's row like its case.
  say('starting the gateway (bench/serve.ts: the local platform, demo seed)…');
  const gw = await gateway(args.bare ? { BENCH_INSTRUMENT: '0' } : {});
  say(`gateway ${gw.target.child.url}: case.submit answers ${gw.responseBytes} B; starting the baseline (node:http + better-sqlite3, ${gw.dataBytes} B rows)…`);
  const baseChild = await start('bench/baseline-server.ts', { BENCH_ROW_BYTES: String(gw.dataBytes) });
  const base: Target = { name: 'baseline', child: baseChild, url: `${baseChild.url}/fn/case`, headers: {} };

  for (const t of [base, gw.target]) await load(t, `${t.name}-warm`, WARMUP, 5_000);

  // Alternate short rounds (B G G B B G …) so both sides see the same disk and CPU weather.
  const rounds: Record<string, LoadResult[]> = { gateway: [], baseline: [] };
  const perRoundMs = (SECONDS * 1000) / ROUNDS;
  const perRoundReq = Math.ceil(REQUESTS / ROUNDS);
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 === 0 ? [base, gw.target] : [gw.target, base];
    for (const t of order) {
      await pause(200);
      const res = await load(t, `${t.name}-${r}`, perRoundReq, perRoundMs);
      rounds[t.name].push(res);
    }
    say(`round ${r + 1}/${ROUNDS}: gateway ${fmt.int(rounds.gateway[r].rps)} req/s, baseline ${fmt.int(rounds.baseline[r].rps)} req/s`);
  }
  await Promise.all([stop(gw.target.child), stop(baseChild)]);
  const g = combine(rounds.gateway);
  const b = combine(rounds.baseline);
  const roundRatios = rounds.gateway.map((x, i) => x.rps / rounds.baseline[i].rps).sort((x, y) => x - y);

  const gs = gw.target.child.stats;
  const bs = baseChild.stats;
  const ratio = g.rps / b.rps;
  const met = ratio >= GOAL_RATIO;

  // 3. Profile the gateway when it misses the goal (or when asked), in a fresh child.
  let prof: ProfileSummary | null = null;
  let profNote: string | null = null;
  if (args.profile || (!met && !args['no-profile'])) {
    const file = path.join(tmp, 'gateway.cpuprofile');
    say(`profiling the gateway for ${args['profile-seconds']} s (inspector CPU profile of its main thread)…`);
    try {
      const p = await gateway({ BENCH_CPU_PROFILE: file });
      const pr = await load(p.target, 'prof', 1_000_000, Number(args['profile-seconds']) * 1000);
      await stop(p.target.child);
      prof = summarizeProfile(file, ROOT);
      if (prof) {
        const keep = path.join(ROOT, 'bench', '.out', 'gateway.cpuprofile');
        fs.mkdirSync(path.dirname(keep), { recursive: true });
        fs.copyFileSync(file, keep);
        prof.file = path.relative(ROOT, keep);
      }
      profNote = `${fmt.int(pr.rps)} req/s while profiled`;
    } catch (e) {
      profNote = `profile failed: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  const out: string[] = [];
  out.push('');
  out.push(
    `Intake: POST /fn/case {action:'submit'} as resident-a, ${CONCURRENCY} keep-alive connections, ${ROUNDS} alternating rounds, ` +
      `${SECONDS} s (≤ ${fmt.int(REQUESTS)} requests) per side after ${WARMUP} warm-up requests each`,
  );
  out.push(
    table(
      ['figure', 'gateway', 'baseline', 'gateway / baseline', 'goal', 'status'],
      [
        ['throughput', `${fmt.int(g.rps)} req/s`, `${fmt.int(b.rps)} req/s`, fmt.pct(ratio), '≥ 50 % of baseline', met ? 'MET' : 'NOT MET'],
        ['  per round (min–max)', rangeOf(rounds.gateway.map((x) => x.rps), ' req/s'), rangeOf(rounds.baseline.map((x) => x.rps), ' req/s'), `${fmt.pct(roundRatios[0])}–${fmt.pct(roundRatios.at(-1)!)}`, '', ''],
        ['latency p50', fmt.ms(g.p50), fmt.ms(b.p50), fmt.ratio(g.p50 / b.p50), '', ''],
        ['latency p90', fmt.ms(g.p90), fmt.ms(b.p90), fmt.ratio(g.p90 / b.p90), '', ''],
        ['latency p99', fmt.ms(g.p99), fmt.ms(b.p99), fmt.ratio(g.p99 / b.p99), '', ''],
        ['latency max', fmt.ms(g.max), fmt.ms(b.max), fmt.ratio(g.max / b.max), '', ''],
        ['requests ok / sent', `${fmt.int(g.ok)} / ${fmt.int(g.sent)}`, `${fmt.int(b.ok)} / ${fmt.int(b.sent)}`, '', 'no failures', g.errors || b.errors ? 'FAILURES' : 'ok'],
        ['load time', fmt.ms(g.elapsedMs), fmt.ms(b.elapsedMs), '', '', ''],
        ['answer size', `${fmt.int(g.responseBytes)} B`, `${fmt.int(b.responseBytes)} B`, '', '', ''],
        ['SQL statements in the submit transaction', ...submitTx(gs)],
        ['submits per durable commit (group commit)', has(gs, 'writeCommits') && gs.writeCommits ? (gs.cases / gs.writeCommits).toFixed(2) : '—', '1.00', '', '', ''],
        ['group-commit savepoints / submit', perSubmit(gs, 'groupStatements'), '', '', '', ''],
        ['SQL statements / submit, whole run', perSubmit(gs, 'statements'), perSubmit(bs, 'statements'), ratioOf(gs, bs, 'statements'), '', ''],
        ['durable commits / submit', perSubmit(gs, 'writeCommits'), perSubmit(bs, 'writeCommits'), ratioOf(gs, bs, 'writeCommits'), '', ''],
        ['server time / submit (1 / throughput)', fmt.ms(1000 / g.rps), fmt.ms(1000 / b.rps), fmt.ratio(b.rps / g.rps), '', ''],
        ['  in SQLite, all statements', msPerSubmit(gs, 'sqlMs'), msPerSubmit(bs, 'sqlMs'), ratioOf(gs, bs, 'sqlMs'), '', ''],
        ['  in SQLite, COMMITs (fsync)', msPerSubmit(gs, 'commitMs'), '', '', '', ''],
      ],
    ),
  );
  for (const n of [failuresNote('gateway', g), failuresNote('baseline', b)]) if (n) out.push(n);
  if (gs)
    out.push(
      `gateway store, whole run: ${fmt.int(gs.cases)} cases, ${fmt.int(gs.outbox)} outbox messages (${(gs.outbox / gs.cases).toFixed(2)} / submit), ` +
        (has(gs, 'commits') ? `${fmt.int(gs.commits)} commits of which ${fmt.int(gs.writeCommits)} wrote (each one WAL fsync, synchronous=FULL); ` : '(--bare: SQLite not observed); ') +
        `${fmt.int(gs.outboxPendingAtEnd)} outbox messages still undelivered when the load stopped`,
    );

  if (prof) {
    out.push('');
    out.push(
      `Gateway CPU profile (${profNote}): main thread busy ${fmt.pct(prof.busyShare)} of ${fmt.int(prof.totalMs)} ms, GC ${fmt.pct(prof.gcShare)}; ` +
        `saved to ${prof.file} (open in Chrome DevTools). Lines are where each function starts in the .ts source. ` +
        `better-sqlite3 is synchronous: executing statements, WAL fsyncs included, is the native 'run'/'all', and preparing them is 'Statement'.`,
    );
    const rows = (xs: Spot[]) => xs.map((h) => [h.where, fmt.int(h.ms), fmt.pct(h.share)]);
    out.push(table(['self time (where the thread was)', 'ms', 'share'], rows(prof.self)));
    out.push(table(["project functions, inclusive (callees' time included)", 'ms', 'share'], rows(prof.project)));
    out.push(table(['self time by module', 'ms', 'share'], rows(prof.byModule)));
  } else if (profNote) out.push(profNote);

  return out;
}

async function main() {
  say(`bench: ${os.cpus().length} CPU, node ${process.version}, ${CONCURRENCY} connections, ${ROUNDS} alternating rounds, ≤ ${SECONDS} s / ${REQUESTS} requests per side; data in ${tmp}`);

  const out: string[] = [];
  if (args['skip-intake']) out.push('', 'Intake: skipped (--skip-intake)');
  else out.push(...(await intake()));

  // Intake on MariaDB at constant arrival rates, several platform processes on one database.
  if (args['skip-mysql']) out.push('', 'Intake on MariaDB: skipped (--skip-mysql)');
  else {
    try {
      const r = await mysqlIntake({
        root: ROOT,
        tmp,
        processes: Math.min(8, Math.max(1, Math.round(Number(args['mysql-processes'])))),
        seconds: Math.min(30, Math.max(1, Number(args['mysql-seconds']))),
        residents: Math.min(100, Math.max(1, Math.round(Number(args['mysql-residents'])))),
        rates: args['mysql-rates'].split(',').map(Number).filter((n) => n > 0 && n <= 5000),
        body: submitBody,
        log: say,
        track: (c) => children.add(c),
      });
      out.push(...mysqlIntakeReport(r, os.cpus().length));
    } catch (e) {
      out.push('', `Intake on MariaDB: FAILED — ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  // Weapp main package size.
  let w: WeappSize;
  if (args['skip-weapp']) w = { built: false, dir: 'dist/weapp', reason: 'skipped (--skip-weapp)' };
  else {
    const left = 115_000 - (Date.now() - t0);
    w = await weappSize(ROOT, { rebuild: args['rebuild-weapp'], timeoutMs: Math.max(30_000, Math.min(90_000, left)), log: say });
  }
  out.push('');
  out.push('Weapp main package (dist/weapp without its subpackages, app.json `subPackages`)');
  if (w.built) {
    out.push(
      table(
        ['figure', 'size', 'vs 2 MB limit', 'vs 600 KB goal', 'status'],
        [
          ['main package', fmt.kb(w.mainBytes), fmt.pct(w.mainBytes / WEAPP_LIMIT_BYTES), fmt.pct(w.mainBytes / WEAPP_GOAL_BYTES), w.mainBytes <= WEAPP_GOAL_BYTES ? 'MET' : 'NOT MET'],
          ...w.subs.map((p) => [`${p.root}/ subpackage`, fmt.kb(p.bytes), fmt.pct(p.bytes / WEAPP_LIMIT_BYTES), '', p.bytes <= WEAPP_LIMIT_BYTES ? 'under limit' : 'OVER LIMIT']),
        ],
      ),
    );
    out.push(
      `${w.mainFiles} files in the main package, ${w.subs.map((p) => `${p.files} in ${p.root}/`).join(', ')}; ${w.builtNow ? 'built by this run' : `measured the existing build of ${w.builtAt} (--rebuild-weapp to rebuild)`}; ` +
        `largest: ${w.biggest.map((f) => `${f.file} ${fmt.kb(f.bytes)}`).join(', ')}`,
    );
  } else {
    out.push(`weapp: NOT BUILT — ${w.reason}`);
    if ('logTail' in w && w.logTail) out.push(w.logTail.replace(/^/gm, '  │ '));
  }

  // The JS the H5 home page loads first.
  if (args['skip-h5']) out.push('', 'H5 home page: skipped (--skip-h5)');
  else {
    try {
      out.push(...h5Report(await measureH5({ root: ROOT, tmp, rebuild: args['rebuild-h5'], timeoutMs: 240_000, log: say, track: (c) => children.add(c) })));
    } catch (e) {
      out.push('', `H5 home page: FAILED — ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  // Cloud-function bundles: size and cold require time against a bare zod handler.
  if (args['skip-bundles']) out.push('', 'Cloud-function bundles: skipped (--skip-bundles)');
  else out.push(...(await bundlesReport(path.join(tmp, 'bundles'), Math.min(30, Math.max(1, Math.round(Number(args['bundle-reps'])))), say)));

  // The household register: a 5,000-household .xlsx imported through the platform vs. a raw insert.
  if (args['skip-register']) out.push('', 'Household register import: skipped (--skip-register)');
  else out.push(...(await registerReport(path.join(tmp, 'register'), say)));
  // Payment confirmation: signed, encrypted notifications through payNotify's path vs. raw payment inserts.
  if (args['skip-payments']) out.push('', 'Payment confirmation: skipped (--skip-payments)');
  else out.push(...(await paymentsReport(path.join(tmp, 'payments'), say)));

  // The store at scale: the workbench queue and the SLA sweep on big stores built for the run.
  if (args['skip-scale']) out.push('', 'Store at scale: skipped (--skip-scale)');
  else out.push(...scaleReport(await runScale({ dir: path.join(tmp, 'scale'), cases: CASES, due: DUE, queueRuns: QUEUE_RUNS, queueBudgetMs: 4_000, sweepReps: SWEEP_REPS, log: say })));
  out.push('');
  out.push(`bench took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log(out.join('\n'));
}

const count = (n: number) => (n >= 1e6 && n % 1e5 === 0 ? `${n / 1e6} M` : n >= 1e4 && n % 1e3 === 0 ? `${n / 1e3} k` : fmt.int(n));
const storeLine = (b: ScaleResult['big']) =>
  `${count(b.closed + b.open + b.due)} cases (${fmt.int(b.closed)} finished, ${fmt.int(b.open)} open and not yet due, ${fmt.int(b.due)} due): ` +
  `${fmt.int(b.bytes / 1e6)} MB, state_json ${fmt.int(b.avgStateBytes)} B on average, built in ${(b.ms / 1000).toFixed(1)} s`;

/** Sections 3 and 4: the workbench queue on the big store, the sweep on the small vs. the big one. */
function scaleReport(r: ScaleResult): string[] {
  const out: string[] = [];
  const p = (xs: number[], q: number) => percentile(xs, q);
  out.push('');
  out.push(
    `Workbench queue: tx.cases({ communityIds: ['demo'], order: 'urgent', limit: 50, … }) through the store adapter (store.transaction → Kysely → better-sqlite3) ` +
      `vs. the same SELECTs as raw better-sqlite3 prepared statements on the same connection (+ JSON.parse of each row), interleaved; ${storeLine(r.big)}`,
  );
  const q0 = r.queue[0];
  out.push(
    table(
      ['query (limit 50)', 'runs', 'adapter p50', 'adapter p99', 'raw p50', 'raw p99', 'adapter / raw p50', 'adapter / raw p99', 'goal', 'status'],
      r.queue.map((q, i) => [
        q.name,
        fmt.int(q.adapter.length),
        fmt.ms(p(q.adapter, 50)),
        fmt.ms(p(q.adapter, 99)),
        fmt.ms(p(q.baseline, 50)),
        fmt.ms(p(q.baseline, 99)),
        fmt.ratio(p(q.adapter, 50) / p(q.baseline, 50)),
        fmt.ratio(p(q.adapter, 99) / p(q.baseline, 99)),
        i === 0 ? `p99 ≤ ${QUEUE_GOAL_MS} ms` : '',
        i === 0 ? (p(q.adapter, 99) <= QUEUE_GOAL_MS ? 'MET' : 'NOT MET') : p(q.adapter, 99) <= QUEUE_GOAL_MS ? `(≤ ${QUEUE_GOAL_MS} ms)` : `(> ${QUEUE_GOAL_MS} ms)`,
      ]),
    ),
  );
  out.push(
    `each query answered ${r.queue.map((q) => q.items).join(' / ')} cases; the pre-0003 shape (one SELECT … ORDER BY CASE WHEN next_due_at IS NULL …, run once each) took ` +
      `${r.queue.map((q) => fmt.ms(q.oldShapeMs)).join(' / ')} and answered ${r.queue.every((q) => q.sameAsOldShape) ? 'the same cases in the same order (and the same "more" flag) for all four' : `DIFFERENTLY for: ${r.queue.filter((q) => !q.sameAsOldShape).map((q) => q.name).join(', ')}`}`,
  );
  for (const q of r.queue) out.push(`  ${q.name}: ${q.statements.map((s) => s.plan).join('  ⇒ then  ')}`);
  if (q0.adapter.length < QUEUE_RUNS) out.push(`  (a query stops after ~4 s of runs per side, at least 20 runs)`);

  const [small, big] = r.sweeps;
  const med = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);
  const ratio = med(big.times) / med(small.times);
  const each = (f: typeof small, k: 'looked' | 'events' | 'escalations' | 'conflicts') => {
    const xs = f.results.map((x) => x[k]);
    return Math.min(...xs) === Math.max(...xs) ? fmt.int(xs[0]) : `${fmt.int(Math.min(...xs))}–${fmt.int(Math.max(...xs))}`;
  };
  const processed = (f: typeof small, due: number) => f.results.every((x, i) => x.looked === due && x.events >= due && x.conflicts === 0 && f.dueAfter[i] === 0);
  const allDone = processed(small, r.small.due) && processed(big, r.big.due);
  out.push('');
  out.push(
    `SLA sweep: sweep({ store, clock: { now: () => NOW }, ids }, NOW) on two stores holding the same ${fmt.int(r.big.due)} due cases ` +
      `(急修 burst pipes submitted 16 min before NOW, paged to the on-duty technician: each gets 'breached' then 'escalated'); ` +
      `${small.times.length} alternating repetitions after one warm-up sweep each, the due cases restored between sweeps`,
  );
  out.push(
    table(
      ['figure', `${small.label} store`, `${big.label} store`, `${big.label} / ${small.label}`, 'goal', 'status'],
      [
        ['sweep time, median', fmt.ms(med(small.times)), fmt.ms(med(big.times)), fmt.ratio(ratio), `≤ ${SWEEP_GOAL_RATIO}×`, ratio <= SWEEP_GOAL_RATIO ? 'MET' : 'NOT MET'],
        ['  min–max', `${fmt.ms(Math.min(...small.times))}–${fmt.ms(Math.max(...small.times))}`, `${fmt.ms(Math.min(...big.times))}–${fmt.ms(Math.max(...big.times))}`, '', '', ''],
        ['  per due case (median)', fmt.ms(med(small.times) / r.small.due), fmt.ms(med(big.times) / r.big.due), '', '', ''],
        ['cases looked at / sweep', each(small, 'looked'), each(big, 'looked'), '', `= ${fmt.int(r.big.due)}`, allDone ? 'ok' : 'NOT ALL PROCESSED'],
        ['events / sweep', each(small, 'events'), each(big, 'events'), '', '', ''],
        ['escalations / sweep', each(small, 'escalations'), each(big, 'escalations'), '', '', ''],
        ['version conflicts', each(small, 'conflicts'), each(big, 'conflicts'), '', '0', ''],
        ['still due after the sweep', String(Math.max(...small.dueAfter)), String(Math.max(...big.dueAfter)), '', '0', ''],
      ],
    ),
  );
  out.push(`${small.label}: ${storeLine(r.small)}; ${big.label}: the queue's store. Each sweep is ${Math.ceil(r.big.due / 200)} transactions of ≤ 200 cases (each one durable commit).`);
  return out;
}

async function cleanup() {
  await Promise.all([...children].map((c) => c.stop().catch(() => undefined)));
  fs.rmSync(tmp, { recursive: true, force: true });
}

const guard = setTimeout(() => {
  console.error('bench: over the 6-minute guard, stopping');
  void cleanup().finally(() => process.exit(2));
}, 360_000);
guard.unref();

main()
  .then(cleanup, async (e) => {
    console.error(`bench failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    await cleanup();
    process.exitCode = 1;
  })
  .finally(() => clearTimeout(guard));
