/**
 * The SLA sweep is robust (R-ESC-5): one case it cannot handle is set aside — rolled back alone, logged
 * without personal data, looked at again an hour later — while every other due case is escalated; and
 * a tick run late never records anything before what already happened to a case.
 *
 * In-process over a real SQLite store with a hand-moved clock: no scheduler runs a tick behind the test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../../adapters/store/sqlite';
import { randomIds, sha256 } from '../../adapters/platform/system';
import { dispatch } from '../../core/api/dispatch';
import { replay } from '../../core/domain/case/replay';
import type { CaseEvent } from '../../core/domain/case/types';
import type { Deps } from '../../core/ports/runtime';
import { QUARANTINE_RETRY_MS, sweep } from '../../core/usecases/sla/sweep';
import { seedDemo } from '../../local/seed';
import { rid } from '../support/harness';
import { demoOpenid, repair } from '../support/objects';
import { HOUR, MINUTE } from '../support/clock';

const T0 = Date.parse('2026-11-24T09:00:00+08:00');

let dir: string;
let store: Awaited<ReturnType<typeof openSqliteStore>>;
let now = T0;
let logged: { obj: object; msg?: string }[] = [];
let deps: Deps;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-sweep-'));
  store = await openSqliteStore(path.join(dir, 'wuye.sqlite'));
  now = T0;
  logged = [];
  await seedDemo(store.db, now);
  const clock = { now: () => now };
  const log = { info: () => {}, warn: () => {}, error: (obj: object, msg?: string) => void logged.push({ obj, msg }) };
  deps = { store, clock, ids: randomIds(clock), hash: sha256, log };
});
afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function as(user: string, fn: string, body: Record<string, unknown>) {
  const out = await dispatch(deps, fn, body, { openid: demoOpenid(user) });
  if (!out.ok) throw new Error(`${fn}.${String(body.action)}: ${out.error.code}`);
  return out.data as Record<string, any>;
}
const emergency = (i: number) => as('resident-a', 'case', repair('1-1-101', { requestId: rid('sw'), category: 'burst_pipe', content: `第 ${i + 1} 处水管爆裂` }));
const eventsOf = async (id: string) =>
  (await store.db.selectFrom('case_events').select('data_json').where('case_id', '=', id).orderBy('seq').execute()).map((r) => JSON.parse(r.data_json) as CaseEvent);
const row = (id: string) => store.db.selectFrom('cases').select(['state_json', 'next_due_at', 'sweep_error']).where('id', '=', id).executeTakeFirstOrThrow();
const dueOrder = async () => (await store.db.selectFrom('cases').select('id').orderBy('next_due_at').orderBy('id').execute()).map((r) => r.id);

describe('[R-ESC-5] one case the sweep cannot handle holds up no other', () => {
  it('[R-ESC-5] a sweep over a store holding one corrupt case still escalates every other due case; the bad ones are set aside, logged without personal data, and retried an hour later', async () => {
    for (let i = 0; i < 6; i++) await emergency(i);
    const order = await dueOrder();
    // The first case in the sweep's order is unreadable (its text quotes a phone and a name), a later
    // one reads but has lost its clocks: a step over it throws.
    const [unreadable, , , broken] = order;
    const original = (await row(unreadable)).state_json;
    await store.db.updateTable('cases').set({ state_json: '李明 13800001101 {"contactPhone":"13800001101"' }).where('id', '=', unreadable).execute();
    const lost = JSON.parse((await row(broken)).state_json);
    delete lost.sla;
    await store.db.updateTable('cases').set({ state_json: JSON.stringify(lost) }).where('id', '=', broken).execute();

    now = T0 + 16 * MINUTE; // every 15-minute arrival window has passed, no sweep has looked yet
    const r = await sweep(deps);
    expect(r).toMatchObject({ looked: 6, escalations: 4, quarantined: 2 });
    for (const id of order.filter((x) => x !== unreadable && x !== broken)) {
      const events = await eventsOf(id);
      expect([id, events.map((e) => e.type), (await row(id)).sweep_error]).toEqual([id, ['submitted', 'breached', 'escalated'], null]);
      expect(events.at(-1)).toMatchObject({ type: 'escalated', to: 'supervisor', level: 1 });
    }
    // The two are untouched but for being set aside an hour, with the reason — and nothing personal logged.
    for (const id of [unreadable, broken]) expect((await eventsOf(id)).map((e) => e.type)).toEqual(['submitted']);
    const aside = await store.transaction((tx) => tx.quarantinedCases(10));
    expect(aside.map((q) => [q.id, q.retryAt]).sort()).toEqual([[unreadable, now + QUARANTINE_RETRY_MS], [broken, now + QUARANTINE_RETRY_MS]].sort());
    expect(aside.find((q) => q.id === unreadable)!.reason).toMatch(/^read: SyntaxError/);
    expect(aside.find((q) => q.id === broken)!.reason).toMatch(/^step: TypeError/);
    expect(logged.map((l) => [l.msg, (l.obj as { caseId: string }).caseId]).sort()).toEqual([['sla sweep: case set aside', broken], ['sla sweep: case set aside', unreadable]].sort());
    const text = JSON.stringify(logged) + JSON.stringify(aside);
    expect([text.includes('13800001101'), text.includes('李明')]).toEqual([false, false]);

    // The next minutes do not retry them (one failure is not logged every minute)…
    now += MINUTE;
    expect(await sweep(deps)).toMatchObject({ looked: 0, quarantined: 0 });
    expect(logged).toHaveLength(2);

    // …an hour on they are tried again: the repaired one (rebuilt from its events) is escalated and
    // released; the one still broken is set aside again.
    expect(replay(await eventsOf(unreadable))).toEqual(JSON.parse(original));
    await store.db.updateTable('cases').set({ state_json: original }).where('id', '=', unreadable).execute();
    now = T0 + 16 * MINUTE + QUARANTINE_RETRY_MS;
    expect(await sweep(deps)).toMatchObject({ looked: 2, escalations: 1, quarantined: 1 });
    expect((await eventsOf(unreadable)).map((e) => e.type)).toEqual(['submitted', 'breached', 'escalated']);
    expect((await row(unreadable)).sweep_error).toBeNull();
    expect((await store.transaction((tx) => tx.quarantinedCases(10))).map((q) => q.id)).toEqual([broken]);
  });

  it('a case set aside is released by its next write: the row is rewritten with its next moment and no reason', async () => {
    const c = await emergency(0);
    await store.db.updateTable('cases').set({ state_json: '[]' }).where('id', '=', c.id).execute();
    now = T0 + 16 * MINUTE;
    expect(await sweep(deps)).toMatchObject({ quarantined: 1 });
    // Rebuilt from its events (what a rebuild does), then the technician arrives: the write releases it.
    const state = replay(await eventsOf(c.id))!;
    await store.db.updateTable('cases').set({ state_json: JSON.stringify(state) }).where('id', '=', c.id).execute();
    const here = await as('tech-1', 'workbench', { action: 'arrive', id: c.id });
    expect(here.status).toBe('on_site');
    expect(await row(c.id)).toMatchObject({ sweep_error: null, next_due_at: T0 + 15 * MINUTE }); // met late: the breach is due at once
    now += MINUTE;
    expect(await sweep(deps)).toMatchObject({ looked: 1, escalations: 1, quarantined: 0 });
  });
});

describe('[R-ESC-5] a tick run late never records before what already happened', () => {
  it('[R-ESC-5] the breach found by a late tick is stamped at the case’s last event, not before it; the record stays in time order and updatedAt never goes back', async () => {
    const c = await emergency(0);
    // The technician arrives 30 s after the 15-minute deadline; the tick of minute 15 runs only after that.
    now = T0 + 15 * MINUTE + 30_000;
    const here = await as('tech-1', 'workbench', { action: 'arrive', id: c.id });
    const r = await sweep(deps, T0 + 15 * MINUTE);
    expect(r).toMatchObject({ escalations: 1 });
    const events = await eventsOf(c.id);
    expect(events.map((e) => e.type)).toEqual(['submitted', 'arrived', 'breached', 'escalated']);
    const ats = events.map((e) => e.at);
    expect(ats).toEqual([...ats].sort((a, b) => a - b));
    expect(events.slice(-2).map((e) => e.at)).toEqual([now, now]);
    const after = JSON.parse((await row(c.id)).state_json);
    expect([after.updatedAt, Date.parse(here.updatedAt)]).toEqual([now, Math.floor(now / 1000) * 1000]);
  });
});
