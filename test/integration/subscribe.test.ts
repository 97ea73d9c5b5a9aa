/**
 * Subscribe messages end to end on the local platform pointed at fake WeChat and robot servers (real
 * HTTP): a resident's accept (`account.subscribe`) allows one subscribe message; the next notification
 * reaches the message center only; staff notifications reach the group robot; everything goes out from
 * the scheduler's minute tick, and /local/outbox shows the pushes.
 */
import { startHarness, type Harness } from '../support/harness';
import { startFakePushServers, type FakePushServers } from '../support/fakePushServers';
import { demoOpenid } from '../support/objects';

const TMPL = 'TMPL_caseProgress_0001';
let h: Harness;
let fake: FakePushServers;

beforeAll(async () => {
  fake = await startFakePushServers();
  h = await startHarness({
    env: {
      WECHAT_APPID: fake.appid,
      WECHAT_APPSECRET: fake.secret,
      WECHAT_API_BASE: fake.url,
      WECHAT_TMPL_CASE_PROGRESS: TMPL,
      WECOM_ROBOT_WEBHOOK: `${fake.url}/cgi-bin/webhook/send?key=${fake.robotKey}`,
    } as Record<string, string>,
  });
});
afterAll(async () => {
  await h.close();
  await fake.close();
});

const tick = () => fetch(`${h.url}/local/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: 60_000 }) });
const submit = (token: string, requestId: string) =>
  h.call(token, 'case', { action: 'submit', requestId, householdId: '1-1-101', kind: 'consultation', content: '请问小区快递柜在哪里？谢谢' });

it('[R-INT-7] one accept → one subscribe message; replayed accept records nothing more; no accept → in-app only; staff → robot', async () => {
  const a = await h.login('resident-a');
  const templates = await h.call(a, 'account', { action: 'subscribeTemplates' });
  expect(templates.body.data).toEqual({ templates: [{ key: 'caseProgress', id: TMPL }], left: { caseProgress: 0 } });
  const bad = await h.call(a, 'account', { action: 'subscribe', requestId: 'sub-00000001', accepted: ['TMPL_raw_id'] });
  expect([bad.status, bad.body.error.code]).toEqual([400, 'INPUT.INVALID']);

  const accepted = await h.call(a, 'account', { action: 'subscribe', requestId: 'sub-00000001', accepted: ['caseProgress'] });
  expect(accepted.body.data.left).toEqual({ caseProgress: 1 });
  const replay = await h.call(a, 'account', { action: 'subscribe', requestId: 'sub-00000001', accepted: ['caseProgress'] });
  expect(replay.body.data.left).toEqual({ caseProgress: 1 });
  fake.consent.set(`${demoOpenid('resident-a')}|${TMPL}`, 1);

  const first = await submit(a, 'sub-case-0001');
  expect(first.body.ok).toBe(true);
  const second = await submit(a, 'sub-case-0002');
  expect(second.body.ok).toBe(true);
  // Nothing leaves before the timer.
  expect(fake.wechatRequests).toHaveLength(0);
  await tick();
  await h.platform.flushOutbox();
  await tick();

  expect(fake.wechatRequests).toHaveLength(1);
  expect(fake.wechatRequests[0].body).toMatchObject({ touser: demoOpenid('resident-a'), template_id: TMPL, page: `pages/case/index?id=${first.body.data.id}` });
  const box = (await (await fetch(`${h.url}/local/outbox`)).json()) as { pushes: { outboxId: string; channel: string; status: string; template: string }[] };
  const wx = box.pushes.filter((p) => p.channel === 'wechat');
  expect(wx.map((p) => [p.template, p.status])).toEqual([['case.received', 'sent']]);
  // Staff learned of both cases through the robot.
  expect(fake.robotDelivered.size).toBeGreaterThanOrEqual(2);
  // The resident's message center has both acknowledgements.
  const inbox = await h.call(a, 'message', { action: 'list' });
  expect(inbox.body.data.items.filter((m: { caseId: string }) => [first.body.data.id, second.body.data.id].includes(m.caseId)).length).toBeGreaterThanOrEqual(2);
  expect((await h.call(a, 'account', { action: 'subscribeTemplates' })).body.data.left).toEqual({ caseProgress: 0 });
});
