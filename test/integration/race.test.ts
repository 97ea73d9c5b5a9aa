/**
 * Real races: four Node processes (test/support/raceChild.ts) on ONE SQLite file, as several function
 * instances share one database, run the same use cases at the same moment. Within one process Kysely's
 * driver runs one transaction at a time, so only separate processes can meet each other here. Each
 * process works through the same cases in the same order, so they collide head-on, case after case.
 *
 * What they meet: two transactions of different processes overlapping on one case. With SQLite's
 * default deferred BEGIN, the one that read first and writes second fails with SQLITE_BUSY (its
 * snapshot is stale; busy_timeout cannot help) and the call answered INTERNAL — measured with a
 * deferred BEGIN, every phase below broke that way ("database is locked" → INTERNAL). With BEGIN IMMEDIATE (adapters/store/sqlite.ts) the
 * second waits for the first and then decides on what the first left, so every count below is exact.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { openSqliteStore, writeTransaction } from '../../adapters/store/sqlite';
import { openMysqlStore } from '../../adapters/store/mysql';
import { isMysql } from '../../adapters/store/sql/portable';
import type { DB } from '../../adapters/store/sql/schema';
import type { Store } from '../../core/ports/store';
import { testStore } from '../support/harness';
import { freshMysqlDatabase } from '../support/mariadb';
import { rebuildCases } from '../../adapters/store/sql/rebuild';
import { randomIds, sha256 } from '../../adapters/platform/system';
import { dispatch } from '../../core/api/dispatch';
import type { Deps } from '../../core/ports/runtime';
import { seedDemo, demoOpenid } from '../../local/seed';
import type { RaceOp, RaceOutcome } from '../support/raceChild';
import { bundleRacer, startRacers, tally, type Racers } from '../support/racers';
import * as O from '../support/objects';

const RACERS = 4;
const MINUTE = 60_000;
const NOW = Date.parse('2026-11-24T10:00:00+08:00');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-race-'));
const file = path.join(dir, 'wuye.sqlite');
/** SQLite (the file) or, with WUYE_TEST_STORE=mariadb (test/integration/mariadb/race.test.ts), a database on the run's MariaDB. */
let target = file;
let store: Store & { db: Kysely<DB> };
let t = NOW - 30 * MINUTE;
let deps: Deps;
let racers: Racers | undefined;

/** Sends each racer its operations at the same moment; answers each racer's outcomes, in order. */
const race = (ops: (racer: number) => RaceOp[], parallel = false) => racers!.race(ops, parallel);

const codes = (outcomes: RaceOutcome[]) => outcomes.map((o) => ('code' in o ? o.code : 'sweep'));
const events = (caseId: string) => store.db.selectFrom('case_events').select(['seq', 'type']).where('case_id', '=', caseId).orderBy('seq').execute();
const call = (who: string, fn: string, event: Record<string, unknown>): RaceOp => ({ op: 'call', openid: demoOpenid(who), fn, event });

/** Fixtures through the real use cases, in this (parent) process, at platform time `t`. */
async function made(who: string, fn: string, event: Record<string, unknown>) {
  const out = await dispatch(deps, fn, event, { openid: demoOpenid(who) });
  if (!out.ok) throw new Error(`${fn}.${String(event.action)}: ${out.error.code}`);
  return out.data as { id: string; status: string };
}

const repairs: string[] = [];
const undispatched: string[] = [];
const bindings: string[] = [];
const consultations: string[] = [];
const emergencies: string[] = [];
let assignee = '';

beforeAll(async () => {
  const t0 = Date.now();
  const bundled = bundleRacer(dir);
  if (testStore() === 'mariadb') target = await freshMysqlDatabase('race');
  store = target === file ? await openSqliteStore(file) : await openMysqlStore(target, { connections: 4 });
  await seedDemo(store.db, t);
  const clock = { now: () => t };
  deps = { store, clock, ids: randomIds(clock), hash: sha256, log: { info() {}, warn() {}, error() {} } };
  for (let i = 0; i < 8; i++) {
    const r = await made('resident-a', 'case', O.repair('1-1-101', { content: `第 ${i + 1} 处水龙头滴水` }));
    await made('frontdesk', 'workbench', { action: 'dispatch', id: r.id, technicianId: 'tech-1' });
    repairs.push(r.id);
    consultations.push((await made('resident-b', 'case', O.consultation('1-1-102', { content: `第 ${i + 1} 个问题：快递柜在哪里？` }))).id);
  }
  for (let i = 0; i < 8; i++) undispatched.push((await made('resident-b', 'case', O.repair('1-1-102', { content: `第 ${i + 1} 处插座没电` }))).id);
  const on = { platform: { deps, clock } } as unknown as O.HasPlatform;
  for (let i = 0; i < 8; i++) bindings.push((await O.createPendingBinding(on, i % 2 ? '1-1-101' : '1-1-102')).id);
  assignee = (await made('resident-b', 'case', O.consultation('1-1-102', { content: '请问物业费怎么交？' }))).id;
  t = NOW - 16 * MINUTE; // 急修: the 15-minute arrival runs out before NOW, and no sweep has looked
  for (let i = 0; i < 8; i++) emergencies.push((await made('resident-a', 'case', O.repair('1-1-101', { category: 'burst_pipe', content: `第 ${i + 1} 处水管爆裂` }))).id);
  t = NOW;
  racers = await startRacers(await bundled, RACERS, target, NOW);
}, 60_000);

afterAll(async () => {
  await racers?.stop();
  await store?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('races between processes on one database: exact counts', () => {
  it('[R-INT-7] the same 8 submissions (same requestIds) from 4 processes at once: 8 cases, every answer the first one', async () => {
    // Race met: first attempts of one request in two processes, both finding no idempotency record.
    const before = await O.tableCounts(store.db);
    const ops = Array.from({ length: 8 }, (_, k) => call('resident-a', 'case', O.consultation('1-1-101', { requestId: `race-submit-${k}`, content: `同一请求 ${k}` })));
    const out = await race(() => ops);
    expect(out.flat().map((o) => ('code' in o ? o.code : '?'))).toEqual(Array(32).fill('ok'));
    for (let k = 0; k < 8; k++) expect(new Set(out.map((r) => (r[k] as { id: string }).id)).size).toBe(1);
    const after = await O.tableCounts(store.db);
    expect([after.cases - before.cases, after.case_events - before.case_events, after.idempotency - before.idempotency]).toEqual([8, 8, 8]);
    const received = await store.db.selectFrom('outbox').select('data_json').where('template', '=', 'case.received').execute();
    const ids = new Set(out[0].map((o) => (o as { id: string }).id));
    expect(received.filter((m) => ids.has(JSON.parse(m.data_json).caseId))).toHaveLength(8);
  }, 30_000);

  it('[R-INT-7] 52 concurrent submissions of ONE request (4 processes × 13 calls at once): 1 case, 1 event, 1 notice, every answer that case', async () => {
    // Race met: many first attempts of one requestId in flight together, within and across processes.
    const before = await O.tableCounts(store.db);
    const op = call('resident-a', 'case', O.consultation('1-1-101', { requestId: 'race-one-request', content: '五十次同一请求' }));
    const out = (await race(() => Array(13).fill(op), true)).flat();
    expect(tally(out)).toEqual({ ok: 52 });
    const ids = new Set(out.map((o) => (o as { id: string }).id));
    expect(ids.size).toBe(1);
    const after = await O.tableCounts(store.db);
    expect([after.cases - before.cases, after.case_events - before.case_events, after.idempotency - before.idempotency]).toEqual([1, 1, 1]);
    const received = await store.db.selectFrom('outbox').select('data_json').where('template', '=', 'case.received').execute();
    expect(received.filter((m) => ids.has(JSON.parse(m.data_json).caseId))).toHaveLength(1);
  }, 60_000);

  it('[R-INT-4] 4 technicians\' processes arrive at the same 8 repairs: exactly one arrival per repair, 24 × CASE.INVALID_TRANSITION, never INTERNAL', async () => {
    // Race met: two `arrive`s of one dispatched repair overlapping; the second must see on_site and refuse.
    const out = await race(() => repairs.map((id) => call('tech-1', 'workbench', { action: 'arrive', id })));
    expect(tally(out.flat())).toEqual({ ok: 8, 'CASE.INVALID_TRANSITION': 24 });
    for (const [i, id] of repairs.entries()) {
      expect(out.filter((r) => codes([r[i]])[0] === 'ok')).toHaveLength(1);
      expect((await events(id)).map((e) => e.type)).toEqual(['submitted', 'dispatched', 'arrived']);
    }
  }, 30_000);

  it('[R-INT-4] the resident cancels (2 processes) while the front desk replies (2 processes) to the same 8 cases: exactly one wins each', async () => {
    // Race met: cancel and reply of one open consultation overlapping; whichever commits second is refused.
    const out = await race((i) => consultations.map((id) => (i % 2 ? call('frontdesk', 'workbench', { action: 'reply', id, note: '快递柜在 2 号楼东侧' }) : call('resident-b', 'case', { action: 'cancel', id, reason: '不需要了' }))));
    expect(tally(out.flat())).toEqual({ ok: 8, 'CASE.INVALID_TRANSITION': 24 });
    for (const [i, id] of consultations.entries()) {
      const winners = out.map((r, racer) => [racer, codes([r[i]])[0]] as const).filter(([, c]) => c === 'ok');
      expect(winners).toHaveLength(1);
      expect((await events(id)).map((e) => e.type)).toEqual(['submitted', winners[0][0] % 2 ? 'replied' : 'cancelled']);
    }
  }, 30_000);

  it('[R-INT-4] 4 processes assign one case 5 times each: 20 answers ok, 21 events with seq 1..21, no version lost or doubled', async () => {
    // Race met: assigns of one case overlapping; each must apply on the version the previous one left.
    const targets = ['manager', 'frontdesk', 'supervisor', 'manager', 'frontdesk'];
    const out = await race((i) => targets.map((to, k) => call(i % 2 ? 'supervisor' : 'frontdesk', 'workbench', { action: 'assign', id: assignee, to, note: `进程 ${i} 第 ${k} 次` })));
    expect(tally(out.flat())).toEqual({ ok: 20 });
    const log = await events(assignee);
    expect(log.map((e) => e.seq)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(log.filter((e) => e.type === 'assigned')).toHaveLength(20);
  }, 30_000);

  it('[R-ESC-5] 4 processes sweep at the same tick: each of 8 missed 急修 is breached and escalated exactly once, its owner told once', async () => {
    // Race met: sweeps of one tick reading the same due cases; the later must see the earlier's events.
    const out = (await race(() => [{ op: 'sweep' }])).flat() as { looked: number; events: number; escalations: number; conflicts: number }[];
    expect(out.reduce((n, r) => n + r.escalations, 0)).toBe(8);
    expect(out.reduce((n, r) => n + r.events, 0)).toBe(16);
    // Missed before any sweep looked: the breach is recorded (no late warning), then the escalation.
    for (const id of emergencies) expect((await events(id)).map((e) => e.type)).toEqual(['submitted', 'breached', 'escalated']);
    const escalated = await store.db.selectFrom('outbox').select('data_json').where('template', '=', 'case.escalated').execute();
    expect(escalated.map((m) => JSON.parse(m.data_json).caseId).sort()).toEqual([...emergencies].sort());
  }, 30_000);

  it('[R-INT-4] 4 front-desk processes dispatch the same 8 new repairs at once, each to its own technician, on the version they saw: one dispatch each, 24 × CASE.CONFLICT', async () => {
    // Race met: two dispatches of one repair overlapping; the later finds the version moved on and refuses
    // instead of silently replacing the technician the first one chose.
    const out = await race((i) => undispatched.map((id) => call('frontdesk', 'workbench', { action: 'dispatch', id, version: 1, technicianId: i % 2 ? 'tech-2' : 'tech-1' })));
    expect(tally(out.flat())).toEqual({ ok: 8, 'CASE.CONFLICT': 24 });
    for (const id of undispatched) expect((await events(id)).map((e) => e.type)).toEqual(['submitted', 'dispatched']);
  }, 30_000);

  it('[R-ACC-3] the front desk, the supervisor and the manager (4 processes) approve or reject the same 8 binding requests at once: one decision each', async () => {
    // Race met: two decisions on one pending request overlapping; the later finds it decided.
    const deciders = ['frontdesk', 'supervisor', 'manager', 'frontdesk'];
    const out = await race((i) =>
      bindings.map((id) => call(deciders[i], 'account', i === 2 ? { action: 'rejectBinding', id, reason: '房号与登记信息不符' } : { action: 'approveBinding', id })),
    );
    expect(tally(out.flat())).toEqual({ ok: 8, 'BINDING.INVALID_TRANSITION': 24 });
    const rows = await store.db.selectFrom('bindings').select(['id', 'status']).where('id', 'in', bindings).execute();
    for (const [k, id] of bindings.entries()) {
      const winner = out.findIndex((r) => codes([r[k]])[0] === 'ok');
      expect([id, rows.find((r) => r.id === id)?.status]).toEqual([id, winner === 2 ? 'rejected' : 'approved']);
    }
  }, 30_000);

  it('[R-INT-4] after all the races, every case replays to exactly its stored row', async () => {
    const check = (conn: Kysely<DB>) => rebuildCases(conn, { write: false });
    const r = await (isMysql(store.db) ? store.db.transaction().execute(check) : writeTransaction(store.db, check));
    expect([r.cases, r.diffs, r.orphans, r.failures]).toEqual([8 + 8 + 8 + 1 + 8 + 8 + 1, [], [], []]);
  });
});
