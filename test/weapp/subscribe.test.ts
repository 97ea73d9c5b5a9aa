/**
 * @jest-environment ./test/weapp/environment.js
 *
 * Subscribe messages in the compiled mini-program: the submit page fetches the deployment's templates,
 * the tap on 提交 asks wx.requestSubscribeMessage for them (by id), and the accept is recorded with
 * `account.subscribe` by our key — which allows exactly one subscribe message, sent by the timer.
 */
import { startHarness, rid, type Harness } from '../support/harness';
import { bootWeapp, type Weapp } from '../support/weapp';
import { startFakePushServers, type FakePushServers } from '../support/fakePushServers';

const TMPL = 'TMPL_caseProgress_0001';
let h: Harness;
let wx: Weapp;
let fake: FakePushServers;

beforeAll(async () => {
  fake = await startFakePushServers();
  h = await startHarness({
    env: { WECHAT_APPID: fake.appid, WECHAT_APPSECRET: fake.secret, WECHAT_API_BASE: fake.url, WECHAT_TMPL_CASE_PROGRESS: TMPL } as Record<string, string>,
  });
  wx = await bootWeapp({ url: h.url, token: await h.login('resident-a') });
}, 30_000);
afterAll(async () => {
  await h?.close();
  await fake?.close();
});

it('the submit tap asks for the subscribe template; the accept is recorded by key and allows one message', async () => {
  const page = await wx.open('pages/submit/index', { kind: 'consultation' });
  await page.waitFor(() => wx.calls.find((c) => c.name === 'account' && c.data?.action === 'subscribeTemplates' && c.status), 'the templates fetched on load');
  await page.waitFor(() => page.find('#submit-household'), 'the form (household row) after account.me');
  expect(wx.subscribeAsks).toEqual([]); // nothing is asked before a tap
  await page.input('#submit-content', `小程序端咨询：订阅消息测试（${rid('weapp')}）`);
  await page.tap('#submit-button');
  const recorded = await page.waitFor(() => wx.calls.find((c) => c.name === 'account' && c.data?.action === 'subscribe' && c.status), 'account.subscribe after the accept');
  expect(wx.subscribeAsks).toEqual([[TMPL]]);
  expect(recorded.data).toMatchObject({ action: 'subscribe', accepted: ['caseProgress'] });
  expect(recorded.result).toMatchObject({ ok: true, data: { left: { caseProgress: 1 } } });
  await page.waitFor(() => wx.calls.find((c) => c.name === 'case' && c.data?.action === 'submit' && c.status), 'case.submit answered');
});
