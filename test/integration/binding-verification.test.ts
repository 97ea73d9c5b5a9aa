/**
 * Issue 7 item 5: knowing the owner's name and phone must not make anyone the owner. Auto-approval needs
 * the WeChat-verified phone (getPhoneNumber → code → the server's exchange; locally `/local/phone-code`
 * plays WeChat) matching the register; everything else waits for the front desk, who sees whether the
 * phone was verified. A household collects a bounded number of owner bindings; a user a bounded number
 * of pending requests.
 */
import { startHarness, type Harness } from '../support/harness';
import { createCommunity, createUser, dbOf, fingerprint } from '../support/objects';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  // 「核验小区」: households whose register owners the tests impersonate, so the demo ones stay as they are.
  await createCommunity(h, {
    id: 'verify',
    name: '核验小区',
    responsible: { customer_service: 'frontdesk' },
    households: [
      { id: '7-1-101', ownerName: '钱有福', ownerPhone: '13600007101' },
      { id: '7-1-102', ownerName: '孙小美', ownerPhone: '13600007102' },
      { id: '7-1-103', ownerName: '周大伟', ownerPhone: '13600007103' },
      { id: '7-1-104', ownerName: '吴桂兰', ownerPhone: '13600007104' },
      { id: '7-1-105', ownerName: '郑一鸣', ownerPhone: '13600007105' },
      { id: '7-1-106', ownerName: '冯雪', ownerPhone: '13600007106' },
    ],
  });
  await dbOf(h).insertInto('staff').values({ user_id: 'frontdesk', community_id: 'verify', role: 'frontdesk', on_duty: 0 }).execute();
});
afterAll(() => h.close());

type Body = Record<string, unknown>;
const phoneCode = async (token: string | null) => {
  const res = await fetch(`${h.url}/local/phone-code`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: (await res.json()) as { code?: string; data?: { code: string; expiresInSeconds: number }; error?: { code: string } } };
};
const codeFor = async (token: string) => (await phoneCode(token)).body.code!;
const bind = (token: string, body: Body) => h.call(token, 'account', { action: 'bind', ...body });
/** The front desk's review row of a binding request. */
const deskRow = async (id: string) => {
  const list = await h.call(await h.login('frontdesk'), 'account', { action: 'bindings' });
  return list.body.data.items.find((b: { id: string }) => b.id === id);
};
const outbox = async () => ((await (await fetch(`${h.url}/local/outbox`)).json()) as { items: { to: string; template: string; data: Record<string, string> }[] }).items;
const userWithPhone = async (phone: string, name = '测试住户') => {
  const u = await createUser(h, { name, phone });
  return h.login(u.id);
};

describe('issue 7.5: owner binding needs a WeChat-verified phone', () => {
  it('[R-ACC-1] 7.5: the owner\'s name and phone typed without verification wait for the desk, never approved; the desk sees 手机号未验证', async () => {
    // Someone who knows the register owner's name and phone, but whose WeChat phone is another.
    const stranger = await userWithPhone('13511110001');
    const r = await bind(stranger, { householdId: '7-1-101', name: '钱有福', phone: '13600007101', relation: 'owner' });
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ status: 'pending', phoneVerified: false });
    const row = await deskRow(r.body.data.id);
    expect(row).toMatchObject({ status: 'pending', phoneVerified: false, phoneCheck: 'not_provided', phoneCheckLabel: '手机号未验证', phone: '136****7101' });
    const note = (await outbox()).find((m) => m.to === 'frontdesk' && m.template === 'binding.pending' && m.data.bindingId === r.body.data.id);
    expect(note?.data.phoneCheck).toBe('手机号未验证');
    // Even the real owner, without verifying, waits.
    const owner = await userWithPhone('13600007101', '钱有福');
    const unverified = await bind(owner, { householdId: '7-1-101', name: '钱有福', phone: '13600007101', relation: 'owner' });
    expect(unverified.body.data).toMatchObject({ status: 'pending', phoneVerified: false });
  });

  it('[R-ACC-1] 7.5: the owner whose verified phone and name match the register is approved at once; the desk sees 手机号已验证', async () => {
    const owner = await userWithPhone('13600007102', '孙小美');
    const r = await bind(owner, { householdId: '7-1-102', name: '孙小美', phone: '13600007102', relation: 'owner', phoneCode: await codeFor(owner) });
    expect(r.body.data).toMatchObject({ status: 'approved', phoneVerified: true });
    expect(await deskRow(r.body.data.id)).toMatchObject({ status: 'approved', phoneVerified: true, phoneCheck: 'verified', phoneCheckLabel: '手机号已验证' });
    const me = await h.call(owner, 'account', { action: 'me' });
    expect(me.body.data.households).toEqual([{ id: '7-1-102', relation: 'owner', communityId: 'verify' }]);
  });

  it('[R-ACC-1] 7.5: a verified phone that is not the register\'s waits for the desk; a different typed phone is replaced by the verified one', async () => {
    const stranger = await userWithPhone('13511110003');
    // Types the owner's phone, but WeChat verifies the stranger's own.
    const r = await bind(stranger, { householdId: '7-1-103', name: '周大伟', phone: '13600007103', relation: 'owner', phoneCode: await codeFor(stranger) });
    expect(r.body.data).toMatchObject({ status: 'pending', phoneVerified: true });
    const row = await deskRow(r.body.data.id);
    expect(row).toMatchObject({ status: 'pending', phoneVerified: true, phone: '135****0003' });
    const stored = await dbOf(h).selectFrom('bindings').select(['phone', 'phone_check']).where('id', '=', r.body.data.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ phone: '13511110003', phone_check: 'verified' });
  });

  it('[R-ACC-1] 7.5: a reused, expired or made-up code proves nothing: the claim waits with 验证码无效, never approved', async () => {
    const owner = await userWithPhone('13600007104', '吴桂兰');
    const code = await codeFor(owner);
    // The code is spent on one request …
    const family = await bind(owner, { householdId: '7-1-105', name: '吴桂兰', phone: '13600007104', relation: 'family', phoneCode: code });
    expect(family.body.data).toMatchObject({ status: 'pending', phoneVerified: true });
    // … and proves nothing the second time, even for the right owner of the right household.
    const reused = await bind(owner, { householdId: '7-1-104', name: '吴桂兰', phone: '13600007104', relation: 'owner', phoneCode: code });
    expect(reused.body.data).toMatchObject({ status: 'pending', phoneVerified: false });
    expect(await deskRow(reused.body.data.id)).toMatchObject({ phoneVerified: false, phoneCheck: 'code_invalid', phoneCheckLabel: '手机号未验证（验证码无效或已使用）' });

    // Expired: WeChat's codes last 5 minutes.
    const late = await userWithPhone('13600007106', '冯雪');
    const old = await codeFor(late);
    await fetch(`${h.url}/local/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: 5 * 60_000 + 1000 }) });
    const expired = await bind(late, { householdId: '7-1-106', name: '冯雪', phone: '13600007106', relation: 'owner', phoneCode: old });
    expect(expired.body.data).toMatchObject({ status: 'pending', phoneVerified: false });

    const madeUp = await bind(await userWithPhone('13600007105', '郑一鸣'), { householdId: '7-1-105', name: '郑一鸣', phone: '13600007105', relation: 'owner', phoneCode: 'a'.repeat(64) });
    expect(madeUp.body.data).toMatchObject({ status: 'pending', phoneVerified: false });
    const malformed = await bind(owner, { householdId: '7-1-106', name: '吴桂兰', phone: '13600007104', relation: 'family', phoneCode: 'not a code!' });
    expect([malformed.status, malformed.body.error.code, malformed.body.error.fields.phoneCode]).toEqual([400, 'INPUT.INVALID', '手机号验证码有误']);
  });

  it('[R-ACC-1] 7.5: a verification code is handed only to a signed-in user, for their own phone', async () => {
    const anon = await phoneCode(null);
    expect([anon.status, anon.body.error?.code]).toEqual([401, 'AUTH.UNAUTHENTICATED']);
    const noPhone = await h.login((await createUser(h, { phone: null })).id);
    const none = await phoneCode(noPhone);
    expect([none.status, none.body.error?.code]).toEqual([404, 'PHONE.NOT_FOUND']);
    const ok = await phoneCode(await h.login('resident-new'));
    expect(ok.status).toBe(200);
    expect(ok.body.data).toEqual({ code: expect.stringMatching(/^[0-9a-f]{64}$/), expiresInSeconds: 300 });
    expect(JSON.stringify(ok.body)).not.toContain('13800005678');
  });
});

describe('issue 7.5: bounds on owner bindings and pending requests', () => {
  it('[R-ACC-1] 7.5: a household holds at most 3 owner bindings (approved + pending); the 4th claim is refused and stores nothing, yet the verified owner still gets in', async () => {
    await createCommunity(h, {
      id: 'verify-limit',
      name: '上限小区',
      responsible: { customer_service: 'frontdesk' },
      households: [{ id: '8-1-101', ownerName: '陶然', ownerPhone: '13600008101' }],
    });
    await dbOf(h).insertInto('staff').values({ user_id: 'frontdesk', community_id: 'verify-limit', role: 'frontdesk', on_duty: 0 }).execute();
    const claims: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await bind(await userWithPhone(`1351111100${i}`), { householdId: '8-1-101', name: '陶然', phone: '13600008101', relation: 'owner' });
      expect(r.body.data.status).toBe('pending');
      claims.push(r.body.data.id);
    }
    const before = await fingerprint(dbOf(h));
    const fourth = await bind(await userWithPhone('13511111009'), { householdId: '8-1-101', name: '陶然', phone: '13600008101', relation: 'owner' });
    expect([fourth.status, fourth.body.error.code]).toEqual([409, 'BINDING.OWNER_LIMIT']);
    expect(fourth.body.error.message).toContain('业主认证已达上限');
    const after = await fingerprint(dbOf(h));
    expect(after.bindings).toBe(before.bindings);
    // Family members and tenants are not owner claims.
    const family = await bind(await userWithPhone('13511111010'), { householdId: '8-1-101', name: '陶小然', phone: '13511111010', relation: 'family' });
    expect(family.body.data.status).toBe('pending');

    // Pending claims cannot lock the real owner out: a verified match counts only approved owners.
    const owner = await userWithPhone('13600008101', '陶然');
    const real = await bind(owner, { householdId: '8-1-101', name: '陶然', phone: '13600008101', relation: 'owner', phoneCode: await codeFor(owner) });
    expect(real.body.data).toMatchObject({ status: 'approved', phoneVerified: true });

    // The desk cannot push the household past 3 approved owners either.
    const fd = await h.login('frontdesk');
    expect((await h.call(fd, 'account', { action: 'approveBinding', id: claims[0] })).body.data.status).toBe('approved');
    expect((await h.call(fd, 'account', { action: 'approveBinding', id: claims[1] })).body.data.status).toBe('approved');
    const third = await h.call(fd, 'account', { action: 'approveBinding', id: claims[2] });
    expect([third.status, third.body.error.code]).toEqual([409, 'BINDING.OWNER_LIMIT']);
    expect((await deskRow(claims[2])).status).toBe('pending');
    expect((await h.call(fd, 'account', { action: 'rejectBinding', id: claims[2], reason: '业主人数已满' })).body.data.status).toBe('rejected');
    // With 3 approved owners even a verified match is refused (before its code is spent).
    const twin = await userWithPhone('13600008101', '陶然');
    const code = await codeFor(twin);
    const full = await bind(twin, { householdId: '8-1-101', name: '陶然', phone: '13600008101', relation: 'owner', phoneCode: code });
    expect([full.status, full.body.error.code]).toEqual([409, 'BINDING.OWNER_LIMIT']);
    const stillGood = await bind(twin, { householdId: '8-1-101', name: '陶然', phone: '13600008101', relation: 'family', phoneCode: code });
    expect(stillGood.body.data).toMatchObject({ status: 'pending', phoneVerified: true });
  });

  it('[R-ACC-1] 7.5: a user has at most 5 requests waiting for the desk; the 6th is refused until one is decided', async () => {
    const households = Array.from({ length: 7 }, (_, i) => ({ id: `9-1-10${i}`, ownerName: `业主${i}`, ownerPhone: `1360000910${i}` }));
    await createCommunity(h, { id: 'verify-pending', name: '待审小区', responsible: { customer_service: 'frontdesk' }, households });
    await dbOf(h).insertInto('staff').values({ user_id: 'frontdesk', community_id: 'verify-pending', role: 'frontdesk', on_duty: 0 }).execute();
    const t = await userWithPhone('13511112000', '多房客');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await bind(t, { householdId: `9-1-10${i}`, name: '多房客', phone: '13511112000', relation: 'tenant' });
      expect(r.body.data.status).toBe('pending');
      ids.push(r.body.data.id);
    }
    const sixth = await bind(t, { householdId: '9-1-105', name: '多房客', phone: '13511112000', relation: 'tenant' });
    expect([sixth.status, sixth.body.error.code]).toEqual([409, 'BINDING.PENDING_LIMIT']);
    expect(sixth.body.error.message).toContain('正在审核中');
    const fd = await h.login('frontdesk');
    await h.call(fd, 'account', { action: 'rejectBinding', id: ids[0], reason: '租赁合同未提供' });
    const after = await bind(t, { householdId: '9-1-105', name: '多房客', phone: '13511112000', relation: 'tenant' });
    expect(after.body.data.status).toBe('pending');
  });
});
