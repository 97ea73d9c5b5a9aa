/**
 * A complaint in a real browser against the H5 build, with the platform clock under the test's control
 * (TEST_CLOCK=1): resident-b files a complaint about noise at night from the 投诉 tile (the page
 * apologises first) → the front desk classifies it 重要 → 61 minutes pass without a hand-over → the
 * hand-over deadline is breached, the supervisor owns it and was told → the supervisor contacts the
 * resident and tells the result → the front desk (not the handler) calls back → closed. The resident's
 * page and messages along the way. Screenshots go to test-artifacts/screenshots/ (c01…).
 */
import { DESKTOP, MOBILE, fill, open, screenshot, type Page, expectText, type Session, platformCalls, startSession } from './support';

jest.setTimeout(180_000);

const MINUTE = 60_000;

interface OutboxItem {
  to: string;
  template: string;
  data: Record<string, string>;
}

describe('browser: a complaint, its 1-hour hand-over missed, escalated, answered and called back', () => {
  let s: Session;
  let resident: Page;
  let desk: Page;
  let supervisor: Page;
  let base: string;
  let caseId = '';
  let number = '';

  const { call: api, tokenOf } = platformCalls(() => base);
  const outbox = async (template: string) => (await api<{ items: OutboxItem[] }>('GET', '/local/outbox')).body.items.filter((m) => m.template === template && m.data.caseId === caseId);
  const openCase = async (p: Page) => {
    await open(p, base, `/workbench/case/index?id=${encodeURIComponent(caseId)}`);
    await p.locator('#wb-case-status').waitFor();
  };

  beforeAll(async () => {
    s = await startSession({ TEST_CLOCK: '1' });
    base = s.base;
    expect((await api('GET', '/local/clock')).status).toBe(200);
    resident = await s.page('resident-b', MOBILE);
  });

  afterAll(() => s?.stop());

  it('[R-CMP-1] 投诉 is live on the home grid; the form apologises first and records when, where, whom and what the resident asks for', async () => {
    await open(resident, base, '/pages/index/index');
    const tile = resident.locator('#service-complaint');
    await tile.waitFor();
    expect(await tile.textContent()).not.toContain('即将上线');
    await tile.click();
    await resident.waitForURL(/pages\/complaint\/index/);
    await expectText(resident, '#complaint-apology', '非常抱歉给您带来了不好的体验');
    await fill(resident, 'complaint-content', '楼下商铺每晚十一点以后还在装卸货，噪音很大，孩子睡不着。');
    await fill(resident, 'complaint-place', '1栋楼下商铺门口');
    await fill(resident, 'complaint-subject', '秩序维护部夜班');
    await fill(resident, 'complaint-asks', '请制止夜间装卸，并告知整改时间');
    await resident.locator('#complaint-category-noise').click();
    await screenshot(resident, 'c01-complaint-form');
  });

  it('[R-CMP-1] submitting opens the case with an apology; the message names the case and what happened', async () => {
    await resident.locator('#complaint-submit').click();
    await resident.waitForURL(/pages\/case\/index\?id=/);
    caseId = decodeURIComponent(/id=([^&]+)/.exec(resident.url())![1]);
    await expectText(resident, '#case-created', '非常抱歉给您带来了不好的体验');
    await expectText(resident, '#case-complaint', '1栋楼下商铺门口');
    await expectText(resident, '#case-complaint', '秩序维护部夜班');
    number = (await resident.locator('#case-number').textContent())!.trim();
    const [received] = await outbox('complaint.received');
    expect([received.to, received.data.number, received.data.category]).toEqual(['resident-b', number, '噪音扰民']);
    await screenshot(resident, 'c02-complaint-submitted');
  });

  it('[R-CMP-2] the front desk classifies it 重要: its own clocks, the hand-over due within the hour', async () => {
    desk = await s.page('frontdesk', DESKTOP);
    await openCase(desk);
    await expectText(desk, '#wb-complaint', '秩序维护部夜班');
    await desk.locator('#wb-level-serious').click();
    await expectText(desk, '#wb-classify', '1 小时内移交部门主管');
    await desk.locator('#wb-classify-submit').click();
    await expectText(desk, '#wb-complaint', '投诉记录 · 重要');
    await expectText(desk, '#wb-case-deadlines-handover', '移交部门主管时限');
    await expectText(desk, '#wb-case-timeline', '投诉分级');
    await screenshot(desk, 'c03-desk-classified');
  });

  it('[R-CMP-2][R-ESC-5] 61 minutes pass without a hand-over: breached, the supervisor owns it and was told', async () => {
    const r = await api<{ now: string }>('POST', '/local/clock', { advanceMs: 61 * MINUTE });
    expect(r.status).toBe(200);
    expect((await outbox('case.escalated')).map((m) => m.to)).toEqual(['supervisor']);
    expect((await outbox('case.breached')).map((m) => m.data.deadline)).toEqual(['handover']);
    supervisor = await s.page('supervisor', DESKTOP);
    await openCase(supervisor);
    await expectText(supervisor, '#wb-case-owner', '周丽');
    await supervisor.locator('#wb-case-escalated').waitFor();
    await expectText(supervisor, '#wb-case-timeline', '已超时');
    // The supervisor's message center has it, naming the case.
    const msgs = await supervisorMessages();
    expect(msgs.some((m) => m.includes(number))).toBe(true);
    await screenshot(supervisor, 'c04-supervisor-escalated');
    // The resident's page: still their words only, no staff bookkeeping.
    await resident.reload();
    await expectText(resident, '#case-owner', '周丽');
    const timeline = (await resident.locator('#case-timeline').textContent())!;
    expect(timeline).not.toMatch(/超时|督办|分级|重要/);
  });

  it('[R-CMP-3] the supervisor contacts the resident, then tells the result; the desk is asked to call back', async () => {
    await fill(supervisor, 'wb-contact-note', '电话联系住户，已致歉并说明今晚起安排夜间巡查');
    await supervisor.locator('#wb-contact-submit').click();
    await expectText(supervisor, '#wb-case-timeline', '联系住户');
    await fill(supervisor, 'wb-reply-note', '已约谈商铺负责人，晚上十点后停止装卸；秩序维护部每晚巡查，连续一周。');
    await supervisor.locator('#wb-reply-submit').click();
    await expectText(supervisor, '#wb-case-status', '待回访');
    // The handler may not call back: no callback card for them.
    expect(await supervisor.locator('#wb-callback').count()).toBe(0);
    expect((await outbox('complaint.callbackDue')).map((m) => m.to)).toEqual(['frontdesk']);
    await resident.reload();
    await expectText(resident, '#case-resolution', '晚上十点后停止装卸');
    await expectText(resident, '#case-timeline', '工作人员已与您联系');
    expect(await resident.locator('#case-timeline').textContent()).not.toContain('今晚起安排夜间巡查');
    await screenshot(resident, 'c05-resident-result');
  });

  it('[R-CMP-3] the front desk calls back (not the handler): closed, and the resident is told', async () => {
    await openCase(desk);
    await desk.locator('#wb-callback-outcome-satisfied').click();
    await fill(desk, 'wb-callback-note', '住户表示这两晚已安静，对处理满意');
    await desk.locator('#wb-callback-submit').click();
    await expectText(desk, '#wb-case-status', '已关闭');
    await screenshot(desk, 'c06-desk-closed');
    expect((await outbox('case.closed')).map((m) => m.to)).toEqual(['resident-b']);
    await open(resident, base, '/pages/messages/index');
    await resident.locator('text=投诉处理结果').first().waitFor();
    const text = (await resident.locator('.taro_page_show').textContent())!;
    expect(text).toContain(number);
    await screenshot(resident, 'c07-resident-messages');
    await open(resident, base, `/pages/case/index?id=${encodeURIComponent(caseId)}`);
    await expectText(resident, '#case-status', '已关闭');
    await expectText(resident, '#case-timeline', '回访');
    await screenshot(resident, 'c08-resident-closed');
  });

  async function supervisorMessages(): Promise<string[]> {
    const token = await tokenOf('supervisor');
    const res = await fetch(`${base}/fn/message`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ action: 'list' }) });
    const body = (await res.json()) as { data: { items: { title: string; body: string }[] } };
    return body.data.items.map((m) => `${m.title} ${m.body}`);
  }
});
