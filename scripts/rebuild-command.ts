/** `npm run rebuild` (scripts/rebuild.ts), as a function the tests can call in-process. */
import fs from 'node:fs';
import path from 'node:path';
import { openSqliteStore, writeTransaction } from '../adapters/store/sqlite';
import { rebuildCases } from '../adapters/store/sql/rebuild';

/** The command: prints its report through `print`, answers the exit code (0 clean, 1 differences or failures, 2 no store). */
export async function rebuildCommand(argv: string[], print: (line: string) => void = console.log): Promise<number> {
  const check = argv.includes('--check');
  const at = argv.indexOf('--db');
  const file = at >= 0 ? argv[at + 1] : path.join(process.env.DATA_DIR || '.data', 'wuye.sqlite');
  if (!file || !fs.existsSync(file)) {
    print(`找不到数据库文件：${file ?? '(未指定)'}`);
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
    print(`${check ? '检查' : '重建'} ${file}：工单 ${r.cases}，事件 ${r.events}，${check ? '与事件不一致' : '已重写'} ${r.changed}，无事件的工单 ${r.orphans.length}，无法重放 ${r.failures.length}（${ms} ms）`);
    if (rolledBack) print('有无法重放的事件记录：已回滚，未写入任何内容');
    for (const d of r.diffs) print(`  ${d.id}: ${d.columns.join(', ')}`);
    for (const id of r.orphans.slice(0, 50)) print(`  ${id}: 没有事件`);
    for (const f of r.failures.slice(0, 50)) print(`  ${f.id}: ${f.error}`);
    return r.failures.length || r.orphans.length || (check && r.changed) ? 1 : 0;
  } finally {
    await store.close();
  }
}
