/**
 * What people read, in a real browser against the H5 build (issue 9, items 4 and 5): the resident's
 * message center names each case by number, category and room, in words of its step (a quote with its
 * amount, an apology with a new promise for a missed one); the staff queue flags urged cases (催办) and
 * shows the responsible person's own title; the transfer list offers only those who can handle the case.
 * Screenshots go to test-artifacts/screenshots/ (m01…).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makePng } from './png';
import { DESKTOP, MOBILE, open, screenshot, cssId, expectText, type Session, platformCalls, startSession } from './support';

jest.setTimeout(180_000);

const MINUTE = 60_000;
const ROOM = '1栋1单元101室';

describe('browser: messages that say which case, and the staff queue', () => {
  let s: Session;
  let base = '';
  const cases: Record<string, { id: string; number: string }> = {};

  const { as, post, call, tokenOf } = platformCalls(() => base);

  beforeAll(async () => {
    // A higher creation limit: the last test gives one resident more messages than one page holds.
    s = await startSession({ TEST_CLOCK: '1', SUBMIT_LIMIT_PER_HOUR: '100' });
    base = s.base;
    let n = 0;
    const submit = (body: Record<string, unknown>) => as('resident-a', 'case', { action: 'submit', requestId: `msg-${Date.now()}-${n++}`, householdId: '1-1-101', ...body });
    // A paid in-home repair: dispatched, on site, quoted.
    cases.repair = await submit({ kind: 'repair', category: 'plumbing', location: 'in_home', content: '厨房水龙头一直滴水，麻烦师傅看看' });
    await as('frontdesk', 'workbench', { action: 'dispatch', id: cases.repair.id, technicianId: 'tech-2' });
    await as('tech-2', 'workbench', { action: 'arrive', id: cases.repair.id });
    await as('tech-2', 'workbench', { action: 'quote', id: cases.repair.id, feeFen: 8000, note: '更换水龙头阀芯，含材料' });
    // An emergency nobody reaches in time: the household gets an apology and a new promise.
    cases.emergency = await submit({ kind: 'repair', category: 'burst_pipe', location: 'in_home', content: '卫生间水管爆裂' });
    await post('/local/clock', { advanceMs: 16 * MINUTE });
    // A consultation the household urges (催办).
    cases.consultation = await submit({ kind: 'consultation', category: 'fee', content: '请问物业费可以按季度缴纳吗？' });
    await as('resident-a', 'case', { action: 'urge', id: cases.consultation.id });
  });

  afterAll(() => s?.stop());

  it('the message center names each case by number, category and room, in words of its step', async () => {
    const resident = await s.page('resident-a', MOBILE);
    await open(resident, base, '/pages/messages/index');
    await expectText(resident, '#messages-list', cases.repair.number);
    const text = (await resident.locator('#messages-list').textContent())!;
    expect(text).toContain(`维修报价 ¥80.00 待您确认`);
    expect(text).toContain(`您的报修 ${cases.repair.number}（水龙头/水管 · ${ROOM}）属于户内有偿维修，刘师傅报价 ¥80.00`);
    expect(text).toContain('刘师傅已到场');
    expect(text).toContain(`已派单给刘师傅`);
    expect(text).toContain('非常抱歉，您的报修未能按时上门');
    expect(text).toContain(`非常抱歉，您的报修 ${cases.emergency.number}（水管爆裂 · ${ROOM}）未能在约定的`);
    expect(text).toContain('我们已升级督办');
    expect(text).toContain(`您的咨询 ${cases.consultation.number}（物业费用 · ${ROOM}）已受理`);
    await screenshot(resident, 'm01-message-center');
  });

  it('the staff queue flags the urged case (催办) and shows each responsible person by their own title', async () => {
    const desk = await s.page('frontdesk', DESKTOP);
    await open(desk, base, '/workbench/queue/index');
    const urged = desk.locator(`#queue-urged-${cssId(cases.consultation.id)}`);
    await urged.waitFor();
    expect(await urged.textContent()).toBe('催办');
    expect(await desk.locator(`#queue-urged-${cssId(cases.repair.id)}`).count()).toBe(0);
    // The tag is readable: dark text on a light ground.
    const [fg, bg] = await urged.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]);
    expect([fg, bg]).toEqual(['rgb(138, 59, 0)', 'rgb(255, 241, 224)']);
    const row = desk.locator(`#queue-item-${cssId(cases.consultation.id)}`);
    expect(await row.textContent()).toContain('张敏');
    await expectText(desk, `#queue-owner-title-${cssId(cases.consultation.id)}`, '前台 · 客服中心');
    await expectText(desk, `#queue-owner-title-${cssId(cases.emergency.id)}`, '客服主管 · 客服中心'); // escalated: the supervisor owns it
    await screenshot(desk, 'm02-staff-queue');

    // The transfer list: only those core offers for a fee consultation (the desk and the cashier), no technician.
    await row.click();
    await desk.waitForURL(/workbench\/case\/index/);
    await expectText(desk, '#wb-case-owner', '张敏（前台 · 客服中心）');
    await desk.locator('#wb-assign-to-supervisor').waitFor();
    const offered = await desk.locator('#wb-assign-list [id^="wb-assign-to-"]').evaluateAll((els) => els.map((e) => e.id.replace('wb-assign-to-', '')));
    expect(offered).toEqual(['frontdesk', 'supervisor', 'manager', 'cashier']);
    await expectText(desk, '#wb-assign-to-supervisor', '客服主管 · 客服中心');
    await expectText(desk, '#wb-assign-to-frontdesk', '当前负责');
    await screenshot(desk, 'm03-staff-case-transfer');
  });

  it('more messages than a page: the first 30 shown, 加载更多 brings the rest once each, then the button is gone', async () => {
    const numbers: string[] = [];
    for (let i = 0; i < 33; i++) numbers.push((await as('resident-b', 'case', { action: 'submit', requestId: `more-page-${i}`, householdId: '1-1-102', kind: 'consultation', content: `您好，第 ${i + 1} 个问题：请问快递柜在哪里？` })).number);
    const resident = await s.page('resident-b', MOBILE);
    await open(resident, base, '/pages/messages/index');
    const rows = resident.locator('#messages-list [id^="message-"]');
    await resident.locator('#messages-more').waitFor();
    expect(await rows.count()).toBe(30);
    await resident.locator('#messages-more').scrollIntoViewIfNeeded();
    await screenshot(resident, 'm04-messages-more');
    await resident.locator('#messages-more').click();
    await resident.locator('#messages-more').waitFor({ state: 'detached' });
    const ids = await rows.evaluateAll((els) => els.map((e) => e.id));
    expect(ids.length).toBeGreaterThanOrEqual(33);
    expect(new Set(ids).size).toBe(ids.length);
    await expectText(resident, '#messages-list', numbers[0]); // the oldest, on the second page
  });

  it('[R-ACC-4] a photo sent from the mini-program (cloud storage) shows on the front desk PC; another household asking for its link gets 404', async () => {
    // What the mini-program does: an upload path, Taro.cloud.uploadFile (the local storage PUT), file.register.
    const token = await tokenOf('resident-a');
    const where = await as('resident-a', 'file', { action: 'uploadPath', ext: 'png' });
    const put = await fetch(`${base}/local/cloud/upload/${where.cloudPath}`, { method: 'PUT', body: new Uint8Array(fs.readFileSync(makePng(path.join(os.tmpdir(), `wuye-cloud-${process.pid}.png`)))), headers: { authorization: `Bearer ${token}` } });
    expect(put.status).toBe(200);
    const { fileID } = ((await put.json()) as { data: { fileID: string } }).data;
    const registered = await as('resident-a', 'file', { action: 'register', requestId: `cloud-photo-${Date.now()}`, fileId: fileID });
    const c = await as('resident-a', 'case', { action: 'submit', requestId: `cloud-case-${Date.now()}`, householdId: '1-1-101', kind: 'repair', category: 'public_lighting', location: 'common_area', content: '楼道灯不亮了，照片是在小程序里拍的', photos: [registered.fileId] });
    const desk = await s.page('frontdesk', DESKTOP);
    await open(desk, base, `/workbench/case/index?id=${encodeURIComponent(c.id)}`);
    await desk.waitForFunction(() => {
      const img = document.querySelector('#wb-case-photo-0 img') as HTMLImageElement | null;
      return !!img && img.complete && img.naturalWidth > 0;
    });
    // The platform holds no bytes of it: the page showed it through the short-lived link file.url issued.
    expect(await desk.locator('#wb-case-photo-0 img').getAttribute('src')).toMatch(/^\/local\/cloud\/file\/.+\?t=\d+&sign=/);
    // Another household asking for that link gets 404, as for every read of another household's photo.
    const other = await call('POST', '/fn/file', { action: 'url', fileId: registered.fileId }, await tokenOf('resident-b'));
    expect(other.status).toBe(404);
  });
});
