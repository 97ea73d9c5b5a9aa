/**
 * @jest-environment ./test/weapp/environment.js
 *
 * The compiled resident home page (dist/weapp/pages/index/index) under miniprogram-simulate, its cloud
 * calls answered by the real functions on the local platform as `resident-a` (owner of 1-1-101).
 */
import fs from 'node:fs';
import path from 'node:path';
import { startHarness, type Harness } from '../support/harness';
import { bootWeapp, DIST, type Weapp, type WeappPage } from '../support/weapp';

let h: Harness;
let wx: Weapp;
let me: { id: string; name: string; households: { id: string; relation: string }[] };
let page: WeappPage;

beforeAll(async () => {
  h = await startHarness();
  const token = await h.login('resident-a');
  me = (await h.call(token, 'account', { action: 'me' })).body.data;
  wx = await bootWeapp({ url: h.url, token });
  page = await wx.open('pages/index/index');
}, 30_000);
afterAll(() => h?.close());

const appPages = () => {
  const app = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8'));
  const subs: { root: string; pages: string[] }[] = app.subPackages ?? app.subpackages ?? [];
  return new Set<string>([...app.pages, ...subs.flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))]);
};

it('shows the bound household and the resident from account.me, fetched through wx.cloud.callFunction', async () => {
  const house = await page.waitFor(() => page.find('#home-household-1-1-101'), 'the bound household 1-1-101 (from account.me)');
  page.check((house.textContent ?? '').includes('1-1-101'), 'the household row names 1-1-101');
  page.check((page.find('#home-household')?.textContent ?? '').includes('已认证'), 'the household is shown as 已认证');
  await page.waitFor(() => (page.find('#home-greeting')?.textContent ?? '').includes(me.name), `the greeting names the resident (${me.name})`);
  page.check(!page.find('#home-bind-prompt'), 'a bound resident is not asked to bind');
  page.check(!page.find('#home-workbench'), 'a resident sees no staff workbench entry');

  const meCall = wx.calls.find((c) => c.name === 'account' && c.data?.action === 'me');
  expect(meCall).toMatchObject({ status: 200, result: { ok: true, data: { id: 'resident-a' } } });
  // Identity is never a field: the platform supplies it.
  expect(Object.keys(meCall!.data)).toEqual(['action']);
});

it('shows the service grid: 报修/投诉/缴费/装修/咨询建议/表扬, with 即将上线 exactly on the tiles that open nothing', async () => {
  await page.waitFor(() => page.find('#home-household'), 'the home page loaded');
  const tiles = [...page.dom().querySelectorAll('[id^="service-"]')].map((el) => ({
    id: el.id,
    label: el.querySelector('.svc__label')?.textContent ?? '',
    soon: (el.textContent ?? '').includes('即将上线'),
  }));
  const labels = tiles.map((t) => t.label);
  for (const l of ['报修', '投诉', '缴费', '装修', '咨询建议', '表扬']) page.check(labels.includes(l), `the service grid has 「${l}」 (has: ${labels.join(' ')})`);
  // Consultation and praise are built (the general submit page): live tiles.
  page.check(!tiles.find((t) => t.label === '咨询建议')!.soon && !tiles.find((t) => t.label === '表扬')!.soon, '咨询建议 and 表扬 are live, not 即将上线');
  // 装修 is built (issue 14: the renovation subpackage): a live tile too.
  page.check(!!tiles.find((t) => t.label === '装修') && !tiles.find((t) => t.label === '装修')!.soon, '装修 is live, not 即将上线');

  const pages = appPages();
  for (const t of tiles) {
    const toasts = wx.toasts.length;
    const navs = wx.navigations.length;
    await page.tap(`#${t.id} .svc__label`); // a tap on the label bubbles to the tile's bindtap
    if (t.soon) {
      const toast = await page.waitFor(() => wx.toasts[toasts], `${t.label}: a toast after the tap`);
      expect(toast.title).toContain('即将上线');
      expect(wx.navigations.length).toBe(navs);
      page.check(page.find(`#${t.id}`)?.getAttribute('aria-disabled') === 'true', `${t.label}: marked aria-disabled`);
    } else {
      const nav = await page.waitFor(() => wx.navigations[navs], `${t.label}: navigation after the tap`);
      const target = nav.url!.replace(/^\//, '').split('?')[0];
      page.check(pages.has(target), `${t.label} opens ${nav.url}, a page the app has (${[...pages].join(', ')})`);
    }
  }
  const consult = wx.navigations.find((n) => n.url?.startsWith('/pages/submit/index'));
  expect(consult).toBeDefined();
  expect(new URLSearchParams(consult!.url!.split('?')[1]).get('kind')).toMatch(/^(consultation|praise|help)$/);
  expect(wx.navigations.map((n) => n.url)).toEqual(expect.arrayContaining([expect.stringMatching(/^\/pages\/submit\/index\?kind=consultation\b/)]));
});

it('the wx.cloud stand-in answers like CloudBase in both styles: promise and success/fail callbacks', async () => {
  const cloud = (globalThis as any).wx.cloud;
  const viaPromise = await cloud.callFunction({ name: 'account', data: { action: 'me' } });
  expect(viaPromise.result).toMatchObject({ ok: true, data: { id: 'resident-a', households: [{ id: '1-1-101' }] } });
  const viaCallback = await new Promise<any>((resolve, reject) => cloud.callFunction({ name: 'account', data: { action: 'me' }, success: resolve, fail: reject }));
  expect(viaCallback).toMatchObject({ errMsg: 'cloud.callFunction:ok', result: { ok: true, data: { id: 'resident-a' } } });
  // A refused action is still a successful call whose result is the error envelope.
  const refused = await cloud.callFunction({ name: 'case', data: { action: 'get', id: 'no-such-case' } });
  expect(refused.result).toMatchObject({ ok: false, error: { code: 'CASE.NOT_FOUND' } });
});
