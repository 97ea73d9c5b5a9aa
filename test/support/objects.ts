/**
 * Fixture objects for the integration suites that need more than the demo seed: extra users, staff of
 * another community, pending bindings, cases; plus whole-store fingerprints ("did this call change
 * anything?") and a platform that can be restarted on the same data folder.
 *
 * Rows are written straight into the store (Tx methods or the Kysely handle) so a fixture never goes
 * through the access rules the suites are testing; cases go through the real use case in-process.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { type Kysely, sql } from 'kysely';
import { isMysql } from '../../adapters/store/sql/portable';
import type { DB } from '../../adapters/store/sql/schema';
import { dispatch } from '../../core/api/dispatch';
import type { StaffRole } from '../../core/schemas/common';
import { startPlatform, type Platform } from '../../local/platform';
import { type Harness, rid, testDbUrl, testPlatformEnv } from './harness';
import { expectReplayMatches } from './replay';

/** The platform, whichever way it was started. */
export type HasPlatform = { platform: Platform };

export const dbOf = (h: HasPlatform): Kysely<DB> => (h.platform.deps.store as unknown as { db: Kysely<DB> }).db;

/** Demo users' platform identity (local/seed.ts); users made here get `o_test_<id>`. */
export const demoOpenid = (key: string) => `o_demo_${key}`;
export const testOpenid = (id: string) => `o_test_${id}`;

/** Waits until every notification already in the outbox has been delivered (delivery runs after each write). */
export const settle = (h: HasPlatform) => h.platform.flushOutbox();

// ---------------------------------------------------------------- store fingerprints

/** The embedded store's write log (test-only, made by `fingerprint`): writes per table, counted by triggers. */
const WRITE_LOG = 'test_write_log';

/** Every table of the store, read from the database itself (so a table added later is covered too). */
export async function tableNames(db: Kysely<DB>): Promise<string[]> {
  const r = isMysql(db)
    ? await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = database() order by table_name`.execute(db)
    : await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> ${WRITE_LOG} order by name`.execute(db);
  return r.rows.map((x) => x.name);
}

export async function tableCounts(db: Kysely<DB>): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of await tableNames(db)) {
    const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(t)}`.execute(db);
    out[t] = Number(r.rows[0].n);
  }
  return out;
}

/**
 * What the store holds, such that two fingerprints differ exactly when something was written in between.
 * On SQLite: row triggers on every table count each inserted, updated or deleted row into a write log
 * (installed on the first call; one read per fingerprint instead of every row of every table — the
 * authorization matrix takes two per cell). A write that stores the same values again counts as a write.
 * On MariaDB: the row count and a digest of every row of every table.
 */
export async function fingerprint(db: Kysely<DB>): Promise<Record<string, string>> {
  if (isMysql(db)) return digestOfRows(db);
  const tables = await tableNames(db);
  const armed = await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'trigger' and name like 'test_wl_%'`.execute(db);
  if (Number(armed.rows[0].n) !== tables.length * 3) {
    await sql.raw(`create table if not exists ${WRITE_LOG} (tbl text primary key, n integer not null)`).execute(db);
    for (const t of tables)
      for (const op of ['insert', 'update', 'delete'])
        await sql
          .raw(`create trigger if not exists test_wl_${t}_${op} after ${op} on "${t}" begin insert into ${WRITE_LOG} (tbl, n) values ('${t}', 1) on conflict (tbl) do update set n = n + 1; end`)
          .execute(db);
  }
  const counts = new Map((await sql<{ tbl: string; n: number }>`select tbl, n from ${sql.table(WRITE_LOG)}`.execute(db)).rows.map((r) => [r.tbl, Number(r.n)]));
  return Object.fromEntries(tables.map((t) => [t, String(counts.get(t) ?? 0)]));
}

/** Row count and a digest of every row of every table: equal fingerprints mean nothing changed. */
async function digestOfRows(db: Kysely<DB>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of await tableNames(db)) {
    const r = await sql<Record<string, unknown>>`select * from ${sql.table(t)}`.execute(db);
    const rows = r.rows.map((row) => JSON.stringify(row, (_k, v) => (typeof v === 'bigint' ? String(v) : v))).sort();
    out[t] = `${rows.length}:${createHash('sha256').update(rows.join('\n')).digest('hex').slice(0, 16)}`;
  }
  return out;
}

/** Tables whose fingerprint differs (empty when the store is unchanged). */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => before[k] !== after[k]).sort();
}

// ---------------------------------------------------------------- users, staff, communities, bindings

let seq = 0;
const uniq = (tag: string) => `${tag}-${process.pid.toString(36)}-${(seq++).toString(36)}`;

export async function createUser(h: HasPlatform, over: { id?: string; name?: string; phone?: string | null } = {}) {
  const id = over.id ?? uniq('u-test');
  const user = { id, openid: testOpenid(id), name: over.name ?? '测试用户', phone: over.phone ?? null, createdAt: h.platform.clock.now() };
  await h.platform.deps.store.transaction((tx) => tx.insertUser(user));
  return user;
}

export async function addStaff(h: HasPlatform, userId: string, communityId: string, roles: readonly StaffRole[], onDuty = false) {
  await dbOf(h)
    .insertInto('staff')
    .values(roles.map((role) => ({ user_id: userId, community_id: communityId, role, on_duty: onDuty ? 1 : 0 })))
    .execute();
}

export async function createCommunity(
  h: HasPlatform,
  c: { id: string; name: string; responsible: Record<string, string>; households: { id: string; ownerName: string; ownerPhone: string }[] },
) {
  const db = dbOf(h);
  await db.insertInto('communities').values({ id: c.id, name: c.name, time_zone: 'Asia/Shanghai', config_json: JSON.stringify({ responsible: c.responsible }) }).execute();
  await db
    .insertInto('households')
    .values(
      c.households.map((x) => {
        const [building, unit, room] = x.id.split('-');
        return { id: x.id, community_id: c.id, building, unit, room, area_m2x100: 8950, owner_name: x.ownerName, owner_phone: x.ownerPhone };
      }),
    )
    .execute();
}

/**
 * Community B 「测试小区乙」 with household 2-1-101 and `staff-b`, who holds EVERY staff role there and
 * none in the demo community: any action a role allows in B must still find nothing of community A.
 */
export const COMMUNITY_B = { id: 'test-b', household: '2-1-101', staff: 'staff-b' } as const;
export const ALL_ROLES: StaffRole[] = ['frontdesk', 'technician', 'supervisor', 'manager', 'renovation_officer', 'cashier'];

export async function createCommunityB(h: HasPlatform) {
  await createUser(h, { id: COMMUNITY_B.staff, name: '钱多', phone: '13900009999' });
  await createCommunity(h, {
    id: COMMUNITY_B.id,
    name: '测试小区乙',
    responsible: { customer_service: COMMUNITY_B.staff },
    households: [{ id: COMMUNITY_B.household, ownerName: '孙红', ownerPhone: '13700002101' }],
  });
  await addStaff(h, COMMUNITY_B.staff, COMMUNITY_B.id, ALL_ROLES);
}

/** `mixed-ab`: a technician in the demo community (A) who holds every staff role in community B. */
export const MIXED_AB = 'mixed-ab';
export async function createMixedStaff(h: HasPlatform) {
  await createUser(h, { id: MIXED_AB, name: '冯双', phone: '13900008888' });
  await addStaff(h, MIXED_AB, 'demo', ['technician']);
  await addStaff(h, MIXED_AB, COMMUNITY_B.id, ALL_ROLES);
}

/** A fresh user with a pending binding request for a household (never matches the register). */
export async function createPendingBinding(h: HasPlatform, householdId: string) {
  const user = await createUser(h, { name: '待审核' });
  const household = await h.platform.deps.store.transaction((tx) => tx.household(householdId));
  if (!household) throw new Error(`no household ${householdId}`);
  const id = `b_${uniq('test')}`;
  await h.platform.deps.store.transaction((tx) =>
    tx.insertBinding({
      id,
      userId: user.id,
      householdId,
      communityId: household.communityId,
      name: '王测试',
      phone: '13712345678',
      relation: 'family',
      status: 'pending',
      phoneCheck: 'not_provided',
      createdAt: h.platform.clock.now(),
      decidedAt: null,
      decidedBy: null,
      reason: null,
    }),
  );
  return { id, userId: user.id };
}

// ---------------------------------------------------------------- cases

export const consultation = (householdId: string, over: Record<string, unknown> = {}) => ({
  action: 'submit',
  requestId: rid('fx'),
  householdId,
  kind: 'consultation',
  content: '请问小区快递柜在哪里？',
  ...over,
});

/** Any call in-process as the given platform identity; throws unless it succeeds. */
export async function must(h: HasPlatform, openid: string | null, fn: string, event: Record<string, unknown>) {
  const out = await dispatch(h.platform.deps, fn, event, { openid });
  if (!out.ok) throw new Error(`fixture ${fn}.${String(event.action)} failed: ${out.error.code}`);
  return out.data as Record<string, any>;
}

/** A case of the household, submitted in-process by the given resident (their own household). */
export async function submitCase(h: HasPlatform, residentKey: string, householdId: string, over: Record<string, unknown> = {}) {
  const data = await must(h, demoOpenid(residentKey), 'case', consultation(householdId, over));
  return data as { id: string; householdId: string; status: string };
}

/** A repair body (R-REP-1: a repair category and 户内/公共区域 are required); free in-home plumbing by default. */
export const repair = (householdId: string, over: Record<string, unknown> = {}) => ({
  action: 'submit',
  requestId: rid('rp'),
  householdId,
  kind: 'repair',
  category: 'plumbing',
  location: 'in_home',
  content: '厨房水龙头一直滴水，麻烦师傅看看',
  ...over,
});

/** How far along a repair fixture is (R-REP-5), each stage reached through the real actions. */
export type RepairStage = 'submitted' | 'dispatched' | 'paused' | 'on_site' | 'quoted' | 'completed' | 'confirmed';

/**
 * A repair of the household in the given stage: submitted by the household's resident, dispatched by the
 * front desk to `technician` (default tech-1), who arrives, quotes or completes; `paused` is a dispatched
 * repair the front desk paused; `confirmed` is completed work the resident confirmed (ready to rate). In-process, through the same dispatcher the functions run.
 */
export async function repairAt(
  h: HasPlatform,
  residentKey: string,
  householdId: string,
  stage: RepairStage,
  opts: { technician?: string; over?: Record<string, unknown> } = {},
): Promise<Record<string, any> & { id: string; householdId: string; status: string }> {
  const tech = opts.technician ?? 'tech-1';
  const c = await must(h, demoOpenid(residentKey), 'case', repair(householdId, opts.over));
  const id = c.id as string;
  if (stage === 'submitted') return c as Record<string, any> & { id: string; householdId: string; status: string };
  if (c.status === 'submitted' || c.work?.technician !== tech) await must(h, demoOpenid('frontdesk'), 'workbench', { action: 'dispatch', id, technicianId: tech });
  if (stage === 'paused') await must(h, demoOpenid('frontdesk'), 'workbench', { action: 'pause', id, reason: '住户出差，约下周上门' });
  const done = stage === 'completed' || stage === 'confirmed';
  if (stage === 'on_site' || stage === 'quoted' || done) await must(h, demoOpenid(tech), 'workbench', { action: 'arrive', id });
  if (stage === 'quoted') await must(h, demoOpenid(tech), 'workbench', { action: 'quote', id, feeFen: 8000, note: '更换水龙头阀芯，含材料' });
  if (done) await must(h, demoOpenid(tech), 'workbench', { action: 'complete', id, result: '已更换阀芯，不再滴水', materials: ['阀芯'] });
  if (stage === 'confirmed') await must(h, demoOpenid(residentKey), 'case', { action: 'confirm', id, ok: true });
  return (await must(h, demoOpenid('frontdesk'), 'workbench', { action: 'get', id })) as Record<string, any> & { id: string; householdId: string; status: string };
}

/** Newest unread message of a user (the inbox channel writes one per delivered notification). */
export async function latestUnreadMessage(h: HasPlatform, userId: string): Promise<string> {
  await settle(h);
  const r = await dbOf(h).selectFrom('messages').select('id').where('user_id', '=', userId).where('read_at', 'is', null).orderBy('created_at', 'desc').executeTakeFirst();
  if (!r) throw new Error(`no unread message for ${userId}`);
  return r.id;
}

// ---------------------------------------------------------------- restartable platform

export interface RestartableHarness extends Harness {
  /** Stops the platform and starts a new one on the same data folder (sessions are lost: sign in again). */
  restart(): Promise<void>;
}

/** Like startHarness(), but `restart()` keeps the data folder (DATA_DIR) across platform restarts. */
export async function startRestartableHarness(): Promise<RestartableHarness> {
  const os = await import('node:os');
  const path = await import('node:path');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-restart-'));
  const dbUrl = await testDbUrl();
  const start = () => startPlatform({ ...testPlatformEnv(dataDir), ...dbUrl });
  let tokens = new Map<string, string>();
  const self: RestartableHarness = {
    platform: await start(),
    get url() {
      return self.platform.url;
    },
    dataDir,
    async login(user) {
      const cached = tokens.get(user);
      if (cached) return cached;
      const res = await fetch(`${self.platform.url}/local/login`, { method: 'POST', body: JSON.stringify({ user }) });
      if (res.status !== 200) throw new Error(`login ${user} failed: ${res.status}`);
      const token = ((await res.json()) as { token: string }).token;
      tokens.set(user, token);
      return token;
    },
    async call(token, fn, body) {
      const res = await fetch(`${self.platform.url}/fn/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    },
    async restart() {
      await self.platform.close();
      tokens = new Map();
      self.platform = await start();
    },
    async close() {
      try {
        await expectReplayMatches(self);
      } finally {
        await self.platform.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
  return self;
}
