/**
 * @jest-environment ./test/weapp/environment.js
 *
 * The monthly report page in the compiled mini-program (workbench subpackage): its bar charts are views,
 * so they render there as in H5 (issue 13); the export is offered on the computer's workbench.
 */
import { startHarness, rid, type Harness } from '../support/harness';
import { bootWeapp } from '../support/weapp';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 30_000);
afterAll(() => h?.close());

it('[R-CMP-6][R-SAT-3] the monthly report page draws its bar charts in the mini-program; export is offered on the computer', async () => {
  const c = await h.call(await h.login('resident-a'), 'case', { action: 'submit', requestId: rid(), householdId: '1-1-101', kind: 'complaint', category: 'noise', content: `夜间施工噪音很大（${rid('wbr')}）` });
  expect(c.status).toBe(200);
  const wx = await bootWeapp({ url: h.url, token: await h.login('supervisor') });
  const page = await wx.open('workbench/report/index');
  await page.waitFor(() => page.find('#report-total'), 'the repair figures');
  await page.tap('#report-tab-complaints');
  await page.waitFor(() => page.find('[id="report-cmp-causes-noise"]'), 'the bar of complaints about noise');
  page.check(page.text().includes('噪音扰民'), 'the bar is labelled 噪音扰民');
  page.check(page.text().includes('导出 Excel 请在电脑端工作台操作'), 'the mini-program points to the computer for the export');
  await page.tap('#report-tab-satisfaction');
  await page.waitFor(() => page.find('[id="report-sat-stars-5"]'), 'the star distribution bars');
  expect(wx.calls.some((x) => x.name === 'report' && x.data?.action === 'monthly' && x.status === 200)).toBe(true);
});
