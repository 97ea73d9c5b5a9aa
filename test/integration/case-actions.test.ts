/**
 * What the pages read instead of copying rules: the case view's per-caller `actions` and `nextUrgeAt`,
 * and `account.me`'s `permissions`. Checked against a spec table written here from the rule book (not
 * read from policy.ts or the transition table), and against what the API itself then accepts.
 */
import { dispatch } from '../../core/api/dispatch';
import { startHarness, type Harness } from '../support/harness';
import * as O from '../support/objects';
import { MINUTE, advance, platformNow } from '../support/clock';
import { callsAs } from '../support/calls';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const { call, ok, refusal } = callsAs(() => h);

const RESIDENT_ACTIONS = ['cancel', 'urge', 'acceptQuote', 'declineQuote', 'confirm', 'rate'] as const;
const STAFF_ACTIONS = ['assign', 'reply', 'dispatch', 'arrive', 'quote', 'complete', 'callback', 'pause', 'resume', 'closeUnresolvable'] as const;
type Action = (typeof RESIDENT_ACTIONS)[number] | (typeof STAFF_ACTIONS)[number];

/** A valid body for each action (the one thing that may refuse it is who asks, and when). */
const BODY: Record<Action, Record<string, unknown>> = {
  cancel: {},
  urge: {},
  acceptQuote: {},
  declineQuote: {},
  confirm: { ok: true },
  rate: { stars: 5 },
  assign: { to: 'supervisor' },
  reply: { note: '您好，感谢您的咨询，快递柜位于 3 号楼东侧。' },
  dispatch: { technicianId: 'tech-2' },
  arrive: {},
  quote: { feeFen: 5000, note: '更换阀芯（含材料）' },
  complete: { result: '已更换阀芯，不再滴水', materials: [] },
  callback: { outcome: 'satisfied', method: 'phone' },
  pause: { reason: '住户出差，约下周上门' },
  resume: {},
  closeUnresolvable: { reason: '该管道属市政供水管网，已报自来水公司并告知住户' },
};

const fnOf = (a: Action) => ((RESIDENT_ACTIONS as readonly string[]).includes(a) ? 'case' : 'workbench');

type Stage = 'consultation' | 'submitted' | 'dispatched' | 'on_site' | 'quoted' | 'completed' | 'common_on_site';

/** A fresh case of 1-1-101 in the stage, reached through the real actions (tech-1 holds the work order). */
async function caseAt(stage: Stage): Promise<string> {
  if (stage === 'consultation') return (await O.submitCase(h, 'resident-a', '1-1-101')).id;
  if (stage === 'common_on_site') return (await O.repairAt(h, 'resident-a', '1-1-101', 'on_site', { over: { category: 'public_lighting', location: 'common_area' } })).id;
  return (await O.repairAt(h, 'resident-a', '1-1-101', stage)).id;
}

/** The view as the caller reads it: residents through case.get, staff through workbench.get. */
const viewAs = (user: string, id: string) => ok(user, user.startsWith('resident') ? 'case' : 'workbench', { action: 'get', id });

/** The caller's actions on the case; none when the case is out of their reach (404: they cannot even see it). */
async function actionsAs(user: string, id: string): Promise<string[]> {
  const r = await call(user, user.startsWith('resident') ? 'case' : 'workbench', { action: 'get', id });
  if (r.status === 404) return [];
  if (!r.body.ok) throw new Error(`get as ${user}: ${r.status} ${JSON.stringify(r.body.error)}`);
  return r.body.data.actions;
}

/**
 * The spec, from the rule book: who may do what on a case of 1-1-101 in each stage (tech-1 on the work
 * order, in-home unless common_on_site). R-ACC-3 roles, R-REP-2 quotes, R-REP-5 flow, R-REP-6 callbacks by
 * the desk and never by the technician, R-ESC-4 the manager closes, R-SAT-1 ratings of completed service.
 */
const DESK = (extra: Action[]) => ({ frontdesk: extra, supervisor: extra, manager: [...extra, 'closeUnresolvable'] as Action[] });
const SPEC: Record<Stage, Record<string, Action[]>> = {
  consultation: { 'resident-a': ['cancel', 'urge'], ...DESK(['assign', 'reply', 'pause']), 'tech-1': [], 'tech-2': [], cashier: [] },
  submitted: { 'resident-a': ['cancel', 'urge'], ...DESK(['assign', 'dispatch', 'pause']), 'tech-1': [], 'tech-2': [], cashier: [] },
  dispatched: { 'resident-a': ['cancel', 'urge'], ...DESK(['assign', 'dispatch', 'pause']), 'tech-1': ['arrive', 'pause'], 'tech-2': [], cashier: [] },
  on_site: { 'resident-a': ['cancel', 'urge'], ...DESK(['assign', 'pause']), 'tech-1': ['quote', 'complete', 'pause'], 'tech-2': [], cashier: [] },
  common_on_site: { 'resident-a': ['cancel', 'urge'], ...DESK(['assign', 'pause']), 'tech-1': ['complete', 'pause'], 'tech-2': [], cashier: [] },
  // Waiting on the resident's decision: nothing to urge; the quote's pause ends with that decision, not by staff resuming (R-REP-2).
  quoted: { 'resident-a': ['cancel', 'acceptQuote', 'declineQuote'], ...DESK(['assign']), 'tech-1': [], 'tech-2': [], cashier: [] },
  // R-SAT-1: the rating waits for the confirmation (test/integration/promises.test.ts follows it on).
  completed: { 'resident-a': ['confirm'], frontdesk: ['callback'], supervisor: ['callback'], manager: ['callback'], 'tech-1': [], 'tech-2': [], cashier: [] },
};
const STAGES = Object.keys(SPEC) as Stage[];
const sorted = (xs: readonly string[]) => [...xs].sort();

describe('the case view carries what its reader may do (permission table × transition table × their part)', () => {
  it.each(STAGES)('[R-ACC-3][R-REP-5] %s: each reader gets exactly the actions of the spec table', async (stage) => {
    const id = await caseAt(stage);
    const got: Record<string, string[]> = {};
    for (const user of Object.keys(SPEC[stage])) got[user] = sorted(await actionsAs(user, id));
    expect(got).toEqual(Object.fromEntries(Object.entries(SPEC[stage]).map(([u, a]) => [u, sorted(a)])));
  });

  // Each offered action is accepted and each other one refused: the view promises nothing the API refuses.
  const TRIES = (['consultation', 'submitted', 'dispatched', 'on_site', 'quoted', 'completed'] as Stage[]).flatMap((stage) =>
    (['resident-a', 'frontdesk', 'tech-1', 'tech-2', 'manager'] as const).map((user) => [stage, user] as const),
  );
  it.each(TRIES)('[R-ACC-3] %s as %s: the API accepts exactly the offered actions', async (stage, user) => {
    const mine = user.startsWith('resident') ? RESIDENT_ACTIONS : STAFF_ACTIONS;
    const mismatches: string[] = [];
    for (const action of mine) {
      const id = await caseAt(stage);
      const offered = (await actionsAs(user, id)).includes(action);
      const out = await dispatch(h.platform.deps, fnOf(action), { action, id, ...BODY[action] }, { openid: O.demoOpenid(user) });
      if (out.ok !== offered) mismatches.push(`${action}: offered ${offered}, API ${out.ok ? 'accepted' : `refused ${out.error.code}`}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('[R-REP-5] a technician not on the work order gets no arrive, and the API refuses it; the one on it arrives', async () => {
    const id = await caseAt('dispatched');
    expect(await actionsAs('tech-2', id)).toEqual([]);
    // Refused: 403, or 404 where his role does not even reach the case.
    expect([[403, 'AUTH.FORBIDDEN'], [404, 'CASE.NOT_FOUND']]).toContainEqual(await refusal('tech-2', 'workbench', { action: 'arrive', id }));
    expect(await actionsAs('tech-1', id)).toContain('arrive');
    expect((await ok('tech-1', 'workbench', { action: 'arrive', id })).status).toBe('on_site');
  });

  it('[R-REP-2] an accepted quote is not quoted again: the view drops quote and the API refuses it; the fee cap is the accepted quote', async () => {
    const id = await caseAt('quoted');
    const accepted = await ok('resident-a', 'case', { action: 'acceptQuote', id });
    expect(accepted.work.maxFeeFen).toBe(8000);
    expect(sorted(await actionsAs('tech-1', id))).toEqual(['complete', 'pause']);
    expect(await refusal('tech-1', 'workbench', { action: 'quote', id, feeFen: 9000, note: '再加一个阀门' })).toEqual([409, 'CASE.INVALID_TRANSITION']);
    const common = await caseAt('common_on_site');
    expect(await refusal('tech-1', 'workbench', { action: 'quote', id: common, feeFen: 9000, note: '公共区域' })).toEqual([409, 'CASE.INVALID_TRANSITION']);
    expect((await viewAs('tech-1', common)).work.maxFeeFen).toBe(0);
  });

  it('[R-SAT-1] a repair closed by a declined quote offers no rating and refuses one; the resident sees the case as no longer open', async () => {
    const id = await caseAt('quoted');
    const declined = await ok('resident-a', 'case', { action: 'declineQuote', id });
    expect([declined.status, declined.open, declined.actions]).toEqual(['closed', false, []]);
    expect(await refusal('resident-a', 'case', { action: 'rate', id, stars: 4 })).toEqual([409, 'CASE.INVALID_TRANSITION']);
  });

  it('a resident may urge only after the interval: nextUrgeAt says when, and the API agrees on both sides of it', async () => {
    const id = await caseAt('dispatched');
    const before = await viewAs('resident-a', id);
    expect([before.actions.includes('urge'), before.nextUrgeAt]).toEqual([true, null]);
    const urged = await ok('resident-a', 'case', { action: 'urge', id });
    const at = Date.parse(urged.lastUrgedAt);
    expect(Date.parse(urged.nextUrgeAt)).toBe(at + 10 * MINUTE);
    // The platform clock also follows wall time: stop a minute short, so a slow machine cannot cross it.
    await advance(h, 10 * MINUTE - (await platformNow(h)) + at - MINUTE);
    const resting = await viewAs('resident-a', id);
    expect(Date.parse(resting.nextUrgeAt)).toBe(at + 10 * MINUTE);
    expect(await refusal('resident-a', 'case', { action: 'urge', id })).toEqual([429, 'RATE.LIMITED']);
    await advance(h, MINUTE);
    expect((await viewAs('resident-a', id)).nextUrgeAt).toBeNull();
    expect((await ok('resident-a', 'case', { action: 'urge', id })).lastUrgedAt).not.toBe(urged.lastUrgedAt);
  });

  it('lists carry each reader\'s actions too: the queue offers the desk dispatch and the resident list offers cancel', async () => {
    const id = await caseAt('submitted');
    const queued = (await ok('frontdesk', 'workbench', { action: 'queue', limit: 100 })).items.find((c: { id: string }) => c.id === id);
    expect(sorted(queued.actions)).toEqual(['assign', 'dispatch', 'pause']);
    const listed = (await ok('resident-a', 'case', { action: 'list' })).items.find((c: { id: string }) => c.id === id);
    expect(sorted(listed.actions)).toEqual(['cancel', 'urge']);
  });
});

describe('account.me carries the permissions the workbench menus are drawn from', () => {
  // Anyone may verify a receipt (fee.verifyReceipt: the code printed on it is the key).
  const ANYONE = ['account.me', 'account.bind', 'message.read', 'setup.acceptInvite', 'fee.verify'];
  const RESIDENT = ['case.submit', 'case.readOwn', 'case.cancelOwn', 'case.actOwn', 'fee.readOwn', 'fee.pay', 'renovation.apply', 'renovation.readOwn'];
  const STAFF = ['workbench.queue', 'workbench.read'];
  const DESK_ROWS = ['binding.review', 'workbench.intake', 'workbench.assign', 'workbench.reply', 'workbench.classify', 'workbench.dispatch', 'workbench.callback', 'workbench.pause'];
  const SPEC_ME: Record<string, string[]> = {
    'resident-a': [...ANYONE, ...RESIDENT],
    'resident-new': ANYONE,
    frontdesk: [...ANYONE, ...STAFF, ...DESK_ROWS, 'renovation.read'],
    'tech-1': [...ANYONE, ...STAFF, 'workbench.work', 'workbench.pause'],
    supervisor: [...ANYONE, ...STAFF, ...DESK_ROWS, 'report.read', 'setup.rota', 'renovation.read'],
    manager: [...ANYONE, ...STAFF, ...DESK_ROWS, 'report.read', 'workbench.closeUnresolvable', 'setup.households', 'setup.staff', 'setup.rota', 'setup.settings', 'cashier.bill', 'renovation.read', 'renovation.manage'],
    'reno-officer': [...ANYONE, ...STAFF, 'renovation.read', 'renovation.manage'],
    cashier: [...ANYONE, ...STAFF, 'cashier.bill'],
  };
  it.each(Object.keys(SPEC_ME))('[R-ACC-3] %s: exactly the rows of the spec', async (user) => {
    expect(sorted((await ok(user, 'account', { action: 'me' })).permissions)).toEqual(sorted(SPEC_ME[user]));
  });
});
