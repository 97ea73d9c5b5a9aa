import { openSqliteStore } from '../store/sqlite';
import { inboxNotifier } from './inbox';
import { pushSendersFromEnv } from './config';
import { deliverDue } from '../../core/usecases/outbox/deliverDue';
import { deliverPushes, LEASE_MS } from '../../core/usecases/outbox/deliverPushes';
import { MINUTE } from '../../core/time';
import type { OutboxMessage } from '../../core/ports/store';
import { startFakePushServers, type FakePushServers } from '../../test/support/fakePushServers';

/**
 * Delivery of pushes through the real adapters, against fake WeChat and robot servers over real HTTP,
 * on the real SQLite store: consent budgeting, 43101, the robot's 20 a minute, retries with one key.
 */
const TMPL = 'TMPL_caseProgress_0001';
const log = { info() {}, warn() {}, error() {} };
let fake: FakePushServers;
let now: number;
const clock = { now: () => now };

async function setup() {
  const store = await openSqliteStore(':memory:');
  const senders = pushSendersFromEnv(
    {
      WECHAT_APPID: fake.appid,
      WECHAT_APPSECRET: fake.secret,
      WECHAT_API_BASE: fake.url,
      WECHAT_TMPL_CASE_PROGRESS: TMPL,
      WECOM_ROBOT_WEBHOOK: `${fake.url}/cgi-bin/webhook/send?key=${fake.robotKey}`,
    },
    clock,
  );
  const channels = { inbox: inboxNotifier, ...senders };
  await store.transaction(async (tx) => {
    await tx.insertUser({ id: 'resident-a', openid: 'o_resident_a', name: '王芳', phone: null, createdAt: now });
    await tx.insertUser({ id: 'frontdesk', openid: 'o_frontdesk', name: '前台', phone: null, createdAt: now });
  });
  let n = 0;
  const notify = (to: string, template: OutboxMessage['template'], data: Record<string, string>) =>
    store.transaction((tx) => tx.enqueue([{ id: `ob_${String(++n).padStart(4, '0')}`, channel: 'inbox', to, template, data, createdAt: now }]));
  const accept = (requestId: string, userId = 'resident-a') =>
    store.transaction((tx) => tx.insertGrants([{ id: `sg_${requestId}`, userId, templateKey: 'caseProgress', requestId, grantedAt: now, pushId: null }]));
  const pass = async () => {
    await deliverDue({ store, clock, log }, channels);
    return deliverPushes({ store, clock, log }, channels);
  };
  const pushes = () => store.transaction((tx) => tx.pushesAll());
  return { store, notify, accept, pass, pushes };
}

beforeEach(async () => {
  fake = await startFakePushServers();
  now = Date.parse('2026-12-02T10:00:00+08:00');
});
afterEach(() => fake.close());

describe('pushes: WeChat subscribe messages and the 企业微信 robot', () => {
  it('one accept allows exactly one subscribe message; without one the message center alone gets it', async () => {
    const s = await setup();
    await s.accept('req-00000001');
    fake.consent.set(`o_resident_a|${TMPL}`, 1);
    await s.notify('resident-a', 'case.received', { caseId: 'c_1', number: 'BX20261202-0001', kind: '报修' });
    await s.notify('resident-a', 'case.status', { caseId: 'c_1', number: 'BX20261202-0001', title: '报修', status: '处理中' });
    expect(await s.pass()).toEqual({ sent: 1, skipped: 0, failed: 0, retrying: 0 });
    // The first notification used the accept; the second has none: no push at all, in-app only.
    expect((await s.pushes()).map((p) => [p.outboxId, p.channel, p.status])).toEqual([['ob_0001', 'wechat', 'sent']]);
    expect(fake.wechatRequests).toHaveLength(1);
    const sent = fake.wechatRequests[0];
    expect(sent.key).toBe('ob_0001.wx');
    expect(sent.body).toMatchObject({ touser: 'o_resident_a', template_id: TMPL, page: 'pages/case/index?id=c_1', miniprogram_state: 'formal', lang: 'zh_CN' });
    expect(sent.body.data).toMatchObject({ character_string1: { value: 'BX20261202-0001' }, phrase3: { value: '已受理' }, time4: { value: '2026-12-02 10:00' } });
    expect(await s.store.transaction((tx) => tx.messagesOf('resident-a', 10))).toHaveLength(2);
    expect(await s.store.transaction((tx) => tx.grantsLeft('resident-a'))).toEqual({});
    // Nothing more goes out on later passes.
    now += 10 * MINUTE;
    await s.pass();
    expect(fake.wechatRequests).toHaveLength(1);
    await s.store.close();
  });

  it('errcode 43101 counts as no consent left: the accept is used, the push skipped, never retried', async () => {
    const s = await setup();
    await s.accept('req-00000002');
    await s.accept('req-00000003');
    // WeChat knows of one accept only (the other was, say, refused on the phone).
    fake.consent.set(`o_resident_a|${TMPL}`, 1);
    await s.notify('resident-a', 'case.received', { caseId: 'c_1', number: 'BX1', kind: '报修' });
    await s.notify('resident-a', 'case.replied', { caseId: 'c_1', number: 'BX1', title: '报修', reply: '已安排' });
    expect(await s.pass()).toEqual({ sent: 1, skipped: 1, failed: 0, retrying: 0 });
    expect((await s.pushes()).map((p) => p.status)).toEqual(['sent', 'skipped']);
    expect(await s.store.transaction((tx) => tx.grantsLeft('resident-a'))).toEqual({});
    now += 60 * MINUTE;
    await s.pass();
    expect(fake.wechatRequests).toHaveLength(2);
    await s.store.close();
  });

  it('a busy WeChat (-1) or an unreachable one is retried later with the SAME key; a refused token is refreshed once', async () => {
    const s = await setup();
    await s.accept('req-00000004');
    fake.consent.set(`o_resident_a|${TMPL}`, 1);
    await s.notify('resident-a', 'case.received', { caseId: 'c_1', number: 'BX1', kind: '报修' });
    fake.wechatAnswers.push({ errcode: -1, errmsg: 'system error' });
    expect(await s.pass()).toMatchObject({ retrying: 1 });
    expect((await s.pushes())[0]).toMatchObject({ status: 'sending', attempts: 1, lastError: 'errcode -1' });
    await s.pass(); // not due yet
    expect(fake.wechatRequests).toHaveLength(1);
    now += MINUTE;
    fake.wechatAnswers.push({ errcode: 40001, errmsg: 'invalid credential' });
    expect(await s.pass()).toMatchObject({ sent: 1 });
    expect(fake.wechatRequests.map((r) => r.key)).toEqual(['ob_0001.wx', 'ob_0001.wx', 'ob_0001.wx']);
    expect(fake.wechatRequests.map((r) => r.token)).toEqual(['TOKEN-1', 'TOKEN-1', 'TOKEN-2']);
    expect(fake.wechatDelivered.size).toBe(1);
    await s.store.close();
  });

  it('a claimed push whose outcome was never recorded (a crash) is sent again after the lease, with the same key', async () => {
    const s = await setup();
    await s.accept('req-00000005');
    fake.consent.set(`o_resident_a|${TMPL}`, 2);
    await s.notify('resident-a', 'case.received', { caseId: 'c_1', number: 'BX1', kind: '报修' });
    await deliverDue({ store: s.store, clock, log }, { inbox: inboxNotifier, wechat: { templates: { caseProgress: TMPL }, send: async () => ({ result: 'sent' }) } });
    // Play the crash: claim as a pass would, then nothing (the process died before settling).
    const [p] = await s.pushes();
    await s.store.transaction((tx) => tx.updatePush(p.id, p, { ...p, status: 'sending', attempts: 1, sendKey: p.id, claimedAt: now, nextAttemptAt: now + LEASE_MS }));
    expect(await s.pass()).toEqual({ sent: 0, skipped: 0, failed: 0, retrying: 0 });
    now += LEASE_MS;
    expect(await s.pass()).toMatchObject({ sent: 1 });
    expect(fake.wechatRequests.map((r) => r.key)).toEqual([p.id]);
    expect((await s.pushes())[0]).toMatchObject({ status: 'sent', attempts: 2 });
    await s.store.close();
  });

  it('the robot posts at most 20 a minute; the rest are merged into one digest, and later ones wait for the next minute', async () => {
    const s = await setup();
    for (let i = 1; i <= 45; i++) await s.notify('frontdesk', 'case.new', { caseId: `c_${i}`, number: `TS20261202-${String(i).padStart(4, '0')}`, kind: '投诉', householdId: `1-2-${i}` });
    await s.pass();
    expect(fake.robotRequests).toHaveLength(20);
    const digest = fake.robotRequests[19];
    expect(digest.key).toMatch(/^dg_rb_/);
    expect(digest.body.markdown.content).toContain('（26 条）');
    expect(fake.robotRequests.slice(0, 19).every((r) => r.body.msgtype === 'markdown' && r.body.markdown.content.startsWith('**新投诉待受理：'))).toBe(true);
    const pushes = await s.pushes();
    expect(pushes).toHaveLength(45);
    expect(pushes.every((p) => p.status === 'sent')).toBe(true);
    // Five more in the same minute: the budget is used, they wait.
    for (let i = 46; i <= 50; i++) await s.notify('frontdesk', 'case.urged', { caseId: `c_${i}`, number: `TS${i}`, title: '投诉', householdId: `1-2-${i}` });
    await s.pass();
    expect(fake.robotRequests).toHaveLength(20);
    now += MINUTE;
    await s.pass();
    expect(fake.robotRequests).toHaveLength(25);
    expect(new Set(fake.robotRequests.map((r) => r.key)).size).toBe(25);
    await s.store.close();
  });

  it('one staff notification reaching several staff is one robot post; a wrong webhook key fails for good', async () => {
    const s = await setup();
    await s.store.transaction((tx) =>
      tx.enqueue(
        ['frontdesk', 'supervisor-1', 'manager-1'].map((to, i) => ({ id: `ob_x${i}`, channel: 'inbox' as const, to, template: 'case.breached' as const, data: { caseId: 'c_9', number: 'BX9', title: '报修', householdId: '1-1-101' }, createdAt: now })),
      ),
    );
    await s.pass();
    expect(fake.robotRequests).toHaveLength(1);
    expect(fake.robotRequests[0].body.markdown.content).toContain('BX9');
    const wrong = pushSendersFromEnv({ WECOM_ROBOT_WEBHOOK: `${fake.url}/cgi-bin/webhook/send?key=wrong` }, clock).wecom!;
    expect(await wrong.send({ channel: 'wecom', key: 'k1', target: 'staff', markdown: 'x' })).toEqual({ result: 'failed', error: 'errcode 93000' });
    await s.store.close();
  });

  it('settings: half a WeChat configuration fails at start naming variables, never values; nothing set means no pushes', () => {
    expect(() => pushSendersFromEnv({ WECHAT_TMPL_CASE_PROGRESS: TMPL }, clock)).toThrow(/WECHAT_APPID/);
    expect(() => pushSendersFromEnv({ WECOM_ROBOT_WEBHOOK: 'not a url' }, clock)).toThrow(/WECOM_ROBOT_WEBHOOK/);
    try {
      pushSendersFromEnv({ WECHAT_TMPL_CASE_PROGRESS: TMPL, WECHAT_APPSECRET: 'top-secret-value-123' }, clock);
    } catch (e) {
      expect(String(e)).not.toContain('top-secret');
    }
    expect(pushSendersFromEnv({}, clock)).toEqual({});
  });
});
