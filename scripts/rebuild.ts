/**
 * `npm run rebuild [-- --check] [-- --db <file>]`: rebuilds every `cases` row of the local store from
 * `case_events` (the source of truth, R-INT-4) in one transaction — state, status, owner, next_due_at,
 * urgent_at — with the current rules and each community's SLA settings. Old snapshots are rebuilt
 * this way, never read with fallbacks. `--check` compares and reports, writing nothing (exit 1 when
 * anything differs). The store is `$DATA_DIR/wuye.sqlite` (DATA_DIR defaults to `.data`, as `npm run api`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { openSqliteStore, writeTransaction } from '../adapters/store/sqlite';
import { rebuildCases } from '../adapters/store/sql/rebuild';

async function main(argv: string[]): Promise<number> {
  const check = argv.includes('--check');
  const at = argv.indexOf('--db');
  const file = at >= 0 ? argv[at + 1] : path.join(process.env.DATA_DIR || '.data', 'wuye.sqlite');
  if (!file || !fs.existsSync(file)) {
    console.error(`找不到数据库文件：${file ?? '(未指定)'}`);
    return 2;
  }
  const store = await openSqliteStore(file);
  try {
    const t0 = performance.now();
    let rolledBack = false;
    const r = await writeTransaction(store.db, async (conn) => {
      const out = await rebuildCases(conn, { write: !check });
      if (check || out.failures.length === 0) return out;
      rolledBack = true; // a log the rules refuse: write nothing at all
      throw Object.assign(new Error('rolled back'), { report: out });
    }).catch((e: { report?: Awaited<ReturnType<typeof rebuildCases>> }) => {
      if (!e.report) throw e;
      return e.report;
    });
    const ms = Math.round(performance.now() - t0);
    console.log(`${check ? '检查' : '重建'} ${file}：工单 ${r.cases}，事件 ${r.events}，${check ? '与事件不一致' : '已重写'} ${r.changed}，无事件的工单 ${r.orphans.length}，无法重放 ${r.failures.length}（${ms} ms）`);
    if (rolledBack) console.log('有无法重放的事件记录：已回滚，未写入任何内容');
    for (const d of r.diffs) console.log(`  ${d.id}: ${d.columns.join(', ')}`);
    for (const id of r.orphans.slice(0, 50)) console.log(`  ${id}: 没有事件`);
    for (const f of r.failures.slice(0, 50)) console.log(`  ${f.id}: ${f.error}`);
    return r.failures.length || r.orphans.length || (check && r.changed) ? 1 : 0;
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
