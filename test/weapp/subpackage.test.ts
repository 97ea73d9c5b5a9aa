/**
 * @jest-environment ./test/weapp/environment.js
 *
 * The staff workbench ships as the `workbench` subpackage: declared in app.json, its pages and its
 * workbench-only code live under workbench/, none of it in the main package, and its pages load and render
 * real data in the mini-program.
 */
import { startHarness, rid, type Harness } from '../support/harness';
import { bootWeapp } from '../support/weapp';
import { MB1, MB2, readWeappBuild } from '../support/weappBuild';

const { app, all, main, size, sub, under, holding } = readWeappBuild();
const workbench = sub('workbench');

it('app.json declares the workbench subpackage (root workbench) and the main package lists no workbench page', () => {
  if (!workbench) throw new Error(`no subpackage with root "workbench" in dist/weapp/app.json: ${JSON.stringify(app)}`);
  expect(workbench.pages).toEqual(expect.arrayContaining(['queue/index', 'case/index']));
  expect(app.pages.filter((p) => p.startsWith('workbench'))).toEqual([]);
  expect(app.pages).toEqual(expect.arrayContaining(['pages/index/index', 'pages/submit/index']));
});

it('every workbench page file lives under workbench/, none in the main package', () => {
  for (const p of workbench!.pages) {
    for (const ext of ['js', 'json', 'wxml']) expect(all).toContain(`workbench/${p}.${ext}`);
  }
  // No main-package file is a workbench page or is named after one.
  const leaked = main.filter((f) => /workbench/i.test(f) || workbench!.pages.some((p) => f.startsWith(`pages/${p.split('/')[0]}/`) && !app.pages.includes(`pages/${p}`)));
  expect(leaked).toEqual([]);
  // Code only the workbench uses (its shell's class names) stays out of the main package's scripts and styles.
  const markers = ['wb-bar__brand', 'wb-tabs'];
  const withWorkbenchCode = holding(main, markers);
  expect(withWorkbenchCode).toEqual([]);
  expect(holding(under('workbench'), markers, /\.js$/).length).toBeGreaterThan(0);
});

it('the main package and the workbench subpackage are each within 2 MB', () => {
  const mainBytes = size(main);
  const subBytes = size(under('workbench'));
  console.log(`dist/weapp: main package ${(mainBytes / 1024).toFixed(1)} KB, workbench subpackage ${(subBytes / 1024).toFixed(1)} KB`);
  expect(mainBytes).toBeLessThanOrEqual(MB2);
  expect(subBytes).toBeLessThanOrEqual(MB2);
  // The report page's charts are drawn with views, no chart library: the workbench stays within 1 MB (issue 13).
  expect(subBytes).toBeLessThanOrEqual(MB1);
});

describe('rendered', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 30_000);
  afterAll(() => h?.close());

  it('the workbench queue page (subpackage) renders the front desk queue from workbench.queue', async () => {
    const content = `工作台渲染检查：楼道灯不亮了（${rid('wbq')}）`;
    const sub = await h.call(await h.login('resident-b'), 'case', { action: 'submit', requestId: rid(), householdId: '1-1-102', kind: 'consultation', content });
    expect(sub.status).toBe(200);
    const wx = await bootWeapp({ url: h.url, token: await h.login('frontdesk') });
    const page = await wx.open('workbench/queue/index');
    await page.waitFor(() => page.find(`[id="queue-item-${sub.body.data.id}"]`), `the queue row of case ${sub.body.data.id}`);
    await page.waitForText(content);
    expect(wx.calls.some((c) => c.name === 'workbench' && c.data?.action === 'queue' && c.status === 200)).toBe(true);
  });
});
