/**
 * The monthly reports in a real browser against the H5 build (issue 13): the supervisor opens 月度报表,
 * reads the repairs, the 投诉情况月汇总表 (R-CMP-6) and the satisfaction statistics (R-SAT-3) as charts,
 * sees the follow-ups a low rating and a problem callback opened (R-SAT-2), and downloads the month as an
 * .xlsx, read back here with exceljs. Data is made through the functions, in a month of its own.
 * Screenshots go to test-artifacts/screenshots/ (rp01…).
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { DESKTOP, open, screenshot, expectText, type Page, type Session, platformCalls, startSession } from './support';

jest.setTimeout(180_000);

describe('browser: the supervisor reads the monthly reports as charts and exports them', () => {
  let s: Session;
  let base = '';
  let supervisor: Page;
  let month = '';
  let n = 0;
  let followed = '';

  const { as, post } = platformCalls(() => base);
  const rid = () => `rp-${Date.now()}-${n++}`;

  beforeAll(async () => {
    s = await startSession({ TEST_CLOCK: '1' });
    base = s.base;
    // A month of its own: the 2nd of the month after next, 09:00 Shanghai.
    const now = new Date(Date.now() + 8 * 3_600_000);
    const total = now.getUTCFullYear() * 12 + now.getUTCMonth() + 2;
    month = `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
    await post('/local/clock', { set: `${month}-02T09:00:00+08:00` });
    const complaint = (who: string, household: string, over: Record<string, unknown>) => as(who, 'case', { action: 'submit', requestId: rid(), householdId: household, kind: 'complaint', ...over });
    await complaint('resident-a', '1-1-101', { category: 'noise', level: 'minor', content: '晚上十一点以后楼上持续有装修噪音' });
    const b = await complaint('resident-b', '1-1-102', { category: 'service', level: 'major', content: '前台工作人员态度很差，不耐烦' });
    await complaint('resident-a', '1-1-101', { category: 'noise', level: 'serious', content: '小区门口夜间施工噪音，已持续一周' });
    await as('manager', 'workbench', { action: 'closeUnresolvable', id: b.id, reason: '已当面致歉并说明情况，住户表示理解' });
    const repair = (who: string, household: string, category: string, content: string) => as(who, 'case', { action: 'submit', requestId: rid(), householdId: household, kind: 'repair', category, location: 'in_home', content });
    const one = await repair('resident-a', '1-1-101', 'plumbing', '厨房水龙头一直滴水');
    const two = await repair('resident-b', '1-1-102', 'door_window', '入户门锁芯坏了，钥匙拧不动');
    for (const [c, tech, who] of [[one, 'tech-1', 'resident-a'], [two, 'tech-2', 'resident-b']] as const) {
      await as('frontdesk', 'workbench', { action: 'dispatch', id: c.id, technicianId: tech });
      await as(tech, 'workbench', { action: 'arrive', id: c.id });
      await as(tech, 'workbench', { action: 'complete', id: c.id, result: '已修好' });
      await as(who, 'case', { action: 'confirm', id: c.id, ok: true });
    }
    await as('frontdesk', 'workbench', { action: 'callback', id: one.id, outcome: 'satisfied', method: 'phone' });
    await as('resident-a', 'case', { action: 'rate', id: one.id, stars: 5, comment: '师傅很专业' });
    await as('frontdesk', 'workbench', { action: 'callback', id: two.id, outcome: 'problem', method: 'visit', note: '锁还是很难拧' });
    await as('tech-2', 'workbench', { action: 'arrive', id: two.id });
    await as('tech-2', 'workbench', { action: 'complete', id: two.id, result: '更换整把门锁' });
    await as('resident-b', 'case', { action: 'confirm', id: two.id, ok: true });
    await as('frontdesk', 'workbench', { action: 'callback', id: two.id, outcome: 'satisfied', method: 'phone' });
    await as('resident-b', 'case', { action: 'rate', id: two.id, stars: 2, comment: '等太久了' });
    followed = two.id;
    await post('/local/clock', { advanceMs: 3 * 86_400_000 + 3_600_000 });

    supervisor = await s.page('supervisor', { ...DESKTOP, acceptDownloads: true }, /workbench\//);
  });

  afterAll(() => s?.stop());

  it('[R-CMP-6][R-SAT-3] repairs, complaints and satisfaction as bar charts for the month so far', async () => {
    await open(supervisor, base, '/workbench/report/index');
    await supervisor.locator('#report-total').waitFor();
    await expectText(supervisor, '#report-month', `${month.slice(0, 4)}年${Number(month.slice(5))}月`);
    await expectText(supervisor, '#report-total', '2');
    await expectText(supervisor, '#report-cat-plumbing', '水龙头/水管');
    await screenshot(supervisor, 'rp01-report-repairs');

    await supervisor.locator('#report-tab-complaints').click();
    await expectText(supervisor, '#report-cmp-total', '3');
    await expectText(supervisor, '#report-cmp-levels-major', '重大');
    await expectText(supervisor, '#report-cmp-causes-noise', '2');
    await expectText(supervisor, '#report-cmp-departments-security', '秩序维护部');
    await expectText(supervisor, '#report-cmp-deadline-resolution', '超时 2');
    await screenshot(supervisor, 'rp02-report-complaints');

    await supervisor.locator('#report-tab-satisfaction').click();
    await expectText(supervisor, '#report-sat-average', '3.5');
    await expectText(supervisor, '#report-sat-low', '1');
    await expectText(supervisor, '#report-sat-followups', '2');
    await expectText(supervisor, '#report-sat-stars-2', '1');
    await expectText(supervisor, '#report-sat-staff-tech-2', '2');
    await expectText(supervisor, '#report-sat-followup-list', '回访发现问题：锁还是很难拧');
    await expectText(supervisor, '#report-sat-followup-list', '住户评价 2 星：等太久了');
    await screenshot(supervisor, 'rp03-report-satisfaction');
  });

  it('[R-SAT-3] 导出 Excel downloads the month: one sheet per section, totals as on the page', async () => {
    const [download] = await Promise.all([supervisor.waitForEvent('download'), supervisor.locator('#report-export').click()]);
    expect(download.suggestedFilename()).toBe(`月度报表-${month}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fs.readFileSync((await download.path())!) as never);
    const names: string[] = [];
    book.eachSheet((ws) => names.push(ws.name));
    expect(names).toEqual(['报修汇总', '投诉情况月汇总表', '满意度统计']);
    const totalOf = (name: string) => {
      let found: unknown[] = [];
      book.getWorksheet(name)!.eachRow((r) => {
        const v = (r.values as unknown[]).slice(1);
        if (v[0] === '合计') found = v;
      });
      return found;
    };
    expect(totalOf('报修汇总')[2]).toBe(2);
    expect(totalOf('投诉情况月汇总表')[2]).toBe(3);
    expect(totalOf('满意度统计').slice(2, 7)).toEqual([2, 3.5, 1, 3, 1]);
  });

  it('[R-SAT-2] the follow-ups are marked in the supervisor\'s queue', async () => {
    await open(supervisor, base, '/workbench/queue/index');
    await supervisor.locator(`#queue-followup-${followed}`).waitFor();
    await expectText(supervisor, `#queue-followup-${followed}`, '主管跟进');
    await screenshot(supervisor, 'rp04-queue-followup');
    expect(s.errors).toEqual([]);
  });
});
