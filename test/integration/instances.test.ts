/**
 * Several function instances on one database: four Node processes (test/support/raceChild.ts) call the
 * same use cases at the same moment, on SQLite (one file) or, with WUYE_TEST_STORE=mariadb
 * (test/integration/mariadb/instances.test.ts), one MariaDB database under READ COMMITTED — where a
 * count-then-insert races unless the count is taken under a lock. Every count below is exact.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { openSqliteStore } from '../../adapters/store/sqlite';
import { openMysqlStore } from '../../adapters/store/mysql';
import type { DB } from '../../adapters/store/sql/schema';
import type { Store } from '../../core/ports/store';
import { MAX_OWNER_BINDINGS_PER_HOUSEHOLD, MAX_PENDING_BINDINGS_PER_USER } from '../../core/domain/binding';
import { CREATION_LIMITS } from '../../core/limits';
import { seedDemo, demoOpenid } from '../../local/seed';
import { testStore } from '../support/harness';
import { freshMysqlDatabase } from '../support/mariadb';
import { bundleRacer, startRacers, tally, type Racers } from '../support/racers';
import type { RaceOp, RaceOutcome } from '../support/raceChild';
import * as O from '../support/objects';

const RACERS = 4;
const NOW = Date.parse('2026-11-24T10:00:00+08:00');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-instances-'));
let store: Store & { db: Kysely<DB> };
let racers: Racers;

const call = (openid: string, fn: string, event: Record<string, unknown>): RaceOp => ({ op: 'call', openid, fn, event });
const ids = (out: RaceOutcome[]) => new Set(out.map((o) => (o as { id?: string }).id));
const bindingOf = (householdId: string, name: string, requestId?: string) => ({ action: 'bind', householdId, name, phone: '13700007788', relation: 'owner', ...(requestId ? { requestId } : {}) });

beforeAll(async () => {
  const bundled = bundleRacer(dir);
  const target = testStore() === 'mariadb' ? await freshMysqlDatabase('inst') : path.join(dir, 'wuye.sqlite');
  store = target.startsWith('mysql://') ? await openMysqlStore(target, { connections: 2 }) : await openSqliteStore(target);
  await seedDemo(store.db, NOW - 60 * 60_000);
  // More rooms than one resident may ask for at once (the pending-binding limit).
  await store.db
    .insertInto('households')
    .values(Array.from({ length: 8 }, (_, i) => ({ id: `3-1-${301 + i}`, community_id: 'demo', building: '3', unit: '1', room: String(301 + i), area_m2x100: 9000, owner_name: '赵六', owner_phone: '13600006600' })))
    .execute();
  racers = await startRacers(await bundled, RACERS, target, NOW);
}, 60_000);

afterAll(async () => {
  await racers?.stop();
  await store?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('function instances on one database: first calls, decisions and limits, exact counts', () => {
  it('[R-ACC-2] 32 first calls of one new OPENID at once (4 processes × 8): one user row, every call answers ok with that user', async () => {
    // Race met: two first calls both finding no user; the later one's insert meets the earlier one's key.
    const openid = 'o_first_time_visitor';
    const out = (await racers.race(() => Array(8).fill(call(openid, 'account', { action: 'me' })), true)).flat();
    expect(tally(out)).toEqual({ ok: 32 });
    const users = await store.db.selectFrom('users').select('id').where('openid', '=', openid).execute();
    expect(users).toHaveLength(1);
    expect(ids(out)).toEqual(new Set([users[0].id]));
  }, 30_000);

  it('[R-ACC-2] 32 first loads of one new OPENID at once with no retry around them (the upload route\'s shape): one user row, none throws', async () => {
    const openid = 'o_first_upload';
    const out = (await racers.race(() => Array(8).fill({ op: 'caller', openid }), true)).flat();
    expect(tally(out)).toEqual({ ok: 32 });
    const users = await store.db.selectFrom('users').select('id').where('openid', '=', openid).execute();
    expect(users).toHaveLength(1);
    expect(ids(out)).toEqual(new Set([users[0].id]));
  }, 30_000);

  it('[R-INT-7][R-ACC-1] a new user\'s first call is a binding request, sent 32 times at once with one requestId: one user, one request, every answer that request', async () => {
    const openid = 'o_first_call_binds';
    const op = call(openid, 'account', bindingOf('1-1-102', '孙七', 'first-bind-0001'));
    const before = await O.tableCounts(store.db);
    const out = (await racers.race(() => Array(8).fill(op), true)).flat();
    expect(tally(out)).toEqual({ ok: 32 });
    const after = await O.tableCounts(store.db);
    expect([after.users - before.users, after.bindings - before.bindings, after.idempotency - before.idempotency]).toEqual([1, 1, 1]);
    const stored = await store.db.selectFrom('bindings').select('id').where('household_id', '=', '1-1-102').where('name', '=', '孙七').execute();
    expect(ids(out)).toEqual(new Set([stored[0].id]));
  }, 30_000);

  it('[R-ACC-1] 4 front desks approve one pending binding at once: one approval, 3 × BINDING.INVALID_TRANSITION, the resident told once', async () => {
    // Race met: two approvals both reading `pending`; the later must see the earlier's decision.
    const made = (await racers.race((i) => (i === 0 ? [call('o_approve_me', 'account', bindingOf('1-1-101', '周八'))] : [])))[0][0] as { id: string };
    const out = (await racers.race(() => [call(demoOpenid('frontdesk'), 'account', { action: 'approveBinding', id: made.id })])).flat();
    expect(tally(out)).toEqual({ ok: 1, 'BINDING.INVALID_TRANSITION': 3 });
    const row = await store.db.selectFrom('bindings').select(['status', 'user_id']).where('id', '=', made.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('approved');
    const told = await store.db.selectFrom('outbox').select('id').where('template', '=', 'binding.approved').where('to_user', '=', row.user_id).execute();
    expect(told).toHaveLength(1);
  }, 30_000);

  it('[R-INT-4] 4 processes dispatch one new repair at once to alternating technicians: each re-dispatch applied in turn, 4 dispatches, 5 events in sequence, each technician told once per dispatch', async () => {
    // Re-dispatching (改派) is a legal transition, so every call wins in its turn; what must hold is that
    // none is lost or doubled: the case row is locked while read to change (MySQL) and versions follow on.
    const made = (await racers.race((i) => (i === 0 ? [call(demoOpenid('resident-a'), 'case', O.repair('1-1-101', { content: '卫生间地漏堵塞' }))] : [])))[0][0] as { id: string };
    const out = (await racers.race((i) => [call(demoOpenid('frontdesk'), 'workbench', { action: 'dispatch', id: made.id, technicianId: i % 2 ? 'tech-2' : 'tech-1' })])).flat();
    expect(tally(out)).toEqual({ ok: 4 });
    const events = await store.db.selectFrom('case_events').select(['seq', 'type', 'data_json']).where('case_id', '=', made.id).orderBy('seq').execute();
    expect(events.map((e) => [e.seq, e.type])).toEqual([[1, 'submitted'], [2, 'dispatched'], [3, 'dispatched'], [4, 'dispatched'], [5, 'dispatched']]);
    const row = await store.db.selectFrom('cases').select(['state_json', 'version']).where('id', '=', made.id).executeTakeFirstOrThrow();
    expect(Number(row.version)).toBe(5);
    expect(JSON.parse(row.state_json).work.technician).toBe(JSON.parse(events[4].data_json).to);
    const told = await store.db.selectFrom('outbox').select(['to_user', 'data_json']).where('template', '=', 'repair.dispatched').execute();
    const mine = told.filter((m) => JSON.parse(m.data_json).caseId === made.id).map((m) => m.to_user).sort();
    expect(mine).toEqual(events.slice(1).map((e) => JSON.parse(e.data_json).to as string).sort());
  }, 30_000);

  it(`[R-ACC-1] 8 new users claim to own one room at once: exactly ${MAX_OWNER_BINDINGS_PER_HOUSEHOLD} requests stored, the others BINDING.OWNER_LIMIT`, async () => {
    // Race met: owner claims counted in two instances before either inserts (READ COMMITTED sees neither).
    const out = (await racers.race((i) => [0, 1].map((k) => call(`o_claimant_${i}_${k}`, 'account', bindingOf('1-2-201', '吴九'))), true)).flat();
    expect(tally(out)).toEqual({ ok: MAX_OWNER_BINDINGS_PER_HOUSEHOLD, 'BINDING.OWNER_LIMIT': 8 - MAX_OWNER_BINDINGS_PER_HOUSEHOLD });
    const claims = await store.db.selectFrom('bindings').select('id').where('household_id', '=', '1-2-201').where('relation', '=', 'owner').execute();
    expect(claims).toHaveLength(MAX_OWNER_BINDINGS_PER_HOUSEHOLD);
  }, 30_000);

  it(`[R-ACC-1] one user asks for 8 rooms at once from 4 processes: exactly ${MAX_PENDING_BINDINGS_PER_USER} requests wait, the others BINDING.PENDING_LIMIT`, async () => {
    // Race met: the same user's requests counted in two instances before either inserts.
    const openid = 'o_many_rooms';
    await racers.race((i) => (i === 0 ? [call(openid, 'account', { action: 'me' })] : []));
    const out = (await racers.race((i) => [0, 1].map((k) => call(openid, 'account', { ...bindingOf(`3-1-${301 + i * 2 + k}`, '郑十'), relation: 'tenant' })), true)).flat();
    expect(tally(out)).toEqual({ ok: MAX_PENDING_BINDINGS_PER_USER, 'BINDING.PENDING_LIMIT': 8 - MAX_PENDING_BINDINGS_PER_USER });
    const user = await store.db.selectFrom('users').select('id').where('openid', '=', openid).executeTakeFirstOrThrow();
    expect(await store.db.selectFrom('bindings').select('id').where('user_id', '=', user.id).where('status', '=', 'pending').execute()).toHaveLength(MAX_PENDING_BINDINGS_PER_USER);
  }, 30_000);

  it(`a resident submits ${CREATION_LIMITS.submit.max + 10} cases at once from 4 processes: exactly ${CREATION_LIMITS.submit.max} cases, the others RATE.LIMITED`, async () => {
    // Race met: the creation limit counted in several instances before any of them inserts its case.
    const max = CREATION_LIMITS.submit.max;
    const per = (max + 10) / RACERS;
    const before = await O.tableCounts(store.db);
    const out = (
      await racers.race((i) => Array.from({ length: per }, (_, k) => call(demoOpenid('resident-b'), 'case', O.consultation('1-1-102', { requestId: `limit-${i}-${k}`, content: `第 ${i}-${k} 个问题` }))), true)
    ).flat();
    expect(tally(out)).toEqual({ ok: max, 'RATE.LIMITED': 10 });
    const after = await O.tableCounts(store.db);
    expect([after.cases - before.cases, after.idempotency - before.idempotency]).toEqual([max, max]);
  }, 60_000);
});
