/**
 * Issue 7 item 3: inputs that could reach a store constraint or an unexpected throw, for every action of
 * the handler map, through the real platform (HTTP gateway → dispatcher → SQLite store): duplicate ids in
 * arrays, one requestId on different actions and callers, ids that do not exist, ids of the wrong kind,
 * a "technician" who is not one, objects of another community, repeated transitions. Each answers its
 * contract code — never INTERNAL / 500 — and a refusal changes nothing.
 */
import { handlers } from '../../core/api/handlers';
import { startHarness, rid, type Harness } from '../support/harness';
import * as O from '../support/objects';
import { uploadPhotoAs } from '../support/calls';

let h: Harness;
const upload = (user: string) => uploadPhotoAs(h, user);
const call = async (user: string, fn: string, body: Record<string, unknown>) => h.call(await h.login(user), fn, body);

// Objects the sweep aims at, made through the real actions in beforeAll.
const fx = {} as {
  photoA: string;
  photoA2: string;
  photoB: string;
  photoDesk: string;
  repair: string;
  consultation: string;
  complaint: string;
  done: string;
  binding: string;
  messageB: string;
};

beforeAll(async () => {
  h = await startHarness();
  await O.createCommunityB(h);
  fx.photoA = await upload('resident-a');
  fx.photoA2 = await upload('resident-a');
  fx.photoB = await upload('resident-b');
  fx.photoDesk = await upload('frontdesk');
  fx.repair = (await O.repairAt(h, 'resident-a', '1-1-101', 'dispatched')).id;
  fx.consultation = (await O.submitCase(h, 'resident-a', '1-1-101')).id;
  fx.complaint = (await O.submitCase(h, 'resident-a', '1-1-101', { kind: 'complaint', content: '楼道长期堆放杂物无人清理' })).id;
  fx.done = (await O.repairAt(h, 'resident-a', '1-1-101', 'completed')).id;
  fx.binding = (await O.createPendingBinding(h, '1-1-102')).id;
  await O.submitCase(h, 'resident-b', '1-1-102');
  fx.messageB = await O.latestUnreadMessage(h, 'resident-b');
}, 30_000);
afterAll(() => h?.close());

describe('item 3: the same photo twice in one submission', () => {
  it('item 3: [R-REP-1] the same photo twice in one submission is refused as INPUT.INVALID with a clear message, and stores nothing', async () => {
    const db = O.dbOf(h);
    const before = await O.fingerprint(db);
    const twice = await call('resident-a', 'case', O.repair('1-1-101', { photos: [fx.photoA, fx.photoA2, fx.photoA] }));
    const intake = await call('frontdesk', 'workbench', {
      action: 'intake',
      requestId: rid('dup'),
      householdId: '1-1-101',
      channel: 'phone',
      contactName: '李明',
      contactPhone: '13800001101',
      kind: 'help',
      content: '门禁卡丢失需要补办',
      photos: [fx.photoDesk, fx.photoDesk],
    });
    const expected = [400, 'INPUT.INVALID', { photos: '同一张照片只需添加一次，请删除重复的照片' }];
    expect([twice.status, twice.body.error?.code, twice.body.error?.fields]).toEqual(expected);
    expect([intake.status, intake.body.error?.code, intake.body.error?.fields]).toEqual(expected);
    await O.settle(h);
    expect(O.changedTables(before, await O.fingerprint(db))).toEqual([]);
    // Each photo once is fine, and one photo may illustrate two cases.
    const once = await call('resident-a', 'case', O.repair('1-1-101', { photos: [fx.photoA, fx.photoA2] }));
    const again = await call('resident-a', 'case', O.repair('1-1-101', { photos: [fx.photoA] }));
    expect([once.status, once.body.data?.photos, again.status]).toEqual([200, [fx.photoA, fx.photoA2], 200]);
  });
});

describe('item 3: every action, swept for inputs that reach a constraint or throw', () => {
  type Probe = [label: string, user: string, fn: string, body: Record<string, unknown>, code: string];
  const ALL_ACTIONS = Object.entries(handlers).flatMap(([fn, actions]) => Object.keys(actions).map((a) => `${fn}.${a}`));
  const covered = new Set<string>();

  /** Runs probes in order; answers [label, code] for each (code 'ok' on success). */
  async function sweep(probes: Probe[]) {
    const out: [string, string][] = [];
    for (const [label, user, fn, body] of probes) {
      covered.add(`${fn}.${String(body.action)}`);
      const r = await call(user, fn, body);
      out.push([label, r.status === 500 ? `500 ${r.body.error?.code}` : r.body.ok ? 'ok' : r.body.error.code]);
    }
    return out;
  }
  const expectCodes = async (probes: Probe[]) => expect(await sweep(probes)).toEqual(probes.map(([label, , , , code]) => [label, code]));

  it('item 3: one requestId on different actions and by different callers never collides (R-INT-7 is per caller + action)', async () => {
    const shared = rid('shared');
    const repair = O.repair('1-1-101', { requestId: shared });
    await expectCodes([
      ['bind with the id', 'resident-a', 'account', { action: 'bind', requestId: shared, householdId: '1-2-201', name: '李明', phone: '13800001101', relation: 'tenant' }, 'ok'],
      ['submit with the same id', 'resident-a', 'case', repair, 'ok'],
      ['intake with the same id', 'frontdesk', 'workbench', { action: 'intake', requestId: shared, householdId: '1-1-101', channel: 'visit', contactName: '李明', contactPhone: '13800001101', kind: 'help', content: '门禁卡丢失需要补办' }, 'ok'],
      ['another resident, same id', 'resident-b', 'case', O.repair('1-1-102', { requestId: shared }), 'ok'],
      ['the same submit replayed', 'resident-a', 'case', repair, 'ok'],
      ['the same id, another body', 'resident-a', 'case', { ...repair, content: '卫生间下水堵塞了' }, 'REQUEST.REPLAY_MISMATCH'],
      ['bind again, same id and body, after approval or not', 'resident-a', 'account', { action: 'bind', requestId: shared, householdId: '1-2-201', name: '李明', phone: '13800001101', relation: 'tenant' }, 'ok'],
      ['bind the same household again, new id', 'resident-a', 'account', { action: 'bind', requestId: rid('b'), householdId: '1-2-201', name: '李明', phone: '13800001101', relation: 'tenant' }, 'BINDING.CONFLICT'],
      ['bind without a requestId, twice', 'resident-new', 'account', { action: 'bind', householdId: '1-2-201', name: '新住户', phone: '13711112222', relation: 'family' }, 'ok'],
      ['… the second time', 'resident-new', 'account', { action: 'bind', householdId: '1-2-201', name: '新住户', phone: '13711112222', relation: 'family' }, 'BINDING.CONFLICT'],
      ['bind an unknown household', 'resident-new', 'account', { action: 'bind', householdId: '9-9-999', name: '新住户', phone: '13711112222', relation: 'family' }, 'HOUSEHOLD.NOT_FOUND'],
    ]);
  });

  it('item 3: photos that are missing, someone else\'s or not photo ids are refused, never stored', async () => {
    const db = O.dbOf(h);
    const before = await O.fingerprint(db);
    await expectCodes([
      ['a photo that does not exist', 'resident-a', 'case', O.repair('1-1-101', { photos: ['f_doesnotexist'] }), 'FILE.NOT_FOUND'],
      ['another resident\'s photo', 'resident-a', 'case', O.repair('1-1-101', { photos: [fx.photoB] }), 'FILE.NOT_FOUND'],
      ['a case id as a photo', 'resident-a', 'case', O.repair('1-1-101', { photos: [fx.repair] }), 'INPUT.INVALID'],
      ['a resident\'s photo at the desk', 'frontdesk', 'workbench', { action: 'intake', requestId: rid('p'), householdId: '1-1-101', channel: 'phone', contactName: '李明', contactPhone: '13800001101', kind: 'help', content: '门禁卡丢失需要补办', photos: [fx.photoA] }, 'FILE.NOT_FOUND'],
      ['the desk\'s photo, then the same twice', 'frontdesk', 'workbench', { action: 'intake', requestId: rid('p'), householdId: '1-1-101', channel: 'phone', contactName: '李明', contactPhone: '13800001101', kind: 'help', content: '门禁卡丢失需要补办', photos: [fx.photoDesk, fx.photoDesk] }, 'INPUT.INVALID'],
      ['a household of another community', 'frontdesk', 'workbench', { action: 'intake', requestId: rid('p'), householdId: O.COMMUNITY_B.household, channel: 'phone', contactName: '李明', contactPhone: '13800001101', kind: 'help', content: '门禁卡丢失需要补办' }, 'HOUSEHOLD.NOT_FOUND'],
    ]);
    await O.settle(h);
    expect(O.changedTables(before, await O.fingerprint(db))).toEqual([]);
  });

  it('item 3: people who are not the right staff, and ids of the wrong kind, are NOT_FOUND', async () => {
    const db = O.dbOf(h);
    const before = await O.fingerprint(db);
    const dispatchTo = (technicianId: string) => ({ action: 'dispatch', id: fx.repair, technicianId });
    const assignTo = (to: string) => ({ action: 'assign', id: fx.consultation, to });
    await expectCodes([
      ['dispatch to a resident', 'frontdesk', 'workbench', dispatchTo('resident-a'), 'USER.NOT_FOUND'],
      ['dispatch to the front desk (staff, not a technician)', 'frontdesk', 'workbench', dispatchTo('frontdesk'), 'USER.NOT_FOUND'],
      ['dispatch to a technician of another community', 'frontdesk', 'workbench', dispatchTo(O.COMMUNITY_B.staff), 'USER.NOT_FOUND'],
      ['dispatch to nobody', 'frontdesk', 'workbench', dispatchTo('u_nobody'), 'USER.NOT_FOUND'],
      ['dispatch to a case id', 'frontdesk', 'workbench', dispatchTo(fx.repair), 'USER.NOT_FOUND'],
      ['dispatch a consultation', 'frontdesk', 'workbench', { action: 'dispatch', id: fx.consultation, technicianId: 'tech-1' }, 'CASE.INVALID_TRANSITION'],
      ['assign to a resident', 'frontdesk', 'workbench', assignTo('resident-a'), 'USER.NOT_FOUND'],
      ['assign to staff of another community', 'frontdesk', 'workbench', assignTo(O.COMMUNITY_B.staff), 'USER.NOT_FOUND'],
      ['assign to a binding id', 'frontdesk', 'workbench', assignTo(fx.binding), 'USER.NOT_FOUND'],
      ['approve a case id', 'frontdesk', 'account', { action: 'approveBinding', id: fx.repair }, 'BINDING.NOT_FOUND'],
      ['reject a message id', 'frontdesk', 'account', { action: 'rejectBinding', id: fx.messageB, reason: '信息不符' }, 'BINDING.NOT_FOUND'],
      ['read a binding id as a case', 'resident-a', 'case', { action: 'get', id: fx.binding }, 'CASE.NOT_FOUND'],
      ['cancel a photo id', 'resident-a', 'case', { action: 'cancel', id: fx.photoA }, 'CASE.NOT_FOUND'],
      ['urge a message id', 'resident-a', 'case', { action: 'urge', id: fx.messageB }, 'CASE.NOT_FOUND'],
      ['accept a quote on a binding id', 'resident-a', 'case', { action: 'acceptQuote', id: fx.binding }, 'CASE.NOT_FOUND'],
      ['decline a quote on a user id', 'resident-a', 'case', { action: 'declineQuote', id: 'resident-a' }, 'CASE.NOT_FOUND'],
      ['confirm a binding id', 'resident-a', 'case', { action: 'confirm', id: fx.binding, ok: true }, 'CASE.NOT_FOUND'],
      ['rate a photo id', 'resident-a', 'case', { action: 'rate', id: fx.photoA, stars: 5 }, 'CASE.NOT_FOUND'],
      ['workbench.get a binding id', 'frontdesk', 'workbench', { action: 'get', id: fx.binding }, 'CASE.NOT_FOUND'],
      ['reply to a user id', 'frontdesk', 'workbench', { action: 'reply', id: 'tech-1', note: '已答复' }, 'CASE.NOT_FOUND'],
      ['arrive at a binding id', 'tech-1', 'workbench', { action: 'arrive', id: fx.binding }, 'CASE.NOT_FOUND'],
      ['quote a message id', 'tech-1', 'workbench', { action: 'quote', id: fx.messageB, feeFen: 8000, note: '更换阀芯' }, 'CASE.NOT_FOUND'],
      ['complete a photo id', 'tech-1', 'workbench', { action: 'complete', id: fx.photoA, result: '已修好' }, 'CASE.NOT_FOUND'],
      ['call back a binding id', 'frontdesk', 'workbench', { action: 'callback', id: fx.binding, outcome: 'satisfied', method: 'phone' }, 'CASE.NOT_FOUND'],
      ['pause a user id', 'frontdesk', 'workbench', { action: 'pause', id: 'frontdesk', reason: '住户不在家' }, 'CASE.NOT_FOUND'],
      ['resume a binding id', 'frontdesk', 'workbench', { action: 'resume', id: fx.binding }, 'CASE.NOT_FOUND'],
      ['close a message id', 'manager', 'workbench', { action: 'closeUnresolvable', id: fx.messageB, reason: '住户拒绝入户维修，多次沟通无果' }, 'CASE.NOT_FOUND'],
      ['classify a binding id', 'frontdesk', 'workbench', { action: 'classify', id: fx.binding, level: 'minor' }, 'CASE.NOT_FOUND'],
      ['contact on a photo id', 'frontdesk', 'workbench', { action: 'contact', id: fx.photoA, note: '电话联系住户' }, 'CASE.NOT_FOUND'],
      ['mark a message id invalid', 'frontdesk', 'workbench', { action: 'markInvalid', id: fx.messageB, reason: '不属物业管理范围' }, 'CASE.NOT_FOUND'],
      ['close a user id', 'frontdesk', 'workbench', { action: 'close', id: 'tech-1' }, 'CASE.NOT_FOUND'],
      ['classify a repair (complaints only)', 'frontdesk', 'workbench', { action: 'classify', id: fx.repair, level: 'minor' }, 'CASE.INVALID_TRANSITION'],
      ['classify naming a resident as the staff complained about', 'frontdesk', 'workbench', { action: 'classify', id: fx.complaint, level: 'minor', aboutStaff: 'resident-a' }, 'INPUT.INVALID'],
      ['contact before classifying', 'frontdesk', 'workbench', { action: 'contact', id: fx.complaint, note: '电话联系住户' }, 'CASE.INVALID_TRANSITION'],
      ['close a complaint still open', 'frontdesk', 'workbench', { action: 'close', id: fx.complaint }, 'CASE.INVALID_TRANSITION'],
      ['mark a consultation invalid', 'frontdesk', 'workbench', { action: 'markInvalid', id: fx.consultation, reason: '不属物业管理范围' }, 'CASE.INVALID_TRANSITION'],
    ]);
    await O.settle(h);
    expect(O.changedTables(before, await O.fingerprint(db))).toEqual([]);
  });

  it('item 3: repeated transitions, duplicate ids in lists and odd filters answer their codes', async () => {
    await expectCodes([
      ['quote free common-area work', 'tech-1', 'workbench', { action: 'quote', id: fx.done, feeFen: 100, note: '更换阀芯' }, 'CASE.INVALID_TRANSITION'],
      ['complete before arriving', 'tech-1', 'workbench', { action: 'complete', id: fx.repair, result: '已修好' }, 'CASE.INVALID_TRANSITION'],
      ['complete as another technician (not his work order: out of his reach, R-ACC-5)', 'tech-2', 'workbench', { action: 'complete', id: fx.repair, result: '已修好' }, 'CASE.NOT_FOUND'],
      ['confirm the completed work', 'resident-a', 'case', { action: 'confirm', id: fx.done, ok: true }, 'ok'],
      ['confirm it again', 'resident-a', 'case', { action: 'confirm', id: fx.done, ok: true }, 'CASE.INVALID_TRANSITION'],
      ['call back', 'frontdesk', 'workbench', { action: 'callback', id: fx.done, outcome: 'satisfied', method: 'phone' }, 'ok'],
      ['call back again', 'frontdesk', 'workbench', { action: 'callback', id: fx.done, outcome: 'satisfied', method: 'phone' }, 'CASE.INVALID_TRANSITION'],
      ['rate', 'resident-a', 'case', { action: 'rate', id: fx.done, stars: 5 }, 'ok'],
      ['rate again', 'resident-a', 'case', { action: 'rate', id: fx.done, stars: 1 }, 'CASE.INVALID_TRANSITION'],
      ['resume what is not paused', 'frontdesk', 'workbench', { action: 'resume', id: fx.repair }, 'CASE.INVALID_TRANSITION'],
      ['pause', 'frontdesk', 'workbench', { action: 'pause', id: fx.repair, reason: '住户不在家' }, 'ok'],
      ['pause again', 'frontdesk', 'workbench', { action: 'pause', id: fx.repair, reason: '住户不在家' }, 'CASE.INVALID_TRANSITION'],
      ['resume', 'frontdesk', 'workbench', { action: 'resume', id: fx.repair }, 'ok'],
      ['urge it', 'resident-a', 'case', { action: 'urge', id: fx.repair }, 'ok'],
      ['urge it at once again', 'resident-a', 'case', { action: 'urge', id: fx.repair }, 'RATE.LIMITED'],
      ['accept a quote never made', 'resident-a', 'case', { action: 'acceptQuote', id: fx.repair }, 'CASE.INVALID_TRANSITION'],
      ['decline a quote never made', 'resident-a', 'case', { action: 'declineQuote', id: fx.repair }, 'CASE.INVALID_TRANSITION'],
      ['arrive (tech-1 holds it)', 'tech-1', 'workbench', { action: 'arrive', id: fx.repair }, 'ok'],
      ['complete with the same material twice', 'tech-1', 'workbench', { action: 'complete', id: fx.repair, result: '已修好', materials: ['阀芯', '阀芯'] }, 'ok'],
      ['close a consultation unresolvable', 'manager', 'workbench', { action: 'closeUnresolvable', id: fx.consultation, reason: '住户拒绝入户维修，多次沟通无果' }, 'ok'],
      ['close it again', 'manager', 'workbench', { action: 'closeUnresolvable', id: fx.consultation, reason: '住户拒绝入户维修，多次沟通无果' }, 'CASE.INVALID_TRANSITION'],
      ['reply to the closed case', 'frontdesk', 'workbench', { action: 'reply', id: fx.consultation, note: '快递柜在东门' }, 'CASE.INVALID_TRANSITION'],
      ['cancel the closed case', 'resident-a', 'case', { action: 'cancel', id: fx.consultation }, 'CASE.INVALID_TRANSITION'],
      ['approve a binding', 'frontdesk', 'account', { action: 'approveBinding', id: fx.binding }, 'ok'],
      ['approve it again', 'frontdesk', 'account', { action: 'approveBinding', id: fx.binding }, 'BINDING.INVALID_TRANSITION'],
      ['reject it after approval', 'frontdesk', 'account', { action: 'rejectBinding', id: fx.binding, reason: '信息不符' }, 'BINDING.INVALID_TRANSITION'],
      ['read messages: duplicates, others\' and non-message ids', 'resident-a', 'message', { action: 'read', ids: [fx.messageB, fx.messageB, fx.repair, 'x'] }, 'ok'],
      ['list messages', 'resident-a', 'message', { action: 'list' }, 'ok'],
      ['an upload path', 'resident-a', 'file', { action: 'uploadPath' }, 'ok'],
      ['register a cloud id never uploaded', 'resident-a', 'file', { action: 'register', requestId: rid('reg'), fileId: `cloud://local-env.6c6f-local-env-1300000000/uploads/${O.testOpenid('x')}/nothing1.png` }, 'FILE.NOT_FOUND'],
      ['register another environment\'s id', 'resident-a', 'file', { action: 'register', requestId: rid('reg'), fileId: 'cloud://prod.6c6f-prod-1300000000/uploads/o_demo_resident-a/nothing1.png' }, 'FILE.NOT_FOUND'],
      ['a URL for a photo of another household', 'resident-a', 'file', { action: 'url', fileId: fx.photoB }, 'FILE.NOT_FOUND'],
      ['a URL for a case id', 'resident-a', 'file', { action: 'url', fileId: fx.repair }, 'INPUT.INVALID'],
      ['a URL for a file id never given', 'frontdesk', 'file', { action: 'url', fileId: 'f_neverissued0' }, 'FILE.NOT_FOUND'],
      ['queue filtered by a resident as technician and an unknown room', 'frontdesk', 'workbench', { action: 'queue', technician: 'resident-a', householdId: '9-9-999' }, 'ok'],
      ['queue with a cursor that is not one', 'frontdesk', 'workbench', { action: 'queue', cursor: '-1; drop table cases' }, 'INPUT.INVALID'],
      ['queue with the case list\'s cursor', 'frontdesk', 'workbench', { action: 'queue', cursor: 'c,z,n1,sc_1' }, 'INPUT.INVALID'],
      ['list with a cursor that is not one', 'resident-a', 'case', { action: 'list', cursor: '99999999999999999999' }, 'INPUT.INVALID'],
      ['messages with a cursor that is not one', 'resident-a', 'message', { action: 'list', cursor: 'm,n1' }, 'INPUT.INVALID'],
      ['bindings with a cursor that is not one', 'frontdesk', 'account', { action: 'bindings', cursor: 'b,n2,n1,sb_1' }, 'INPUT.INVALID'],
      ['staff', 'frontdesk', 'workbench', { action: 'staff' }, 'ok'],
      ['staff of one role', 'frontdesk', 'workbench', { action: 'staff', role: 'technician' }, 'ok'],
      ['whom a case can go to', 'frontdesk', 'workbench', { action: 'assignees', id: fx.repair }, 'ok'],
      ['whom a case that is not one can go to', 'frontdesk', 'workbench', { action: 'assignees', id: 'c_nope' }, 'CASE.NOT_FOUND'],
      ['bindings by status', 'frontdesk', 'account', { action: 'bindings', status: 'approved' }, 'ok'],
      ['me', 'resident-a', 'account', { action: 'me' }, 'ok'],
      ['subscribe templates', 'resident-a', 'account', { action: 'subscribeTemplates' }, 'ok'],
      ['subscribe with one key twice', 'resident-a', 'account', { action: 'subscribe', requestId: rid('s'), accepted: ['caseProgress', 'caseProgress'] }, 'INPUT.INVALID'],
      ['subscribe with a raw template id', 'resident-a', 'account', { action: 'subscribe', requestId: rid('s'), accepted: ['vX1MxRmoPiYcPcmQSrmCMePMvVAFhTaDL'] }, 'INPUT.INVALID'],
      ['subscribe (no templates configured: nothing recorded)', 'resident-a', 'account', { action: 'subscribe', requestId: rid('s'), accepted: ['caseProgress'] }, 'ok'],
      ['a report for month 0000-01', 'manager', 'report', { action: 'monthly', month: '0000-01' }, 'INPUT.INVALID'],
      ['a report for 9999-12', 'manager', 'report', { action: 'monthly', month: '9999-12' }, 'INPUT.INVALID'],
      ['export a report for 9999-12', 'manager', 'report', { action: 'export', month: '9999-12' }, 'INPUT.INVALID'],
      ['export the report of 2026-11', 'supervisor', 'report', { action: 'export', month: '2026-11' }, 'ok'],
      ['import a register from a file id never given', 'manager', 'setup', { action: 'importHouseholds', fileId: 'f_neverissued0', commit: true }, 'FILE.NOT_FOUND'],
      ['import a register from a photo', 'manager', 'setup', { action: 'importHouseholds', fileId: fx.photoB, commit: false }, 'FILE.NOT_FOUND'],
      ['import a register into another community', 'manager', 'setup', { action: 'importHouseholds', fileId: 'f_neverissued0', commit: true, communityId: 'nowhere' }, 'COMMUNITY.NOT_FOUND'],
      ['export the register', 'manager', 'setup', { action: 'exportHouseholds' }, 'ok'],
    ]);
    // resident-b's message was not marked read by resident-a.
    const m = await O.dbOf(h).selectFrom('messages').select('read_at').where('id', '=', fx.messageB).executeTakeFirstOrThrow();
    expect(m.read_at).toBeNull();
  });

  it('item 3: community setup — ids of the wrong kind, people who are not staff and odd values answer their codes', async () => {
    await expectCodes([
      ['the staff list', 'manager', 'setup', { action: 'staff' }, 'ok'],
      ['invite with one role twice', 'manager', 'setup', { action: 'inviteStaff', requestId: rid('inv'), phone: '13711119999', name: '新同事', roles: ['cashier', 'cashier'] }, 'INPUT.INVALID'],
      ['invite into a community not one\'s own', 'manager', 'setup', { action: 'inviteStaff', requestId: rid('inv'), phone: '13711119998', name: '新同事', roles: ['cashier'], communityIds: [O.COMMUNITY_B.id] }, 'COMMUNITY.NOT_FOUND'],
      ['revoke a case id as an invitation', 'manager', 'setup', { action: 'revokeInvite', id: fx.repair }, 'INVITE.NOT_FOUND'],
      ['accept with a phone code never issued', 'resident-new', 'setup', { action: 'acceptInvite', requestId: rid('acc'), phoneCode: 'neverissued1' }, 'INPUT.PHONE_UNVERIFIED'],
      ['give roles to a resident', 'manager', 'setup', { action: 'setStaffRoles', userId: 'resident-a', roles: ['cashier'] }, 'STAFF.NOT_FOUND'],
      ['give roles to staff of another community', 'manager', 'setup', { action: 'setStaffRoles', userId: O.COMMUNITY_B.staff, roles: ['cashier'] }, 'STAFF.NOT_FOUND'],
      ['deactivate a case id', 'manager', 'setup', { action: 'deactivateStaff', userId: fx.repair }, 'STAFF.NOT_FOUND'],
      ['the rota', 'manager', 'setup', { action: 'rota' }, 'ok'],
      ['put a resident on duty', 'manager', 'setup', { action: 'setRota', entries: [{ day: '2030-01-01', shift: 'day', technicianId: 'resident-a' }] }, 'INPUT.INVALID'],
      ['put the front desk on duty (not a technician)', 'manager', 'setup', { action: 'setRota', entries: [{ day: '2030-01-01', shift: 'day', technicianId: 'frontdesk' }] }, 'INPUT.INVALID'],
      ['one shift twice', 'manager', 'setup', { action: 'setRota', entries: [{ day: '2030-01-01', shift: 'day', technicianId: 'tech-1' }, { day: '2030-01-01', shift: 'day', technicianId: 'tech-2' }] }, 'INPUT.INVALID'],
      ['the settings', 'manager', 'setup', { action: 'settings' }, 'ok'],
      ['an emergency window longer than the rule book allows', 'manager', 'setup', { action: 'saveSettings', requestId: rid('st'), effectiveFrom: '2030-01-01', settings: { sla: { emergencyArrival: 'PT2H' } } }, 'INPUT.INVALID'],
      ['the fee standards', 'manager', 'setup', { action: 'feeStandards' }, 'ok'],
      ['a price with a fraction of a fen', 'manager', 'setup', { action: 'saveFeeStandard', requestId: rid('fs'), item: 'parking', basis: 'per_space_month', priceFen: 1.5, effectiveFrom: '2030-01-01' }, 'INPUT.INVALID'],
    ]);
  });

  it('item 3: fees — ids of the wrong kind, other households\' bills and odd values answer their codes', async () => {
    await expectCodes([
      ['the standards', 'resident-a', 'fee', { action: 'standards' }, 'ok'],
      ['bills of another household', 'resident-a', 'fee', { action: 'bills', householdId: '1-1-102' }, 'HOUSEHOLD.NOT_FOUND'],
      ['preview a case id as a bill', 'resident-a', 'fee', { action: 'preview', billIds: [fx.repair] }, 'BILL.NOT_FOUND'],
      ['preview one bill twice and a SQL fragment', 'resident-a', 'fee', { action: 'preview', billIds: ["x' or 1=1 --"] }, 'INPUT.INVALID'],
      ['pay no bills', 'resident-a', 'fee', { action: 'pay', requestId: rid('pay'), billIds: [] }, 'INPUT.INVALID'],
      ['pay a binding id as a bill', 'resident-a', 'fee', { action: 'pay', requestId: rid('pay'), billIds: [fx.binding] }, 'BILL.NOT_FOUND'],
      ['an order that is not one', 'resident-a', 'fee', { action: 'order', outTradeNo: 'wx_nope000' }, 'ORDER.NOT_FOUND'],
      ['the receipts', 'resident-a', 'fee', { action: 'receipts' }, 'ok'],
      ['the refunds', 'resident-a', 'fee', { action: 'refunds' }, 'ok'],
      ['refunds of another household', 'resident-a', 'fee', { action: 'refunds', householdId: '1-1-102' }, 'HOUSEHOLD.NOT_FOUND'],
      ['a receipt never issued', 'resident-a', 'fee', { action: 'receipt', number: 'demo-2026-999999' }, 'RECEIPT.NOT_FOUND'],
      ['verify a receipt never issued', 'resident-new', 'fee', { action: 'verifyReceipt', number: 'demo-2026-999999', code: 'ABCD1234' }, 'RECEIPT.NOT_FOUND'],
      ['bills for month 13', 'cashier', 'cashier', { action: 'issueBills', period: '2026-13' }, 'INPUT.INVALID'],
      ['bills for another community', 'cashier', 'cashier', { action: 'issueBills', period: '2026-12', communityId: O.COMMUNITY_B.id }, 'COMMUNITY.NOT_FOUND'],
      ['the arrears', 'cashier', 'cashier', { action: 'arrears' }, 'ok'],
      ['arrears of another community', 'cashier', 'cashier', { action: 'arrears', communityId: O.COMMUNITY_B.id }, 'COMMUNITY.NOT_FOUND'],
      ['remind a household that owes nothing overdue', 'cashier', 'cashier', { action: 'remind', householdId: '9-9-909' }, 'HOUSEHOLD.NOT_FOUND'],
      ['a demand letter for a room of another community', 'cashier', 'cashier', { action: 'demandLetter', householdId: O.COMMUNITY_B.household }, 'HOUSEHOLD.NOT_FOUND'],
      ['the community\'s receipts', 'cashier', 'cashier', { action: 'receipts' }, 'ok'],
      ['void a receipt never issued', 'cashier', 'cashier', { action: 'voidReceipt', number: 'demo-2026-999999', reason: '重复开具' }, 'RECEIPT.NOT_FOUND'],
      ['void a case id as a receipt', 'cashier', 'cashier', { action: 'voidReceipt', number: fx.repair, reason: '重复开具' }, 'INPUT.INVALID'],
      ['the day book of 30 February', 'cashier', 'cashier', { action: 'dayBook', date: '2026-02-30' }, 'INPUT.INVALID'],
      ['the day book', 'cashier', 'cashier', { action: 'dayBook', date: '2026-12-01' }, 'ok'],
      ['export a day book of another community', 'cashier', 'cashier', { action: 'exportDayBook', date: '2026-12-01', communityId: O.COMMUNITY_B.id }, 'COMMUNITY.NOT_FOUND'],
    ]);
  });

  it('item 3: renovation — files not one\'s own, ids of the wrong kind, odd values and repeated steps answer their codes', async () => {
    const docs = async () => ({ form: await upload('resident-a'), drawings: [fx.photoA, fx.photoA], workers: [{ name: '张师傅', idNumber: '110101199001011234', photo: fx.photoA }, { name: '李师傅', idNumber: '11010119851231567x', photo: fx.photoA }], licence: fx.photoA, qualification: fx.photoA2 });
    const apply = async (over: Record<string, unknown> = {}) => ({ action: 'apply', requestId: rid('rn'), householdId: '1-1-101', applicant: 'owner', plan: '厨卫翻新', structuralChange: false, areaM2: 60, startDate: '2030-01-02', endDate: '2030-02-01', documents: await docs(), rulesAccepted: true, ...over });
    const first = await call('resident-a', 'renovation', await apply());
    expect(first.status).toBe(200);
    const id = first.body.data.id as string;
    await expectCodes([
      ['the rules', 'resident-new', 'renovation', { action: 'rules' }, 'ok'],
      ['a quote for another household', 'resident-a', 'renovation', { action: 'quote', householdId: '1-1-102', areaM2: 60 }, 'HOUSEHOLD.NOT_FOUND'],
      ['a quote for an area of 3 decimals', 'resident-a', 'renovation', { action: 'quote', householdId: '1-1-101', areaM2: 60.125 }, 'INPUT.INVALID'],
      ['apply with a file never issued', 'resident-a', 'renovation', await apply({ documents: { ...(await docs()), licence: 'f_neverissued0' } }), 'FILE.NOT_FOUND'],
      ['apply with another resident\'s photo', 'resident-a', 'renovation', await apply({ documents: { ...(await docs()), licence: fx.photoB } }), 'FILE.NOT_FOUND'],
      ['apply with a case id as a document', 'resident-a', 'renovation', await apply({ documents: { ...(await docs()), form: fx.repair } }), 'INPUT.INVALID'],
      ['apply with an ID number of 17 digits', 'resident-a', 'renovation', await apply({ documents: { ...(await docs()), workers: [{ name: '张师傅', idNumber: '11010119900101123', photo: fx.photoA }] } }), 'INPUT.INVALID'],
      ['apply ending before it starts', 'resident-a', 'renovation', await apply({ startDate: '2030-02-01', endDate: '2030-01-01' }), 'INPUT.INVALID'],
      ['apply with an unknown household', 'resident-a', 'renovation', await apply({ householdId: '9-9-999' }), 'HOUSEHOLD.NOT_FOUND'],
      ['apply again for the same household (one photo for every document)', 'resident-a', 'renovation', await apply(), 'ok'],
      ['get a case id', 'resident-a', 'renovation', { action: 'get', id: fx.repair }, 'RENOVATION.NOT_FOUND'],
      ['list another household', 'resident-a', 'renovation', { action: 'list', householdId: '1-1-102' }, 'HOUSEHOLD.NOT_FOUND'],
      ['list an unknown household', 'reno-officer', 'renovation', { action: 'list', householdId: '9-9-999' }, 'HOUSEHOLD.NOT_FOUND'],
      ['resubmit what was never returned', 'resident-a', 'renovation', { action: 'resubmit', id, documents: {} }, 'RENOVATION.INVALID_TRANSITION'],
      ['return naming nothing', 'reno-officer', 'renovation', { action: 'review', id, decision: 'return' }, 'INPUT.INVALID'],
      ['return naming an unknown document', 'reno-officer', 'renovation', { action: 'review', id, decision: 'return', missing: ['passport'] }, 'INPUT.INVALID'],
      ['inspect before approval', 'reno-officer', 'renovation', { action: 'inspect', id, passed: true, findings: '正常' }, 'RENOVATION.INVALID_TRANSITION'],
      ['accept before approval', 'reno-officer', 'renovation', { action: 'accept', id }, 'RENOVATION.INVALID_TRANSITION'],
      ['approve', 'reno-officer', 'renovation', { action: 'review', id, decision: 'approve' }, 'ok'],
      ['approve again', 'manager', 'renovation', { action: 'review', id, decision: 'approve' }, 'RENOVATION.INVALID_TRANSITION'],
      ['a closure test started in the future', 'reno-officer', 'renovation', { action: 'closureTest', id, passed: true, note: '无渗漏', startedAt: '2099-01-01T00:00:00+08:00' }, 'INPUT.INVALID'],
      ['inspection photos of another resident', 'reno-officer', 'renovation', { action: 'inspect', id, passed: true, findings: '正常', photos: [fx.photoB] }, 'FILE.NOT_FOUND'],
      ['a violation whose deadline has passed', 'reno-officer', 'renovation', { action: 'violation', id, description: '私接公共用电', deadline: '2020-01-01T00:00:00+08:00' }, 'INPUT.INVALID'],
      ['resolve a violation never noticed', 'reno-officer', 'renovation', { action: 'resolveViolation', id, violationId: fx.repair, outcome: 'rectified', note: '已整改' }, 'RENOVATION.INVALID_TRANSITION'],
      ['accept while the bill is unpaid', 'reno-officer', 'renovation', { action: 'accept', id }, 'RENOVATION.BILL_UNPAID'],
      ['a deduction of a fraction of a fen', 'reno-officer', 'renovation', { action: 'accept', id, deductions: [{ reason: '墙面污损', amountFen: 10.5 }] }, 'INPUT.INVALID'],
    ]);
  });

  it('item 3: the sweep reached every action of the handler map', () => {
    expect(ALL_ACTIONS.filter((a) => !covered.has(a))).toEqual([]);
  });
});
