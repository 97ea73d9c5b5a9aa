import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DAY, HOUR } from '../../core/time';
import { DEFAULT_SLA } from '../../core/domain/case/deadlines';
import { CommunitySettingsError, DEFAULT_RENOVATION_SETTINGS } from '../../core/domain/community/settings';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { replay } from '../../core/domain/case/replay';
import { eventOf, submittedEvent } from '../../test/support/factories';
import { describeStoreContract } from './contract';
import { describePagingContract } from './contractPaging';
import { describePushContract } from './contractPushes';
import { describeReportContract } from './contractReports';
import { describeFeeContract } from './contractFees';
import { describeCashierContract } from './contractCashier';
import { describeRenovationContract } from './contractRenovations';
import { describeDueWorkContract } from './contractDueWork';
import { migrate } from './sql/migrations';
import { openSqliteStore } from './sqlite';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const fresh = async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-store-'));
  dirs.push(dir);
  return openSqliteStore(path.join(dir, 'test.sqlite'));
};

describeStoreContract('SQLite (better-sqlite3)', fresh);
describePagingContract('SQLite (better-sqlite3)', fresh);
describePushContract('SQLite (better-sqlite3)', fresh);
describeReportContract('SQLite (better-sqlite3)', fresh);
describeFeeContract('SQLite (better-sqlite3)', fresh);
describeCashierContract('SQLite (better-sqlite3)', fresh);
describeRenovationContract('SQLite (better-sqlite3)', fresh);
describeDueWorkContract('SQLite (better-sqlite3)', fresh);

it('SQLite runs in WAL mode with synchronous=FULL, and migrations are applied once', async () => {
  const store = await fresh();
  expect(store.raw.pragma('journal_mode', { simple: true })).toBe('wal');
  expect(store.raw.pragma('synchronous', { simple: true })).toBe(2);
  const file = store.raw.name;
  const applied = () => store.raw.prepare('select name from kysely_migration order by name').all() as { name: string }[];
  const first = applied().map((r) => r.name);
  expect(first.length).toBeGreaterThan(0);
  await store.close();
  const again = await openSqliteStore(file);
  // Re-opening applies nothing again: the same migrations, each recorded once.
  const names = (again.raw.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name);
  expect(names).toEqual(first);
  expect(new Set(names).size).toBe(names.length);
  await again.close();
});

it('[R-REP-3] a community is read with its settings parsed: defaults merged deeply, a bad value refused naming the setting on every read', async () => {
  const store = await fresh();
  const put = (id: string, config: unknown) =>
    store.db.insertInto('communities').values({ id, name: id, time_zone: 'Asia/Shanghai', config_json: typeof config === 'string' ? config : JSON.stringify(config) }).execute();
  await put('partial', { responsible: { customer_service: 'fd' }, sla: { repairResponse: 'PT4H', complaintResolution: { serious: 'P1D' } } });
  await put('long', { responsible: { customer_service: 'fd' }, sla: { emergencyArrival: 'PT20M' } });
  const partial = await store.transaction((tx) => tx.community('partial'));
  expect(partial).toEqual({
    id: 'partial',
    name: 'partial',
    timeZone: 'Asia/Shanghai',
    responsible: { customer_service: 'fd' },
    sla: { ...DEFAULT_SLA, repairResponseMs: 4 * HOUR, complaintResolutionMs: { major: 10 * DAY, serious: DAY, minor: 2 * DAY } },
    renovation: DEFAULT_RENOVATION_SETTINGS,
  });
  for (let i = 0; i < 2; i++) {
    const e = await store.transaction((tx) => tx.community('long')).then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(CommunitySettingsError);
    expect((e as Error).message).toContain('sla.emergencyArrival（急修到场时限不能超过 15 分钟');
  }
  await expect(store.transaction((tx) => tx.communities())).rejects.toThrow(CommunitySettingsError);
  await store.db.updateTable('communities').set({ config_json: JSON.stringify({ responsible: { customer_service: 'fd' }, sla: { emergencyArrival: 'PT10M' } }) }).where('id', '=', 'long').execute();
  expect((await store.transaction((tx) => tx.communities())).map((c) => [c.id, c.sla.emergencyArrivalMs])).toEqual([
    ['long', 10 * 60_000],
    ['partial', 15 * 60_000],
  ]);
  await store.close();
});

it('[R-ACC-5] migration 0006 fills the category column of cases stored before it (the cashier and renovation officer list by it)', async () => {
  const { replay } = await import('../../core/domain/case/replay');
  const { submittedEvent } = await import('../../test/support/factories');
  const store = await fresh();
  const e = submittedEvent({ id: 'c_old', category: 'fee' });
  await store.transaction((tx) => tx.insertCase(replay([e])!, null, [e]));
  // As the store was before 0006: no column, no index, no record of the migration (nor of the later ones: 0008 made the
  // replies' index, 0009 bindings.phone_check and its index, 0010 the creation limit's index, 0011 the case numbers,
  // 0012 the pushes and subscribe grants, 0013 files.cloud_id, 0017 the index that replaced 0010's).
  store.raw.exec(
    "drop index cases_reach; create index cases_urgency on cases (community_id, urgent_at, created_at); alter table cases drop column category; " +
      "drop index idempotency_created; drop index bindings_household; alter table bindings drop column phone_check; drop index case_events_opened; " +
      "drop index cases_number; alter table cases drop column number; drop table case_numbers; drop table pushes; drop table subscribe_grants; " +
      "drop index files_cloud_id; alter table files drop column cloud_id; delete from kysely_migration where name >= '0006'",
  );
  const file = store.raw.name;
  await store.close();
  const again = await openSqliteStore(file);
  expect(again.raw.prepare('select id, category from cases').all()).toEqual([{ id: 'c_old', category: 'fee' }]);
  await again.close();
});

it('[R-INT-4] upgrading a store rebuilds the snapshots stored before `missed` and `handedOverAt` were fields, from their events (migration 0007)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-store-'));
  dirs.push(dir);
  const file = path.join(dir, 'old.sqlite');
  // A store as the previous release left it: migrated to 0006, a breached 售后 case whose snapshot lacks
  // the two fields, and urgent_at copied from next_due_at.
  const raw = new Database(file);
  const old = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
  await migrate(old, '0006_case_category');
  const T = Date.parse('2026-11-24T09:00:00+08:00');
  const events = [submittedEvent({ kind: 'warranty', department: 'developer_liaison' }, T), eventOf('breached', T + 86_400_000, { deadline: 'handover' } as never)];
  const now = replay(events)!;
  const { missed: _m, ...sla } = now.sla;
  const { handedOverAt: _h, ...rest } = now;
  const snapshot = { ...rest, sla };
  raw
    .prepare('insert into cases (id, community_id, household_id, kind, status, department, owner, emergency, created_at, updated_at, next_due_at, urgent_at, technician, breached, version, state_json) values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 5, 5, null, 1, 2, ?)')
    .run(now.id, now.communityId, now.householdId, now.kind, now.status, now.department, now.owner, now.createdAt, now.updatedAt, JSON.stringify(snapshot));
  const ev = raw.prepare('insert into case_events (case_id, seq, type, at, by_user, data_json) values (?, ?, ?, ?, ?, ?)');
  events.forEach((e, i) => ev.run(now.id, i + 1, e.type, e.at, e.by, JSON.stringify(e)));
  await old.destroy();

  const store = await openSqliteStore(file);
  const row = store.raw.prepare('select state_json, next_due_at, urgent_at from cases where id = ?').get(now.id) as { state_json: string; next_due_at: number; urgent_at: number };
  expect(JSON.parse(row.state_json)).toEqual(now);
  expect(JSON.parse(row.state_json).sla.missed).toBe(1);
  expect(row.state_json).toBe(JSON.stringify(now));
  expect([row.next_due_at, row.urgent_at]).not.toEqual([5, 5]);
  await store.close();
});

it('[R-INT-4] migration 0011 numbers the cases stored before numbers existed, by community, kind and Shanghai day, in the events; the counters continue after them', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-store-'));
  dirs.push(dir);
  const file = path.join(dir, 'old.sqlite');
  const raw = new Database(file);
  const old = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
  await migrate(old, '0010_case_events_by_user');
  // 15:59:59 UTC is 23:59:59 in Shanghai, 16:00 UTC the next Shanghai day: whatever the host's zone.
  const late = Date.parse('2026-12-02T15:59:59Z');
  const next = Date.parse('2026-12-02T16:00:00Z');
  const unnumbered = (id: string, kind: 'repair' | 'complaint', at: number, communityId = 'demo') => {
    const { number: _n, ...c } = submittedEvent({ id, kind, communityId }, at).case;
    return { ...submittedEvent({}, at), case: c };
  };
  const olds = [unnumbered('c_1', 'repair', late - 60_000), unnumbered('c_2', 'repair', late), unnumbered('c_3', 'repair', next), unnumbered('c_4', 'complaint', late), unnumbered('c_5', 'repair', late, 'other')];
  const ins = raw.prepare('insert into cases (id, community_id, household_id, kind, status, department, owner, emergency, created_at, updated_at, next_due_at, urgent_at, technician, breached, version, state_json) values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, null, null, null, 0, 1, ?)');
  const ev = raw.prepare('insert into case_events (case_id, seq, type, at, by_user, data_json) values (?, 1, ?, ?, ?, ?)');
  for (const e of olds) {
    const s = e.case;
    ins.run(s.id, s.communityId, s.householdId, s.kind, 'submitted', s.department, s.owner, s.createdAt, s.createdAt, JSON.stringify({ ...s, status: 'submitted' }));
    ev.run(s.id, e.type, e.at, e.by, JSON.stringify(e));
  }
  await old.destroy();

  const store = await openSqliteStore(file);
  const numbers = Object.fromEntries((store.raw.prepare('select id, number from cases order by id').all() as { id: string; number: string }[]).map((r) => [r.id, r.number]));
  expect(numbers).toEqual({ c_1: 'BX20261202-0001', c_2: 'BX20261202-0002', c_3: 'BX20261203-0001', c_4: 'TS20261202-0001', c_5: 'BX20261202-0001' });
  // The events carry the numbers, so a replay gives the stored state.
  const events = await store.transaction((tx) => tx.caseEvents('c_2'));
  expect(replay(events)).toEqual(await store.transaction((tx) => tx.caseById('c_2')));
  expect(await store.transaction((tx) => tx.nextCaseSequence('demo', 'BX', '20261202'))).toBe(3);
  expect(await store.transaction((tx) => tx.nextCaseSequence('other', 'BX', '20261202'))).toBe(2);
  expect(await store.transaction((tx) => tx.nextCaseSequence('demo', 'TS', '20261203'))).toBe(1);
  await store.close();
});

it('a store whose migrations are all applied opens with ONE statement for the migration check (each cold function instance runs it)', async () => {
  const first = await fresh();
  const file = first.raw.name;
  await first.close();
  const seen: string[] = [];
  const again = await openSqliteStore(file, { onStatement: (e) => seen.push(e.query.sql) });
  expect(seen).toEqual([expect.stringMatching(/^select count\(\*\) as n, max\(name\) as latest from kysely_migration$/)]);
  // The covering index of the creation limit's count (0017) is there, 0010's is gone.
  const indexes = again.raw.prepare("select name from sqlite_master where type = 'index' and tbl_name = 'case_events'").all();
  expect(indexes).toContainEqual({ name: 'case_events_opened' });
  expect(indexes).not.toContainEqual({ name: 'case_events_by_user' });
  await again.close();
});
