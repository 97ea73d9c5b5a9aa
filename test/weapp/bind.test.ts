/**
 * @jest-environment ./test/weapp/environment.js
 *
 * Issue 7.5 in the compiled mini-program: the bind page's 「使用微信手机号」 is WeChat's getPhoneNumber
 * button; the code its event carries reaches the real `account.bind`, which exchanges it (here with the
 * local platform's stand-in for WeChat's phone-number API) and approves the register's owner at once.
 */
import { startHarness, type Harness } from '../support/harness';
import { bootWeapp, type Weapp } from '../support/weapp';

let h: Harness;
let wx: Weapp;
let token: string;

beforeAll(async () => {
  h = await startHarness();
  // A WeChat user whose phone is the register's owner phone of 1-2-201 (王建国).
  await h.platform.deps.store.transaction((tx) => tx.insertUser({ id: 'owner-wang', openid: 'o_wang', name: '王建国', phone: '13900002201', createdAt: 0 }));
  token = await h.login('owner-wang');
  wx = await bootWeapp({ url: h.url, token });
}, 30_000);
afterAll(() => h?.close());

/** What WeChat hands the page when the user allows getPhoneNumber: a one-time code (played by the platform). */
const wechatCode = async () =>
  ((await (await fetch(`${h.url}/local/phone-code`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })).json()) as { code: string }).code;

it('[R-ACC-1] 7.5: the getPhoneNumber code reaches account.bind and the verified owner is approved at once', async () => {
  const page = await wx.open('pages/bind/index');
  await page.waitFor(() => page.find('#bind-room'), 'the bind form');
  page.check(page.find('#bind-verify-phone')?.getAttribute('open-type') === 'getPhoneNumber', 'the button is WeChat’s getPhoneNumber button');
  await page.input('#bind-room', '1-2-201');
  await page.input('#bind-name', '王建国');
  await page.input('#bind-phone', '13900002201');
  await page.tap('#bind-relation-owner');

  // Declining WeChat's prompt is no error: the button stays as it was.
  await page.trigger('#bind-verify-phone', 'getphonenumber', { errMsg: 'getPhoneNumber:fail user deny' });
  page.check(!page.find('#bind-error'), 'no error after the user declines');
  page.check((page.find('#bind-verify-phone')?.textContent ?? '').includes('使用微信手机号'), 'still asks to use the WeChat phone');

  await page.trigger('#bind-verify-phone', 'getphonenumber', { errMsg: 'getPhoneNumber:ok', code: await wechatCode() });
  await page.waitFor(() => (page.find('#bind-verify-phone')?.textContent ?? '').includes('已获取微信手机号'), 'the button shows the phone was obtained');
  await page.tap('#bind-submit');

  const bind = await page.waitFor(() => wx.calls.find((c) => c.name === 'account' && c.data?.action === 'bind' && c.status), 'account.bind answered');
  expect(bind.data).toMatchObject({ householdId: '1-2-201', name: '王建国', phone: '13900002201', relation: 'owner', phoneCode: expect.stringMatching(/^[0-9a-f]{64}$/) });
  expect(bind.result).toMatchObject({ ok: true, data: { status: 'approved', phoneVerified: true } });
  await page.waitFor(() => page.find('#bind-result[data-status="approved"]'), 'the approved result card');
  await page.waitForText('欢迎回家');
});
