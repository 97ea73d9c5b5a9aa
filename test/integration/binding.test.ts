import { startHarness, rid, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const phoneCode = async (token: string) => ((await (await fetch(`${h.url}/local/phone-code`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })).json()) as { code: string }).code;
const outbox = async () => ((await (await fetch(`${h.url}/local/outbox`)).json()) as { items: { to: string; template: string; data: Record<string, string> }[] }).items;

describe('household binding', () => {
  it('[R-ACC-1] a binding that does not match the register waits for the front desk, who is notified; until then nothing is allowed', async () => {
    const n = await h.login('resident-new');
    const bind = await h.call(n, 'account', { action: 'bind', householdId: '1-2-201', name: '赵小雨', phone: '13800005678', relation: 'family' });
    expect(bind.status).toBe(200);
    expect(bind.body.data.status).toBe('pending');
    expect((await outbox()).some((m) => m.to === 'frontdesk' && m.template === 'binding.pending' && m.data.householdId === '1-2-201')).toBe(true);

    const early = await h.call(n, 'case', { action: 'submit', requestId: rid(), householdId: '1-2-201', kind: 'consultation', content: '请问停车位怎么申请？' });
    expect([early.status, early.body.error.code]).toEqual([403, 'HOUSEHOLD.NOT_BOUND']);
    const again = await h.call(n, 'account', { action: 'bind', householdId: '1-2-201', name: '赵小雨', phone: '13800005678', relation: 'family' });
    expect([again.status, again.body.error.code]).toEqual([409, 'BINDING.CONFLICT']);

    const fd = await h.login('frontdesk');
    const list = await h.call(fd, 'account', { action: 'bindings', status: 'pending' });
    const row = list.body.data.items.find((b: { householdId: string }) => b.householdId === '1-2-201');
    expect(row.phone).toBe('138****5678');
    const ok = await h.call(fd, 'account', { action: 'approveBinding', id: row.id });
    expect(ok.body.data.status).toBe('approved');
    const twice = await h.call(fd, 'account', { action: 'approveBinding', id: row.id });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'BINDING.INVALID_TRANSITION']);

    const me = await h.call(n, 'account', { action: 'me' });
    expect(me.body.data.households).toEqual([{ id: '1-2-201', relation: 'family', communityId: 'demo' }]);
    expect(me.body.data.roles).toEqual(['resident']);
    const now = await h.call(n, 'case', { action: 'submit', requestId: rid(), householdId: '1-2-201', kind: 'consultation', content: '请问停车位怎么申请？' });
    expect(now.status).toBe(200);
    expect((await outbox()).some((m) => m.to === 'resident-new' && m.template === 'binding.approved')).toBe(true);
  });

  it("[R-ACC-1] the owner's WeChat-verified phone and name matching the household register approve at once", async () => {
    // A fresh WeChat user whose phone (verified through getPhoneNumber) is the register's owner phone.
    const store = h.platform.deps.store;
    await store.transaction((tx) => tx.insertUser({ id: 'owner-wang', openid: 'o_wang', name: '王建国', phone: '13900002201', createdAt: 0 }));
    const t = await h.login('owner-wang');
    const wrongName = await h.call(t, 'account', { action: 'bind', householdId: '1-2-201', name: '王建', phone: '13900002201', relation: 'owner', phoneCode: await phoneCode(t) });
    expect(wrongName.body.data).toMatchObject({ status: 'pending', phoneVerified: true });
    const fd = await h.login('frontdesk');
    await h.call(fd, 'account', { action: 'rejectBinding', id: wrongName.body.data.id, reason: '姓名与档案不符' });
    const right = await h.call(t, 'account', { action: 'bind', householdId: '1-2-201', name: '王建国', phone: '13900002201', relation: 'owner', phoneCode: await phoneCode(t) });
    expect(right.body.data).toMatchObject({ status: 'approved', phoneVerified: true });
    expect((await outbox()).some((m) => m.to === 'owner-wang' && m.template === 'binding.rejected' && m.data.reason === '姓名与档案不符')).toBe(true);
  });

  it('[R-ACC-1] binding to a room that does not exist is a clear error and stores nothing', async () => {
    const n = await h.login('resident-b');
    const before = await h.call(n, 'account', { action: 'bindings' });
    const r = await h.call(n, 'account', { action: 'bind', householdId: '9-9-999', name: '陈静', phone: '13800001102', relation: 'owner' });
    expect([r.status, r.body.error.code]).toEqual([404, 'HOUSEHOLD.NOT_FOUND']);
    const bad = await h.call(n, 'account', { action: 'bind', householdId: '一栋', name: '', phone: '123', relation: 'friend' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['householdId', 'name', 'phone', 'relation']);
    expect(bad.body.error.fields.phone).toBe('请输入 11 位手机号码');
    expect((await h.call(n, 'account', { action: 'bindings' })).body.data.items).toEqual(before.body.data.items);
  });
});
