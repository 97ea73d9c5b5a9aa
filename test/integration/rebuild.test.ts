/**
 * [R-INT-4] The events are the source of truth. A store populated through the real functions and the
 * SLA sweep replays to exactly its rows; `npm run rebuild` on a copy of it changes nothing, byte for
 * byte; rows of an older shape or with wrong indexed columns are rebuilt from the events (never read
 * with fallbacks), and `--check` reports them without writing.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startHarness, rid, type Harness } from '../support/harness';
import * as O from '../support/objects';
import { DAY, HOUR, MINUTE, advance } from '../support/clock';
import { callsAs } from '../support/calls';
import { expectReplayMatches, replayReport } from '../support/replay';
import { rebuildCommand } from '../../scripts/rebuild-command';

let h: Harness;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-rebuild-'));
beforeAll(async () => {
  h = await startHarness();
}, 30_000);
afterAll(async () => {
  await h?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const { ok } = callsAs(() => h);
const raw = () => (h.platform.deps.store as unknown as { raw: Database.Database }).raw;

/** A consistent copy of the platform's store file (VACUUM INTO: the WAL included). */
function copyStore(name: string): string {
  const file = path.join(tmp, name);
  raw().prepare('vacuum into ?').run(file);
  return file;
}

/** Every row of a table, as the bytes SQLite hands back, in key order. */
function rowsOf(file: string, table: 'cases' | 'case_events' | 'case_files') {
  const db = new Database(file, { readonly: true });
  try {
    const order = table === 'cases' ? 'id' : table === 'case_events' ? 'case_id, seq' : 'case_id, file_id';
    return db.prepare(`select * from ${table} order by ${order}`).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

/** `npm run rebuild -- --db <file>` in its own process, as a developer runs it. */
function npmRunRebuild(file: string, ...args: string[]) {
  const r = spawnSync('npm', ['run', '--silent', 'rebuild', '--', '--db', file, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** The same command in-process (quicker). */
async function rebuild(file: string, ...args: string[]) {
  const lines: string[] = [];
  const code = await rebuildCommand(['--db', file, ...args], (l) => lines.push(l));
  return { code, out: lines.join('\n') };
}

describe('[R-INT-4] the cases table is the replay of case_events', () => {
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    // Every stage of a repair, the answered kinds, 售后 handed over, and the sweep's warnings, breaches
    // and escalations (a missed emergency, the 2-day ladder, a pause that moves the clocks).
    for (const stage of ['submitted', 'dispatched', 'paused', 'on_site', 'quoted', 'completed'] as const) {
      ids[stage] = (await O.repairAt(h, stage === 'paused' ? 'resident-b' : 'resident-a', stage === 'paused' ? '1-1-102' : '1-1-101', stage)).id;
    }
    ids.emergency = (await ok('resident-a', 'case', O.repair('1-1-101', { category: 'burst_pipe', content: '厨房水管爆裂，水漫出来了' }))).id;
    ids.consultation = (await O.submitCase(h, 'resident-b', '1-1-102')).id;
    ids.complaint = (await ok('resident-a', 'case', { action: 'submit', requestId: rid(), householdId: '1-1-101', kind: 'complaint', level: 'serious', content: '楼下商铺油烟很大' })).id;
    const warranty = await ok('resident-a', 'case', { action: 'submit', requestId: rid(), householdId: '1-1-101', kind: 'warranty', content: '新房卫生间墙面开裂' });
    ids.warranty = warranty.id;
    await ok('frontdesk', 'workbench', { action: 'assign', id: warranty.id, to: 'frontdesk', department: 'developer_liaison', note: '已填物业返修联系单' });
    await ok('frontdesk', 'workbench', { action: 'reply', id: ids.consultation, note: '快递柜在 2 号楼东侧' });
    await advance(h, 16 * MINUTE); // the emergency's arrival is missed: breached, escalated
    await ok('tech-1', 'workbench', { action: 'arrive', id: ids.emergency });
    await advance(h, 2 * DAY + HOUR); // the ladder: unfinished cases go to the supervisor
    await ok('frontdesk', 'workbench', { action: 'resume', id: ids.paused });
    await ok('resident-b', 'case', { action: 'rate', id: ids.consultation, stars: 2, comment: '答复太慢' }); // a follow-up for the supervisor
    await O.settle(h);
  }, 60_000);

  it('[R-INT-4] replaying every case gives exactly its stored row: state_json byte for byte, version, status, owner, next_due_at, urgent_at', async () => {
    const r = await expectReplayMatches(h);
    expect(r.cases).toBeGreaterThanOrEqual(Object.keys(ids).length);
    const events = rowsOf(copyStore('count.sqlite'), 'case_events');
    expect(r.events).toBe(events.length);
    // The store holds what the sweep did: warnings, breaches and escalations are among the replayed events.
    for (const type of ['warned', 'breached', 'escalated', 'paused', 'resumed', 'rated', 'quoted', 'completed']) expect([type, events.some((e) => e.type === type)]).toEqual([type, true]);
  });

  it('[R-INT-4] the check every suite runs when it closes (expectReplayMatches) catches a row that does not match its events', async () => {
    const db = O.dbOf(h);
    const row = await db.selectFrom('cases').select(['owner', 'next_due_at']).where('id', '=', ids.dispatched).executeTakeFirstOrThrow();
    await db.updateTable('cases').set({ owner: 'manager', next_due_at: 1 }).where('id', '=', ids.dispatched).execute();
    try {
      expect((await replayReport(h)).diffs).toEqual([{ id: ids.dispatched, columns: ['owner', 'next_due_at'] }]);
      await expect(expectReplayMatches(h)).rejects.toThrow(ids.dispatched);
    } finally {
      await db.updateTable('cases').set(row).where('id', '=', ids.dispatched).execute();
    }
    await expectReplayMatches(h);
  });

  it('[R-INT-4] `npm run rebuild` on a copy of the populated store changes nothing: every row byte-equal, 0 rewritten', async () => {
    const file = copyStore('same.sqlite');
    const before = { cases: rowsOf(file, 'cases'), events: rowsOf(file, 'case_events') };
    const check = await rebuild(file, '--check');
    expect([check.code, check.out]).toEqual([0, expect.stringMatching(/与事件不一致 0，/)]);
    const run = npmRunRebuild(file);
    expect([run.code, run.out]).toEqual([0, expect.stringMatching(new RegExp(`工单 ${before.cases.length}，事件 ${before.events.length}，已重写 0，无事件的工单 0，无法重放 0`))]);
    expect(rowsOf(file, 'cases')).toEqual(before.cases);
    expect(rowsOf(file, 'case_events')).toEqual(before.events);
  }, 60_000);

  it('[R-INT-4] an old snapshot (no `missed`, no `handedOverAt`) and wrong indexed columns are rebuilt from the events; --check reports them and writes nothing', async () => {
    const file = copyStore('old.sqlite');
    const good = rowsOf(file, 'cases');
    const db = new Database(file);
    const old = (id: string, edit: (s: any) => void) => {
      const row = db.prepare('select state_json from cases where id = ?').get(id) as { state_json: string };
      const s = JSON.parse(row.state_json);
      edit(s);
      db.prepare('update cases set state_json = ? where id = ?').run(JSON.stringify(s), id);
    };
    old(ids.emergency, (s) => delete s.sla.missed); // stored before the count existed
    old(ids.warranty, (s) => delete s.handedOverAt);
    db.prepare('update cases set next_due_at = 0, urgent_at = null where id = ?').run(ids.dispatched);
    db.prepare("update cases set status = 'closed', owner = 'tech-2' where id = ?").run(ids.on_site);
    db.prepare('delete from cases where id = ?').run(ids.complaint); // a row lost: rebuilt from its events
    db.close();
    const corrupt = rowsOf(file, 'cases');

    const check = await rebuild(file, '--check');
    expect(check.code).toBe(1);
    expect(check.out).toMatch(/与事件不一致 5，/);
    expect(check.out).toContain(`${ids.emergency}: state_json`);
    expect(check.out).toContain(`${ids.warranty}: state_json`);
    expect(check.out).toContain(`${ids.dispatched}: next_due_at, urgent_at`);
    expect(check.out).toContain(`${ids.on_site}: status, owner`);
    expect(check.out).toContain(`${ids.complaint}: (no row)`);
    expect(rowsOf(file, 'cases')).toEqual(corrupt); // --check writes nothing

    const run = await rebuild(file);
    expect([run.code, run.out]).toEqual([0, expect.stringMatching(/已重写 5，/)]);
    expect(rowsOf(file, 'cases')).toEqual(good);
    expect((await rebuild(file, '--check')).code).toBe(0);
  }, 60_000);

  it('[R-INT-4] a log the rules refuse is reported and rolls the whole rebuild back; a row without events is reported, not invented', async () => {
    const file = copyStore('broken.sqlite');
    const db = new Database(file);
    // The consultation's log gains a second reply after it was resolved: the rules refuse it.
    const last = db.prepare('select max(seq) as n from case_events where case_id = ?').get(ids.consultation) as { n: number };
    const replied = db.prepare("select data_json from case_events where case_id = ? and type = 'replied'").get(ids.consultation) as { data_json: string };
    db.prepare('insert into case_events (case_id, seq, type, at, by_user, data_json) values (?, ?, ?, ?, ?, ?)').run(ids.consultation, last.n + 1, 'replied', 1, 'frontdesk', replied.data_json);
    db.prepare('update cases set next_due_at = 0 where id = ?').run(ids.dispatched);
    const cols = 'community_id, household_id, kind, status, department, owner, emergency, created_at, updated_at, next_due_at, urgent_at, technician, breached, version, state_json';
    db.prepare(`insert into cases (id, ${cols}) select 'c_orphan', ${cols} from cases where id = ?`).run(ids.submitted);
    db.close();
    const before = rowsOf(file, 'cases');
    const run = await rebuild(file);
    expect(run.code).toBe(1);
    expect(run.out).toContain(`${ids.consultation}: case ${ids.consultation}: event log refuses replied`);
    expect(run.out).toContain('c_orphan: 没有事件');
    expect(run.out).toContain('已回滚');
    expect(rowsOf(file, 'cases')).toEqual(before); // one transaction: the dispatched row is not fixed either
  }, 60_000);
});
