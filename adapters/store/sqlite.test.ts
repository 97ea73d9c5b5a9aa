import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DAY, HOUR } from '../../core/time';
import { DEFAULT_SLA } from '../../core/domain/case/deadlines';
import { CommunitySettingsError } from '../../core/domain/community/settings';
import { describeStoreContract } from './contract';
import { openSqliteStore } from './sqlite';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const fresh = async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-store-'));
  dirs.push(dir);
  return openSqliteStore(path.join(dir, 'test.sqlite'));
};

describeStoreContract('SQLite (better-sqlite3)', fresh);

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
  // As the store was before 0006: no column, no index, no record of the migration.
  store.raw.exec("drop index cases_reach; create index cases_urgency on cases (community_id, urgent_at, created_at); alter table cases drop column category; delete from kysely_migration where name = '0006_case_category'");
  const file = store.raw.name;
  await store.close();
  const again = await openSqliteStore(file);
  expect(again.raw.prepare('select id, category from cases').all()).toEqual([{ id: 'c_old', category: 'fee' }]);
  await again.close();
});
