/**
 * Concurrency and idempotency through the real HTTP gateway: retried submissions create one case
 * (R-INT-7), also across a platform restart on the same data folder; many calls on one case at once
 * keep its event log and its stored state in step (R-INT-4: a case changes only through recorded events).
 *
 * One platform process runs one transaction at a time (Kysely's SQLite driver, one connection), so the
 * calls below queue rather than race: they check the bookkeeping under load. Races that can really
 * meet are in race.test.ts (several processes on one file) and, at the end of this file, injected into
 * the store (injectOnce) to drive the retry paths a store without a global write lock needs.
 */
import { dispatch } from '../../core/api/dispatch';
import { replay } from '../../core/domain/case/replay';
import type { CaseEvent, CaseState } from '../../core/domain/case/types';
import { sweep } from '../../core/usecases/sla/sweep';
import { rid } from '../support/harness';
import { injectOnce } from '../support/inject';
import * as O from '../support/objects';

let h: O.RestartableHarness;
beforeAll(async () => {
  h = await O.startRestartableHarness();
}, 30_000);
afterAll(() => h?.close());

const db = () => O.dbOf(h);
const countCases = async () => Number((await db().selectFrom('cases').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const eventsOf = async (caseId: string) =>
  db().selectFrom('case_events').select(['seq', 'type', 'data_json']).where('case_id', '=', caseId).orderBy('seq').execute();
const outboxFor = async (caseId: string, template: string) =>
  (await db().selectFrom('outbox').select(['template', 'data_json', 'to_user']).where('template', '=', template).execute()).filter(
    (r) => (JSON.parse(r.data_json) as { caseId?: string }).caseId === caseId,
  );
const times = <T>(n: number, f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i));

/** Everything the store says about one case must agree: row ↔ state ↔ replayed event log. */
async function expectConsistent(caseId: string) {
  const row = await db().selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
  const stored = JSON.parse(row.state_json) as CaseState;
  const events = await eventsOf(caseId);
  const log = events.map((e) => JSON.parse(e.data_json) as CaseEvent);
  expect(events.map((e) => e.seq)).toEqual(times(events.length, (i) => i + 1)); // no gaps, no duplicates
  expect(events.map((e) => e.type)).toEqual(log.map((e) => e.type));
  expect(stored.version).toBe(events.length);
  expect(row.version).toBe(events.length);
  expect(replay(log)).toEqual(stored);
  expect({ status: row.status, owner: row.owner, department: row.department }).toEqual({ status: stored.status, owner: stored.owner, department: stored.department });
  return { stored, log };
}

const submitBody = (requestId: string, over: Record<string, unknown> = {}) => ({
  action: 'submit',
  requestId,
  householdId: '1-1-101',
  kind: 'repair',
  category: 'drainage',
  content: '卫生间地漏堵塞，排水很慢',
  location: 'in_home',
  ...over,
});

describe('[R-INT-7] a retried submission creates one case, never two', () => {
  const requestId = rid('retry');
  let caseId = '';
  let first: unknown;

  it('50 concurrent case.submit with one requestId and one body: all ok, one case, one submitted event, one case.received', async () => {
    const a = await h.login('resident-a');
    const casesBefore = await countCases();
    const t0 = Date.now();
    const answers = await Promise.all(times(50, () => h.call(a, 'case', submitBody(requestId))));
    const ms = Date.now() - t0;

    expect(answers.map((r) => r.status)).toEqual(times(50, () => 200));
    const ids = new Set(answers.map((r) => r.body.data?.id));
    expect([...ids]).toHaveLength(1);
    caseId = [...ids][0];
    first = answers[0].body.data;
    for (const r of answers) expect(r.body.data).toEqual(first); // every retry answers the first result

    expect((await countCases()) - casesBefore).toBe(1);
    const events = await eventsOf(caseId);
    expect(events.map((e) => e.type)).toEqual(['submitted']);
    await O.settle(h);
    expect(await outboxFor(caseId, 'case.received')).toHaveLength(1);
    // …and as the platform shows it (GET /local/outbox).
    const outbox = (await (await fetch(`${h.url}/local/outbox`)).json()) as { items: { template: string; data: { caseId?: string } }[] };
    expect(outbox.items.filter((m) => m.template === 'case.received' && m.data.caseId === caseId)).toHaveLength(1);
    expect(await db().selectFrom('idempotency').select('key').where('key', 'like', `%${requestId}`).execute()).toHaveLength(1);
    await expectConsistent(caseId);
    console.log(`50 concurrent identical submissions answered in ${ms} ms`);
  }, 30_000);

  it('the same requestId with a different body is 409 REQUEST.REPLAY_MISMATCH and creates nothing', async () => {
    const a = await h.login('resident-a');
    const before = await O.fingerprint(db());
    for (const over of [{ content: '卫生间地漏堵塞，排水很慢！' }, { kind: 'service' }, { emergency: true }, { householdId: '1-1-102' }]) {
      const r = await h.call(a, 'case', submitBody(requestId, over));
      expect([JSON.stringify(over), r.status, r.body.error?.code]).toEqual([JSON.stringify(over), 409, 'REQUEST.REPLAY_MISMATCH']);
      expect(r.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    // Key order and whitespace are not a different body.
    const reordered = `{"location":"in_home","content":"卫生间地漏堵塞，排水很慢","category":"drainage","kind":"repair","householdId":"1-1-101","requestId":"${requestId}","action":"submit"}`;
    const same = await h.call(a, 'case', reordered);
    expect([same.status, same.body.data?.id]).toEqual([200, caseId]);
    expect(O.changedTables(before, await O.fingerprint(db()))).toEqual([]);
  });

  it('20 concurrent first attempts, half with another body: one body wins everywhere, the other half is all 409, one case', async () => {
    const a = await h.login('resident-a');
    const id = rid('race');
    const casesBefore = await countCases();
    const bodies = times(20, (i) => submitBody(id, i % 2 ? { content: '阳台推拉门关不严，漏风' } : {}));
    const answers = await Promise.all(bodies.map((b) => h.call(a, 'case', b)));
    const even = answers.filter((_r, i) => i % 2 === 0).map((r) => r.body.error?.code ?? 'ok');
    const odd = answers.filter((_r, i) => i % 2 === 1).map((r) => r.body.error?.code ?? 'ok');
    const allOk = times(10, () => 'ok');
    const allMismatch = times(10, () => 'REQUEST.REPLAY_MISMATCH');
    // Whichever body reached the store first wins for all its copies; every copy of the other body is refused.
    expect({ even, odd }).toEqual(even[0] === 'ok' ? { even: allOk, odd: allMismatch } : { even: allMismatch, odd: allOk });
    expect(new Set(answers.filter((r) => r.body.ok).map((r) => r.body.data.id)).size).toBe(1);
    expect((await countCases()) - casesBefore).toBe(1);
  }, 30_000);

  it('the same requestId is independent per caller and per action: another resident, and the front desk, each create their own case', async () => {
    const b = await h.login('resident-b');
    const fd = await h.login('frontdesk');
    const casesBefore = await countCases();
    const theirs = await h.call(b, 'case', submitBody(requestId, { householdId: '1-1-102' }));
    expect(theirs.status).toBe(200);
    expect(theirs.body.data.id).not.toBe(caseId);
    expect(theirs.body.data.householdId).toBe('1-1-102');
    const intake = await h.call(fd, 'workbench', {
      action: 'intake',
      requestId,
      householdId: '1-1-101',
      channel: 'phone',
      contactName: '李明',
      contactPhone: '13800001101',
      kind: 'repair',
      category: 'drainage',
      location: 'in_home',
      content: '卫生间地漏堵塞，排水很慢',
    });
    expect(intake.status).toBe(200);
    expect(new Set([caseId, theirs.body.data.id, intake.body.data.id]).size).toBe(3);
    expect((await countCases()) - casesBefore).toBe(2);
    // resident-a's retry still answers resident-a's case.
    const again = await h.call(await h.login('resident-a'), 'case', submitBody(requestId));
    expect(again.body.data.id).toBe(caseId);
  });

  it('the replay survives a platform restart on the same data folder (DATA_DIR)', async () => {
    const casesBefore = await countCases();
    const dir = h.dataDir;
    await h.restart();
    expect(h.dataDir).toBe(dir);
    const a = await h.login('resident-a');
    const answers = await Promise.all(times(10, () => h.call(a, 'case', submitBody(requestId))));
    expect(answers.map((r) => [r.status, r.body.data?.id])).toEqual(times(10, () => [200, caseId]));
    expect(answers[0].body.data).toEqual(first);
    const mismatch = await h.call(a, 'case', submitBody(requestId, { content: '重启后换了内容的同一请求' }));
    expect([mismatch.status, mismatch.body.error?.code]).toEqual([409, 'REQUEST.REPLAY_MISMATCH']);
    expect(await countCases()).toBe(casesBefore);
    expect((await eventsOf(caseId)).map((e) => e.type)).toEqual(['submitted']);
    await O.settle(h);
    expect(await outboxFor(caseId, 'case.received')).toHaveLength(1);
  }, 30_000);
});

describe('[R-INT-4][R-INT-5] concurrent changes of one case keep the event log and the stored state in step', () => {
  it('20 concurrent workbench.assign by different staff: version == events, replay(events) == stored state, every success recorded once', async () => {
    const a = await h.login('resident-a');
    const sub = await h.call(a, 'case', submitBody(rid('asg')));
    expect(sub.status).toBe(200);
    const id = sub.body.data.id as string;
    const assigners = ['frontdesk', 'supervisor', 'manager'];
    const targets = ['manager', 'frontdesk', 'supervisor', 'manager', 'frontdesk'];
    const tokens = await Promise.all(assigners.map((u) => h.login(u)));
    const t0 = Date.now();
    const answers = await Promise.all(
      times(20, (i) => h.call(tokens[i % assigners.length], 'workbench', { action: 'assign', id, to: targets[i % targets.length], note: `第 ${i} 次转派` })),
    );
    const ms = Date.now() - t0;

    // Queued one after another, every assign applies to the version the previous one left: all 20 succeed.
    expect(answers.map((r) => [r.status, r.body.ok ? 'ok' : r.body.error.code])).toEqual(times(20, () => [200, 'ok']));
    const oks = answers.filter((r) => r.body.ok);

    await O.settle(h);
    const { stored, log } = await expectConsistent(id);
    const assigned = log.filter((e): e is Extract<CaseEvent, { type: 'assigned' }> => e.type === 'assigned');
    expect(assigned).toHaveLength(oks.length); // every success recorded once, no failure recorded
    expect(log).toHaveLength(1 + oks.length);
    // Each success saw its own version of the case: no two answers share a timeline length.
    expect(new Set(oks.map((r) => r.body.data.timeline.length)).size).toBe(oks.length);
    expect(stored.owner).toBe(assigned[assigned.length - 1].to); // one responsible person: the last assignee
    // A repair moves on by dispatch (R-REP-5), not by assignment: it stays submitted.
    expect(stored.status).toBe('submitted');
    // Each new owner is told, except whoever took the case on themselves.
    expect(await outboxFor(id, 'case.assigned')).toHaveLength(assigned.filter((e) => e.to !== e.by).length);
    console.log(`20 concurrent assigns: ${oks.length} ok, ${ms} ms`);
  }, 30_000);

  it('10 cancels by the resident racing 10 replies by the front desk: exactly one wins, the rest are 409, the log agrees', async () => {
    const a = await h.login('resident-a');
    const fd = await h.login('frontdesk');
    const sub = await h.call(a, 'case', { action: 'submit', requestId: rid('race2'), householdId: '1-1-101', kind: 'consultation', content: '请问小区快递柜在哪里？' });
    const id = sub.body.data.id as string;
    const answers = await Promise.all(
      times(20, (i) => (i % 2 ? h.call(fd, 'workbench', { action: 'reply', id, note: '快递柜在 2 号楼东侧' }) : h.call(a, 'case', { action: 'cancel', id, reason: '不需要了' }))),
    );
    const oks = answers.filter((r) => r.body.ok);
    expect(oks).toHaveLength(1);
    expect(answers.filter((r) => !r.body.ok).map((r) => [r.status, r.body.error.code])).toEqual(times(19, () => [409, 'CASE.INVALID_TRANSITION']));
    const { stored, log } = await expectConsistent(id);
    expect(log.map((e) => e.type)).toEqual(['submitted', oks[0].body.data.status === 'cancelled' ? 'cancelled' : 'replied']);
    expect(stored.status).toBe(oks[0].body.data.status);
  }, 30_000);
});

describe('one injected race drives each retry path: exact counts', () => {
  const as = (key: string) => ({ openid: O.demoOpenid(key) });
  const deps = () => h.platform.deps;
  const casesNow = () => countCases();

  it('[R-INT-7] a unique violation on the idempotency record (the same request committed first elsewhere): the call runs again and answers the winner; 1 case, 1 event', async () => {
    const body = submitBody(rid('inj-uq'));
    let won: unknown;
    const { store, stats } = injectOnce(deps().store, 'uniqueViolation', async () => (won = await dispatch(deps(), 'case', body, as('resident-a'))));
    const before = await casesNow();
    const out = await dispatch({ ...deps(), store }, 'case', body, as('resident-a'));
    expect(out).toEqual(won);
    expect(out.ok).toBe(true);
    expect(stats).toEqual({ transactions: 2, fired: 1 });
    expect((await casesNow()) - before).toBe(1);
    const id = (out as { data: { id: string } }).data.id;
    expect((await eventsOf(id)).map((e) => e.type)).toEqual(['submitted']);
    expect(await db().selectFrom('idempotency').select('key').where('key', 'like', `%${body.requestId}`).execute()).toHaveLength(1);
    expect(await outboxFor(id, 'case.received')).toHaveLength(1);
    await expectConsistent(id);
  });

  it('[R-INT-4] a version conflict on assign (the supervisor assigned the case in between): the call runs again on the new version; both assignments recorded once, in order', async () => {
    const sub = await dispatch(deps(), 'case', submitBody(rid('inj-v1'), { kind: 'consultation', category: undefined, location: undefined, content: '请问小区快递柜在哪里？' }), as('resident-a'));
    const id = (sub as { data: { id: string } }).data.id;
    const winner = () => dispatch(deps(), 'workbench', { action: 'assign', id, to: 'supervisor', note: '主管接手' }, as('manager'));
    const { store, stats } = injectOnce(deps().store, 'versionConflict', winner);
    const out = await dispatch({ ...deps(), store }, 'workbench', { action: 'assign', id, to: 'manager', note: '转经理' }, as('frontdesk'));
    expect([out.ok, out.ok ? (out.data as { owner: string }).owner : out.error.code]).toEqual([true, 'manager']);
    expect(stats).toEqual({ transactions: 2, fired: 1 });
    const { stored, log } = await expectConsistent(id);
    expect(log.map((e) => (e.type === 'assigned' ? `assigned ${e.to}` : e.type))).toEqual(['submitted', 'assigned supervisor', 'assigned manager']);
    expect(stored.version).toBe(3);
    await O.settle(h);
    expect((await outboxFor(id, 'case.assigned')).map((m) => m.to_user).sort()).toEqual(['manager', 'supervisor']);
  });

  it('[R-INT-4] a version conflict on arrive (the technician arrived from another device first): the call runs again, finds the repair on site and answers 409; one arrival', async () => {
    const c = await O.repairAt(h, 'resident-a', '1-1-101', 'dispatched');
    const arrive = { action: 'arrive', id: c.id };
    const { store, stats } = injectOnce(deps().store, 'versionConflict', () => dispatch(deps(), 'workbench', arrive, as('tech-1')));
    const out = await dispatch({ ...deps(), store }, 'workbench', arrive, as('tech-1'));
    expect(out).toMatchObject({ ok: false, error: { code: 'CASE.INVALID_TRANSITION' } });
    expect(stats).toEqual({ transactions: 2, fired: 1 });
    expect((await expectConsistent(c.id)).log.map((e) => e.type)).toEqual(['submitted', 'dispatched', 'arrived']);
  });

  it('[R-ESC-5] a version conflict in the sweep: that case is left for the next pass of the same tick, which records it; each breach and escalation exactly once', async () => {
    const a = await h.login('resident-a');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await h.call(a, 'case', submitBody(rid('inj-sw'), { category: 'burst_pipe', content: `第 ${i + 1} 处水管爆裂` }));
      ids.push(r.body.data.id);
    }
    // The sweep as of 16 minutes on (the platform clock itself stays put: its own timer cannot interfere).
    const at = h.platform.clock.now() + 16 * 60_000;
    const later = { ...deps(), clock: { now: () => at } };
    const { store, stats } = injectOnce(deps().store, 'versionConflict');
    const first = await sweep({ ...later, store });
    expect([first.escalations, first.conflicts, stats.fired]).toEqual([2, 1, 1]);
    const second = await sweep(later);
    expect([second.escalations, second.conflicts]).toEqual([1, 0]);
    expect((await sweep(later)).events).toBe(0);
    for (const id of ids) expect((await expectConsistent(id)).log.map((e) => e.type)).toEqual(['submitted', 'breached', 'escalated']);
  });
});
