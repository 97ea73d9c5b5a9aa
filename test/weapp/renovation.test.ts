/**
 * @jest-environment ./test/weapp/environment.js
 *
 * The renovation pages ship as the `renovation` subpackage: declared in app.json with every page, their
 * code and styles under renovation/ (none in the main package), each package within 2 MB; in the
 * mini-program the rules render from renovation.rules and the household's archive from renovation.list.
 */
import { weappSignedIn } from '../support/weappSession';
import { MB2, readWeappBuild } from '../support/weappBuild';
import { isoAt } from '../../core/shanghai';

const { app, all, main, size, sub, under, holding } = readWeappBuild();
const reno = sub('renovation');

it('app.json declares the renovation subpackage with every renovation page; the main package lists none of them', () => {
  if (!reno) throw new Error(`no subpackage with root "renovation" in dist/weapp/app.json: ${JSON.stringify(app)}`);
  expect(reno.pages).toEqual(expect.arrayContaining(['list/index', 'rules/index', 'apply/index', 'detail/index', 'resubmit/index']));
  for (const p of reno.pages) for (const ext of ['js', 'json', 'wxml']) expect(all).toContain(`renovation/${p}.${ext}`);
  expect(app.pages.filter((p) => p.startsWith('renovation'))).toEqual([]);
});

it('the renovation pages\' code and styles stay in their subpackages; each package is within 2 MB', () => {
  const markers = ['steps__dot', 'fee-line__back', 'reno-hero__title'];
  expect(holding(main, markers)).toEqual([]);
  const mainBytes = size(main);
  const renoBytes = size(under('renovation'));
  console.log(`dist/weapp: main package ${(mainBytes / 1024).toFixed(1)} KB, renovation subpackage ${(renoBytes / 1024).toFixed(1)} KB`);
  expect(mainBytes).toBeLessThanOrEqual(MB2);
  expect(renoBytes).toBeLessThanOrEqual(MB2);
});

describe('rendered', () => {
  const mini = weappSignedIn();

  it('[R-REN-4] the rules and the agreement render from renovation.rules', async () => {
    const page = await mini.wx.open('renovation/rules/index', { householdId: '1-1-101' });
    await page.waitForText('电梯使用规定');
    await page.waitFor(() => page.find('#rules-agree'), 'the 我已阅读并同意 button');
    expect(mini.wx.calls.some((c) => c.name === 'renovation' && c.data?.action === 'rules' && c.status === 200)).toBe(true);
  });

  it('[R-REN-11] the household\'s archive renders from renovation.list', async () => {
    const page = await mini.wx.open('renovation/list/index');
    await page.waitFor(() => page.find('#reno-list-empty'), 'the empty archive of 1-1-101');
    expect(mini.wx.calls.some((c) => c.name === 'renovation' && c.data?.action === 'list' && c.status === 200)).toBe(true);
  });

  it('the start and end dates are chosen with the mini-program\'s own date picker, from today on; nothing to type', async () => {
    // The rules were read and agreed to (R-REN-4): the form opens on the basic step.
    mini.wx.storage.set('wuye.renovation.draft.1-1-101', JSON.stringify({ rulesAccepted: true, step: 0 }));
    const page = await mini.wx.open('renovation/apply/index', { householdId: '1-1-101' });
    const start = await page.waitFor(() => page.find('#apply-start-field picker'), 'the start date picker');
    const end = page.find('#apply-end-field picker');
    page.check(!!end, 'the end date picker');
    page.check(!page.find('#apply-start-field input') && !page.find('#apply-end-field input'), 'no text box for either date');
    expect(start.getAttribute('mode')).toBe('date');
    const today = start.getAttribute('start')!;
    // Today in the community's time (Asia/Shanghai), whatever the host's zone.
    expect(today).toBe(isoAt(Date.now()).slice(0, 10));
    expect(end!.getAttribute('start')).toBe(today);
    await page.trigger('#apply-end-field picker', 'change', { value: '2031-03-09' });
    await page.waitFor(() => page.find('#apply-end')?.textContent?.includes('2031年3月9日'), 'the chosen end date shown');
    expect(JSON.parse(String(mini.wx.storage.get('wuye.renovation.draft.1-1-101'))).endDate).toBe('2031-03-09');
  });
});
