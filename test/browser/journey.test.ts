/**
 * The resident–front desk journey in a real browser against the H5 build served by the local platform:
 * bind (pending) → approval → a 咨询 with a photo → the queue (phone masked) → assign and reply →
 * the resident sees each status change. Screenshots of every page go to test-artifacts/screenshots/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DESKTOP, MOBILE, fill, login, makePng, open, screenshot, type Page, cssId, expectText, expectLocatorText, unauditedRoutes, settled, startSession, type Session } from './support';

jest.setTimeout(120_000);

describe('browser journey: resident and front desk', () => {
  let s: Session;
  let resident: Page;
  let desk: Page;
  let base: string;
  const png = makePng(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-png-')), 'leak.png'));
  let caseId = '';

  beforeAll(async () => {
    s = await startSession();
    base = s.base;
    resident = await s.page(null, MOBILE);
    desk = await s.page(null, DESKTOP);
  });

  afterAll(() => s?.stop());

  it('[R-ACC-2] a visitor without a session is sent to the demo-user switcher, which lists the demo users with their roles', async () => {
    await open(resident, base, '/pages/index/index');
    await resident.waitForURL(/pages\/login\/index/);
    await expectText(resident, '#login-resident-new', '新住户');
    await expectText(resident, '#login-frontdesk', '前台');
    await expectText(resident, '#login-tech-1', '维修技师');
    await screenshot(resident, '01-login');
  });

  it('[R-ACC-1] an unbound resident is invited warmly to bind; every service tile is shown, none hidden', async () => {
    await login(resident, base, 'resident-new');
    await resident.waitForURL(/pages\/index\/index/);
    await expectText(resident, '#home-greeting', '您好');
    await expectText(resident, '#home-bind-prompt', '请先完成房屋认证');
    // 报修, 投诉, 缴费 and 装修 are live (test/browser/repair.test.ts, complaint.test.ts, fees.test.ts and renovation.test.ts drive them).
    for (const s of ['repair', 'complaint', 'fee', 'renovation']) {
      await expectVisible(resident, `#service-${s}`);
      expect(await resident.locator(`#service-${s}`).textContent()).not.toContain('即将上线');
    }
    await expectVisible(resident, '#service-consultation');
    await screenshot(resident, '02-home-unbound');
  });

  it('[R-ACC-1] binding with details that do not match the register stays pending for review, with the phone verified through 「使用微信手机号」', async () => {
    await resident.locator('#home-bind').click();
    await resident.waitForURL(/pages\/bind\/index/);
    await settled(resident);
    // Item 9: submitting the empty form marks each missing field; fixing one clears its note at once.
    await resident.locator('#bind-submit').click();
    await expectText(resident, '#bind-room-error', '请填写正确的房号');
    await expectText(resident, '#bind-name-error', '请填写您的姓名');
    expect(await resident.locator('#bind-room-error').getAttribute('role')).toBe('alert');
    await screenshot(resident, '03a-bind-errors');
    await fill(resident, 'bind-room', '1-2');
    await expectText(resident, '#bind-room-error', '请填写正确的房号');
    await fill(resident, 'bind-room', '1-2-201');
    await resident.locator('#bind-room-error').waitFor({ state: 'detached' });
    await expectText(resident, '#bind-name-error', '请填写您的姓名');
    await fill(resident, 'bind-name', '赵小雨');
    await resident.locator('#bind-name-error').waitFor({ state: 'detached' });
    await expectText(resident, '#bind-phone-error', '请填写 11 位手机号码');
    await fill(resident, 'bind-phone', '13800005678');
    await resident.locator('#bind-relation-family').click();
    // The local platform hands out the one-time code WeChat's getPhoneNumber button gives in the mini-program.
    await resident.locator('#bind-verify-phone').click();
    await expectText(resident, '#bind-phone-help', '已获取您的微信手机号');
    await screenshot(resident, '03-bind-form');
    await resident.locator('#bind-submit').click();
    const result = resident.locator('#bind-result');
    await result.waitFor();
    expect(await result.getAttribute('data-status')).toBe('pending');
    await expectText(resident, '#bind-result', '请耐心等待物业审核');
    await expectText(resident, '#bind-result-phone', '已通过微信验证');
    await expectText(resident, '#bind-list', '138****5678');
    await screenshot(resident, '04-bind-pending');
  });

  it('[R-ACC-1][R-ACC-5] the front desk approves the request on the bindings page; the phone is masked there and marked verified or not', async () => {
    // Another request, typed without verification (straight through the API), for the desk to tell apart.
    const token = ((await (await fetch(`${base}/local/login`, { method: 'POST', body: JSON.stringify({ user: 'resident-b' }) })).json()) as { token: string }).token;
    const unverified = await fetch(`${base}/fn/account`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ action: 'bind', householdId: '1-2-201', name: '陈静', phone: '13800001102', relation: 'tenant' }),
    });
    expect(((await unverified.json()) as { data: { status: string } }).data.status).toBe('pending');
    await login(desk, base, 'frontdesk');
    await desk.waitForURL(/workbench\/queue\/index/);
    await desk.locator('#queue-list, #queue-empty').first().waitFor();
    await screenshot(desk, '05-workbench-queue-before');
    await desk.locator('#wb-nav-bindings').click();
    await desk.waitForURL(/workbench\/bindings\/index/);
    const row = desk.locator('[id^="binding-b"]', { hasText: '赵小雨' }).first();
    await row.waitFor();
    await expectLocatorText(row, '1-2-201');
    await expectLocatorText(row, '138****5678');
    expect(await row.textContent()).not.toContain('13800005678');
    const bindingId = (await row.getAttribute('id'))!.replace(/^binding-/, '');
    await expectText(desk, `#binding-verified-${bindingId}`, '手机号已验证');
    const other = desk.locator('[id^="binding-b"]', { hasText: '陈静' }).first();
    await expectLocatorText(other, '手机号未验证');
    await screenshot(desk, '06-workbench-bindings');
    await desk.locator(`#binding-approve-${bindingId}`).click();
    await expectText(desk, `#binding-status-${bindingId}`, '已通过');
  });

  it('[R-INT-2] the bound resident submits a 咨询 with a photo and lands on its detail with deadlines and timeline', async () => {
    await open(resident, base, '/pages/index/index');
    await resident.locator('#home-household-1-2-201').waitFor();
    await screenshot(resident, '07-home-bound');
    await resident.locator('#service-consultation').click();
    await resident.waitForURL(/pages\/submit\/index\?kind=consultation/);
    await resident.locator('#submit-content').waitFor();
    await fill(resident, 'submit-content', '请问小区地下车库的照明坏了几盏，什么时候可以修好？照片是 B2 层入口处。');
    await resident.locator('#submit-category-facility').click();
    const [chooser] = await Promise.all([resident.waitForEvent('filechooser'), resident.locator('#submit-add-photo').click()]);
    await chooser.setFiles(png);
    await resident.locator('#submit-photo-0').waitFor();
    await screenshot(resident, '08-submit');
    await resident.locator('#submit-button').click();
    await resident.waitForURL(/pages\/case\/index\?id=/);
    caseId = decodeURIComponent(/id=([^&]+)/.exec(resident.url())![1]);
    await expectText(resident, '#case-status', '待受理');
    await expectText(resident, '#case-deadlines', '答复时限');
    await expectText(resident, '#case-timeline', '已受理');
    // The photo is served back to its owner and shows.
    await resident.waitForFunction(() => {
      const img = document.querySelector('#case-photo-0 img') as HTMLImageElement | null;
      return !!img && img.complete && img.naturalWidth > 0;
    });
    await screenshot(resident, '09-case-submitted');
    // A tap opens it full screen (src/lib/previewViewer.ts, loaded on that tap); Esc closes it.
    await resident.locator('#case-photo-0').click();
    await resident.waitForFunction(() => {
      const img = document.querySelector('#photo-viewer-img') as HTMLImageElement | null;
      return !!img && img.complete && img.naturalWidth > 0;
    });
    expect(await resident.locator('#photo-viewer').getAttribute('role')).toBe('dialog');
    await resident.keyboard.press('Escape');
    await resident.locator('#photo-viewer').waitFor({ state: 'detached' });
  });

  it('[R-ACC-5][R-INT-5] the front desk sees the case in the queue with the phone masked (138****5678)', async () => {
    await desk.locator('#wb-nav-queue').click();
    await desk.waitForURL(/workbench\/queue\/index/);
    const item = desk.locator(`#queue-item-${cssId(caseId)}`);
    await item.waitFor();
    await expectText(desk, `#queue-phone-${cssId(caseId)}`, '138****5678');
    expect(await item.textContent()).not.toContain('13800005678');
    await expectLocatorText(item, '咨询');
    await expectLocatorText(item, '1-2-201');
    await screenshot(desk, '10-workbench-queue');
  });

  it('[R-INT-5][R-INT-4] the front desk assigns the case to the supervisor; the resident sees 处理中 and the new owner', async () => {
    await desk.locator(`#queue-item-${cssId(caseId)}`).click();
    await desk.waitForURL(/workbench\/case\/index/);
    await expectText(desk, '#wb-case-status', '待受理');
    await desk.locator('#wb-assign-to-supervisor').click();
    await fill(desk, 'wb-assign-note', '车库照明请工程部一并排查');
    await screenshot(desk, '11-workbench-case');
    await desk.locator('#wb-assign-submit').click();
    await expectText(desk, '#wb-case-status', '处理中');
    await expectText(desk, '#wb-case-owner', '周丽');
    await expectText(desk, '#wb-case-timeline', '已指派');

    await resident.reload();
    await expectText(resident, '#case-status', '处理中');
    await expectText(resident, '#case-owner', '周丽');
    // [R-ACC-5] the resident reads the step in plain words, without the staff's note.
    await expectText(resident, '#case-timeline', '已安排专人处理');
    expect(await resident.locator('#case-timeline').textContent()).not.toContain('车库照明请工程部一并排查');
  });

  it('[R-INT-4] the front desk replies; the resident sees 已办结 with the answer, and a message arrives', async () => {
    await fill(desk, 'wb-reply-note', '您好，感谢您的反馈！工程部已于今天下午更换 B2 层入口处的照明灯具，如仍有问题请随时联系我们。');
    await desk.locator('#wb-reply-submit').click();
    await expectText(desk, '#wb-case-status', '已办结');
    await screenshot(desk, '12-workbench-case-replied');

    await resident.reload();
    await expectText(resident, '#case-status', '已办结');
    await expectText(resident, '#case-resolution', '更换 B2 层入口处的照明灯具');
    await expectText(resident, '#case-timeline', '已答复');
    await screenshot(resident, '13-case-replied');

    await open(resident, base, '/pages/cases/index');
    await expectText(resident, `#case-item-status-${cssId(caseId)}`, '已办结');
    await screenshot(resident, '14-cases');

    await open(resident, base, '/pages/index/index');
    await resident.locator('#home-unread').waitFor();
    await resident.locator('#home-messages').click();
    await resident.waitForURL(/pages\/messages\/index/);
    await resident.locator('#messages-list').waitFor();
    await screenshot(resident, '15-messages');
    await resident.locator('#messages-read-all').click();
    await resident.locator('#messages-unread').waitFor({ state: 'detached' });
  });

  it('[R-INT-3] a phone call recorded by the front desk becomes a case with the same clocks, seen by the household in the app', async () => {
    await desk.locator('#wb-nav-intake:visible').click();
    await desk.waitForURL(/workbench\/intake\/index/);
    await desk.locator('#intake-channel-phone').click();
    await fill(desk, 'intake-household', '1-1-101');
    await fill(desk, 'intake-name', '李明');
    await fill(desk, 'intake-phone', '13800001101');
    await desk.locator('#intake-kind-suggestion').click();
    await desk.locator('#intake-category-greening').click();
    await fill(desk, 'intake-content', '住户来电建议：小区东门绿化带的灌木太高，挡住了行人视线，希望修剪一下。');
    await screenshot(desk, '13a-workbench-intake');
    await desk.locator('#intake-submit').click();
    await desk.waitForURL(/workbench\/case\/index\?id=/);
    const intakeId = decodeURIComponent(/id=([^&]+)/.exec(desk.url())![1]);
    await expectText(desk, '#wb-case-status', '待受理');
    await expectText(desk, '#wb-case-timeline', '代为登记（来电）');
    await expectText(desk, '#wb-case-deadlines', '答复时限');

    // resident-a (bound to 1-1-101 with that phone) sees it among their cases.
    const a = await s.page('resident-a', MOBILE, /pages\/index\/index/);
    await open(a, base, '/pages/cases/index');
    await expectText(a, `#case-item-${cssId(intakeId)}`, '建议');
    await a.locator(`#case-item-${cssId(intakeId)}`).click();
    await expectText(a, '#case-status', '待受理');
    await expectText(a, '#case-content', '东门绿化带');
    await a.context().close();
  });

  it('大字模式 (适老化) enlarges type and touch targets on every page and persists', async () => {
    await open(resident, base, '/pages/index/index');
    await resident.locator('#home-cases').waitFor();
    const before = await metrics(resident, '#home-cases');
    await resident.locator('#large-toggle').click();
    await settled(resident);
    const after = await metrics(resident, '#home-cases');
    expect(after.font).toBeGreaterThan(before.font * 1.2);
    expect(after.height).toBeGreaterThan(before.height * 1.1);
    await screenshot(resident, '16-home-large');
    // Another page picks the preference up.
    await open(resident, base, `/pages/case/index?id=${encodeURIComponent(caseId)}`);
    await resident.locator('.shell--large #case-status').waitFor();
    await screenshot(resident, '17-case-large');
    await resident.locator('#case-to-list').waitFor();
    await open(resident, base, '/pages/index/index');
    await resident.locator('#large-toggle').click();
  });

  it('item 9: each H5 page shows its title (also the document title) and a way back: 返回 after navigating (by keyboard), 首页 when opened directly', async () => {
    await open(resident, base, '/pages/index/index');
    await expectText(resident, '#page-title:visible', '物业服务');
    expect(await resident.locator('#page-back:visible, #page-home:visible').count()).toBe(0);
    await resident.locator('#home-cases').click();
    await resident.waitForURL(/pages\/cases\/index/);
    await expectText(resident, '#page-title:visible', '我的工单');
    await resident.waitForFunction(() => document.title === '我的工单');
    // A real button: reached with the keyboard and pressed with Enter.
    await resident.locator('#page-back:visible').focus();
    await resident.keyboard.press('Enter');
    await resident.waitForURL(/pages\/index\/index/);
    await resident.waitForFunction(() => document.title === '物业服务');
    // Opened from a link (no page behind it): 首页 takes the resident home.
    await open(resident, base, `/pages/case/index?id=${encodeURIComponent(caseId)}`);
    await expectText(resident, '#page-title:visible', '工单详情');
    expect(await resident.title()).toBe('工单详情');
    await resident.locator('#page-home:visible').click();
    await resident.waitForURL(/pages\/index\/index/);
    await resident.locator('#home-cases').waitFor();
  });

  it('[R-ACC-2] item 7: 切换演示账号 ends the session on the platform too (POST /local/logout), not only in the page', async () => {
    await open(resident, base, '/pages/index/index');
    await resident.locator('#home-switch-user').waitFor();
    const stored = await resident.evaluate(() => localStorage.getItem('wuye.token'));
    const token = (() => {
      try {
        const v = JSON.parse(stored ?? '') as { data?: string } | string;
        return typeof v === 'string' ? v : (v.data ?? '');
      } catch {
        return stored ?? '';
      }
    })();
    expect(token.length).toBeGreaterThan(10);
    const me = () => fetch(`${base}/fn/account`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{"action":"me"}' }).then((r) => r.status);
    expect(await me()).toBe(200);
    const loggedOut = resident.waitForResponse((r) => r.url().endsWith('/local/logout') && r.status() === 200);
    await resident.locator('#home-switch-user').click();
    await loggedOut;
    await resident.waitForURL(/pages\/login\/index/);
    expect(await me()).toBe(401);
  });

  it('has no page errors along the way', () => {
    expect(s.errors.filter((e) => e.includes('pageerror'))).toEqual([]);
  });

  it('WCAG 2.1 AA: every page opened along the way was audited, as shown and in 大字模式', () => {
    expect(unauditedRoutes()).toEqual([]);
  });
});


async function expectVisible(page: Page, selector: string) {
  await page.locator(selector).first().waitFor({ state: 'visible' });
}


async function metrics(page: Page, selector: string) {
  return page.locator(selector).evaluate((el) => {
    const label = el.querySelector('.link-row__text') as HTMLElement;
    return { font: parseFloat(getComputedStyle(label).fontSize), height: el.getBoundingClientRect().height };
  });
}
