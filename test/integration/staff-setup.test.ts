/**
 * Staff accounts (issue 11): 经理 invites by phone; the person accepts from their own WeChat with that
 * phone verified (locally /local/phone-code, as account binding does); roles are changed; the duty rota
 * decides whom an emergency pages (R-REP-3); deactivating ends access at once and keeps the history.
 * Real HTTP against the local platform, on SQLite and on MariaDB.
 */
import { rid, startHarness, type Harness, type TestStore } from '../support/harness';
import * as O from '../support/objects';

const NEW_PHONE = '13700001234';

describe.each<TestStore>(['sqlite', 'mariadb'])('staff accounts on %s', (store) => {
  let h: Harness;
  const call = async (user: string, fn: string, body: Record<string, unknown>) => h.call(await h.login(user), fn, body);
  const ok = async (user: string, fn: string, body: Record<string, unknown>) => {
    const r = await call(user, fn, body);
    if (r.status !== 200) throw new Error(`${user} ${fn}.${String(body.action)}: ${r.status} ${JSON.stringify(r.body.error)}`);
    return r.body.data;
  };
  const phoneCode = async (user: string) =>
    ((await (await fetch(`${h.url}/local/phone-code`, { method: 'POST', headers: { authorization: `Bearer ${await h.login(user)}` } })).json()) as { code: string }).code;
  const setClock = (iso: string) => fetch(`${h.url}/local/clock`, { method: 'POST', body: JSON.stringify({ set: iso }) });
  const emergency = () => ok('resident-a', 'case', { action: 'submit', requestId: rid('em'), householdId: '1-1-101', kind: 'repair', category: 'burst_pipe', content: '厨房水管爆了' });

  /** Who the front desk's dispatch list of a new repair and its technician list mark on duty (and who the dispatch list puts first). */
  const dutyLists = async () => {
    const r = await ok('resident-a', 'case', O.repair('1-1-101', { content: '卫生间的灯不亮了' }));
    const a = await ok('frontdesk', 'workbench', { action: 'assignees', id: r.id });
    const staff = await ok('frontdesk', 'workbench', { action: 'staff', role: 'technician' });
    const onDuty = (xs: { id: string; onDuty: boolean }[]) => xs.filter((x) => x.onDuty).map((x) => x.id);
    return [onDuty(a.dispatch), a.dispatch[0].id, onDuty(staff.items)];
  };

  beforeAll(async () => {
    h = await startHarness({ store });
    await setClock('2026-12-07T19:50:00+08:00'); // a Monday's day shift, ten minutes before the night shift
    // The invited person: a WeChat user who has opened the app (their phone as WeChat will verify it).
    await O.createUser(h, { id: 'new-tech', name: '微信用户', phone: NEW_PHONE });
    await O.createUser(h, { id: 'stranger', name: '微信用户', phone: '13700009999' });
  }, 60_000);
  afterAll(() => h?.close(), 60_000);

  it('[R-ACC-3] invite → the person verifies their phone and accepts → a technician of the community who sees their queue', async () => {
    const inv = await ok('manager', 'setup', { action: 'inviteStaff', requestId: rid('inv'), phone: NEW_PHONE, name: '黄新', roles: ['technician'] });
    expect(inv).toMatchObject({ name: '黄新', phone: '137****1234', status: 'pending', statusLabel: '待接受', communityIds: ['demo'] });
    // Not staff yet.
    expect((await call('new-tech', 'workbench', { action: 'queue' })).status).toBe(403);
    // Someone else's phone finds no invitation; a made-up code is refused; neither changes anything.
    const before = await O.fingerprint(O.dbOf(h));
    const other = await call('stranger', 'setup', { action: 'acceptInvite', requestId: rid('acc'), phoneCode: await phoneCode('stranger') });
    expect([other.status, other.body.error.code]).toEqual([404, 'INVITE.NOT_FOUND']);
    const bad = await call('new-tech', 'setup', { action: 'acceptInvite', requestId: rid('acc'), phoneCode: 'not-a-real-code' });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'INPUT.PHONE_UNVERIFIED']);
    expect(O.changedTables(before, await O.fingerprint(O.dbOf(h))).filter((t) => t !== 'users')).toEqual([]);

    const accepted = await ok('new-tech', 'setup', { action: 'acceptInvite', requestId: rid('acc'), phoneCode: await phoneCode('new-tech') });
    expect(accepted).toEqual({ name: '黄新', communities: [{ communityId: 'demo', roles: [{ role: 'technician', label: '维修技师' }] }] });
    const me = await ok('new-tech', 'account', { action: 'me' });
    expect([me.name, me.roles, me.permissions]).toEqual(['黄新', ['technician'], expect.arrayContaining(['workbench.queue', 'workbench.work'])]);
    expect((await call('new-tech', 'workbench', { action: 'queue' })).status).toBe(200);
    const list = await ok('manager', 'setup', { action: 'staff' });
    expect(list.members.find((m: { id: string }) => m.id === 'new-tech')).toMatchObject({ name: '黄新', phone: '137****1234', roles: [{ role: 'technician' }] });
    expect(list.invitations.find((i: { id: string }) => i.id === inv.id)).toMatchObject({ status: 'accepted' });
    // The same invitation cannot be used twice.
    const again = await call('new-tech', 'setup', { action: 'acceptInvite', requestId: rid('acc'), phoneCode: await phoneCode('new-tech') });
    expect(again.body.error.code).toBe('INVITE.NOT_FOUND');
  });

  it('refuses a second invitation to the same phone and inviting someone already on the staff', async () => {
    await ok('manager', 'setup', { action: 'inviteStaff', requestId: rid('inv'), phone: '13700005555', name: '林一', roles: ['frontdesk'] });
    const twice = await call('manager', 'setup', { action: 'inviteStaff', requestId: rid('inv'), phone: '13700005555', name: '林一', roles: ['cashier'] });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'INVITE.CONFLICT']);
    const staffAlready = await call('manager', 'setup', { action: 'inviteStaff', requestId: rid('inv'), phone: '13900000003', name: '刘洋', roles: ['technician'] });
    expect([staffAlready.status, staffAlready.body.error.code]).toEqual([409, 'STAFF.CONFLICT']);
    const badRole = await call('manager', 'setup', { action: 'inviteStaff', requestId: rid('inv'), phone: '13700005556', name: '林二', roles: ['janitor'] });
    expect(badRole.status).toBe(400);
  });

  it('roles are changed by the manager; the community keeps at least one manager', async () => {
    const r = await ok('manager', 'setup', { action: 'setStaffRoles', userId: 'new-tech', roles: ['technician', 'frontdesk'] });
    expect(r.roles.map((x: { role: string }) => x.role)).toEqual(['technician', 'frontdesk']);
    expect((await ok('new-tech', 'account', { action: 'me' })).roles.sort()).toEqual(['frontdesk', 'technician']);
    await ok('manager', 'setup', { action: 'setStaffRoles', userId: 'new-tech', roles: ['technician'] });
    const self = await call('manager', 'setup', { action: 'setStaffRoles', userId: 'manager', roles: ['frontdesk'] });
    expect([self.status, self.body.error.code]).toEqual([409, 'STAFF.LAST_MANAGER']);
    const nobody = await call('manager', 'setup', { action: 'setStaffRoles', userId: 'resident-a', roles: ['frontdesk'] });
    expect([nobody.status, nobody.body.error.code]).toEqual([404, 'STAFF.NOT_FOUND']);
  });

  it('[R-REP-3] the emergency pager follows the duty rota at the platform clock; an unplanned shift pages the default on-duty technician', async () => {
    const set = await ok('supervisor', 'setup', {
      action: 'setRota',
      entries: [
        { day: '2026-12-07', shift: 'day', technicianId: 'new-tech' },
        { day: '2026-12-07', shift: 'night', technicianId: 'tech-2' },
      ],
    });
    expect(set.onDutyNow).toEqual({ id: 'new-tech', name: '黄新', source: 'rota' });
    expect((await emergency()).work.technician).toBe('new-tech');
    // The dispatch list (on-duty first) and the colleague list mark whom the rota names, as the pager pages.
    expect(await dutyLists()).toEqual([['new-tech'], 'new-tech', ['new-tech']]);
    await setClock('2026-12-07T20:05:00+08:00'); // the night shift of the 7th
    expect((await emergency()).work.technician).toBe('tech-2');
    expect(await dutyLists()).toEqual([['tech-2'], 'tech-2', ['tech-2']]);
    await setClock('2026-12-09T09:00:00+08:00'); // nobody planned: the default on-duty technician
    expect((await emergency()).work.technician).toBe('tech-1');
    expect(await dutyLists()).toEqual([['tech-1'], 'tech-1', ['tech-1']]);
    // Only technicians of the community; ended shifts stay as they were.
    const notTech = await call('manager', 'setup', { action: 'setRota', entries: [{ day: '2026-12-10', shift: 'day', technicianId: 'frontdesk' }] });
    expect([notTech.status, notTech.body.error.fields]).toEqual([400, { 'entries.0.technicianId': '该员工不是本小区的维修技师' }]);
    const past = await call('manager', 'setup', { action: 'setRota', entries: [{ day: '2026-12-07', shift: 'day', technicianId: 'tech-2' }] });
    expect([past.status, past.body.error.fields]).toEqual([400, { 'entries.0.day': '该班次已结束，不能再修改' }]);
    expect((await call('tech-1', 'setup', { action: 'setRota', entries: [{ day: '2026-12-10', shift: 'day', technicianId: 'tech-1' }] })).status).toBe(403);
  });

  it('deactivating ends access at once and keeps the history: name on past cases, not offered, not paged', async () => {
    await ok('manager', 'setup', { action: 'setRota', entries: [{ day: '2026-12-09', shift: 'day', technicianId: 'new-tech' }] });
    const paged = await emergency();
    expect(paged.work.technician).toBe('new-tech');
    const token = await h.login('new-tech');
    expect((await h.call(token, 'workbench', { action: 'queue' })).status).toBe(200);
    const responsible = await call('manager', 'setup', { action: 'deactivateStaff', userId: 'frontdesk' });
    expect([responsible.status, responsible.body.error.code]).toEqual([409, 'STAFF.IS_RESPONSIBLE']);

    const out = await ok('manager', 'setup', { action: 'deactivateStaff', userId: 'new-tech' });
    expect(out.openCases.map((c: { id: string }) => c.id)).toContain(paged.id);
    // The same session, the very next call: no access.
    expect((await h.call(token, 'workbench', { action: 'queue' })).status).toBe(403);
    expect((await h.call(token, 'workbench', { action: 'arrive', id: paged.id })).status).toBe(403);
    // History: the case still names them; they are listed as former staff.
    const c = await ok('frontdesk', 'workbench', { action: 'get', id: paged.id });
    expect([c.work.technician, c.work.technicianName]).toEqual(['new-tech', '黄新']);
    const list = await ok('manager', 'setup', { action: 'staff' });
    expect(list.members.map((m: { id: string }) => m.id)).not.toContain('new-tech');
    expect(list.former[0]).toMatchObject({ id: 'new-tech', name: '黄新', roles: [{ role: 'technician' }], deactivatedBy: '吴军' });
    // Not offered for dispatch, not on the rota, not paged.
    const offered = await ok('frontdesk', 'workbench', { action: 'assignees', id: paged.id });
    expect([...offered.assign, ...offered.dispatch].map((p: { id: string }) => p.id)).not.toContain('new-tech');
    const rota = await ok('manager', 'setup', { action: 'rota', from: '2026-12-09', days: 1 });
    expect(rota.days[0].shifts[0].technicianId).toBeNull();
    expect((await emergency()).work.technician).toBe('tech-1');
  });

  it('another community\'s manager finds none of this (404), and non-managers may not manage staff (403)', async () => {
    await O.createCommunityB(h);
    const b = O.COMMUNITY_B.staff;
    for (const [body, code] of [
      [{ action: 'staff', communityId: 'demo' }, 'COMMUNITY.NOT_FOUND'],
      [{ action: 'setStaffRoles', userId: 'tech-2', communityId: 'demo', roles: ['frontdesk'] }, 'COMMUNITY.NOT_FOUND'],
      [{ action: 'setStaffRoles', userId: 'tech-2', roles: ['frontdesk'] }, 'STAFF.NOT_FOUND'],
      [{ action: 'deactivateStaff', userId: 'tech-2' }, 'STAFF.NOT_FOUND'],
      [{ action: 'inviteStaff', requestId: rid('x'), phone: '13700007777', name: '王五', roles: ['cashier'], communityIds: ['demo'] }, 'COMMUNITY.NOT_FOUND'],
      [{ action: 'rota', communityId: 'demo' }, 'COMMUNITY.NOT_FOUND'],
    ] as const) {
      const r = await call(b, 'setup', body);
      expect([body.action, r.status, r.body.error?.code]).toEqual([body.action, 404, code]);
    }
    const own = await ok(b, 'setup', { action: 'staff' });
    expect(own.communityId).toBe(O.COMMUNITY_B.id);
    expect(own.members.map((m: { id: string }) => m.id)).toEqual([b]);
    for (const user of ['frontdesk', 'tech-1', 'supervisor', 'cashier', 'reno-officer', 'resident-a']) {
      expect([user, (await call(user, 'setup', { action: 'staff' })).status]).toEqual([user, 403]);
    }
  });
});
