import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startPlatform } from '../local/platform';
import { READY, STATS, exitWhenParentLetsGo } from './child';
import { startCpuProfile } from './cpuprof';

/**
 * Bench child: the real local platform (the same startPlatform `npm run api` runs) on a free loopback
 * port, with the demo seed in a throw-away data folder. Prints `BENCH_READY <url>`; when the parent
 * closes stdin it prints `BENCH_STATS {…}` (statements and commits seen since ready, outbox backlog),
 * stops the platform and removes its data. With BENCH_CPU_PROFILE=<file> it profiles its main thread
 * from ready to stop and writes the profile there; BENCH_INSTRUMENT=0 leaves SQLite unobserved.
 */
const counts = { statements: 0, begins: 0, commits: 0, writeCommits: 0, sqlMs: 0, commitMs: 0, submitTxs: 0, submitTxStatements: 0, groupStatements: 0 };
let inTx = false;
let peeking = false;
let wrote = false;
/**
 * Statements of the open transaction between its BEGIN and COMMIT (the group commit's own savepoints
 * apart), and how many cases it inserted: under group commit one transaction carries several submits.
 */
let txStatements = 0;
let txCases = 0;

/**
 * Counts what reaches SQLite, per execution (the store caches prepared statements, so each statement
 * is wrapped once when prepared and counted every time it runs). A commit after an INSERT/UPDATE/DELETE
 * is a durable commit (one WAL fsync under synchronous=FULL). A transaction that inserts cases holds
 * submits: its statements between BEGIN and COMMIT, per case inserted, are counted apart (the round-trip
 * goal); with group commit one transaction holds several, and its savepoints `grp` are counted apart too. Also times each statement's run on the
 * (synchronous) main thread, commits apart. Costs a string test and two clock reads per statement.
 */
function countStatements() {
  const proto = Database.prototype as unknown as { prepare: (sql: string) => unknown };
  const prepare = proto.prepare;
  proto.prepare = function (this: unknown, sql: string) {
    if (peeking) return prepare.call(this, sql);
    const head = sql.trimStart().slice(0, 8).toLowerCase();
    const isBegin = head.startsWith('begin');
    const isCommit = head.startsWith('commit');
    const isWrite = /^(insert|update|delete|replace)/.test(head);
    const isCaseInsert = /^insert into "cases"/.test(sql.trimStart());
    // adapters/store/sqliteGroupCommit.ts: each unit after a batch's first runs in savepoint `grp`.
    const isGroup = /^(savepoint|release savepoint|rollback to savepoint) grp$/i.test(sql.trim());
    const t0 = performance.now();
    const stmt = prepare.call(this, sql) as Record<string, unknown>;
    counts.sqlMs += performance.now() - t0;
    for (const m of ['run', 'all', 'get', 'iterate']) {
      const fn = stmt[m];
      if (typeof fn !== 'function') continue;
      stmt[m] = function (this: unknown, ...a: unknown[]) {
        counts.statements++;
        if (isBegin) {
          counts.begins++;
          inTx = true;
          wrote = false;
          txStatements = 0;
          txCases = 0;
        } else if (isCommit) {
          counts.commits++;
          if (wrote) counts.writeCommits++;
          if (txCases) {
            counts.submitTxs += txCases;
            counts.submitTxStatements += txStatements;
          }
          inTx = false;
        } else if (isGroup) {
          counts.groupStatements++;
        } else if (inTx) {
          txStatements++;
          if (isWrite) wrote = true;
          if (isCaseInsert) txCases++;
        }
        const t1 = performance.now();
        try {
          return fn.apply(this, a);
        } finally {
          const spent = performance.now() - t1;
          counts.sqlMs += spent;
          if (isCommit) counts.commitMs += spent;
        }
      };
    }
    return stmt;
  };
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(process.env.BENCH_TMP || os.tmpdir(), 'wuye-bench-gw-'));
  const instrumented = process.env.BENCH_INSTRUMENT !== '0';
  // Wrap before the store opens: it caches prepared statements (begin/commit among them) from the start.
  if (instrumented) countStatements();
  const platform = await startPlatform({ PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir, SEED: 'demo', TEST_CLOCK: '', H5_DIR: 'dist/h5', SUBMIT_LIMIT_PER_HOUR: 1_000_000_000, SQLITE_GROUP_COMMIT: process.env.BENCH_GROUP_COMMIT === '0' ? '0' : '' }); // the load submits thousands a second as one resident
  const file = path.join(dataDir, 'wuye.sqlite');
  const count = (q: string) => {
    peeking = true;
    const peek = new Database(file, { readonly: true });
    try {
      return Number((peek.prepare(q).get() as { n: number }).n);
    } finally {
      peek.close();
      peeking = false;
    }
  };
  const seedCases = count('select count(*) n from cases');
  const seedOutbox = count('select count(*) n from outbox');
  for (const k of Object.keys(counts) as (keyof typeof counts)[]) counts[k] = 0;
  inTx = false;
  const profileTo = process.env.BENCH_CPU_PROFILE;
  const profiler = profileTo ? await startCpuProfile() : null;
  exitWhenParentLetsGo(async () => {
    if (profiler && profileTo) await profiler.stopAndWrite(profileTo);
    // The outbox backlog as the load ends, then let close() drain it so its commits are counted too.
    const outboxPendingAtEnd = count("select count(*) n from outbox where status = 'pending'");
    await platform.close();
    const atEnd = { cases: count('select count(*) n from cases') - seedCases, outbox: count('select count(*) n from outbox') - seedOutbox };
    process.stdout.write(`${STATS} ${JSON.stringify({ ...(instrumented ? counts : {}), ...atEnd, outboxPendingAtEnd })}\n`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  process.stdout.write(`${READY} ${platform.url}\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
