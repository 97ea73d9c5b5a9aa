/**
 * Renovation (装修申请) in a real browser against the H5 build served by the local platform, with the
 * platform clock under the test's control (TEST_CLOCK=1):
 *  resident-a opens 装修 from the home grid, reads the rules and signs the agreement, fills the five-step
 *  application (基本信息 → 施工人员 → 资料上传 → 费用确认 → 提交) — the draft survives a reload — sees the
 *  platform's fees before submitting; 装修管理员 (reno-officer) returns it with the qualification
 *  certificate missing; the resident sees what is missing and resubmits; the officer approves; the resident
 *  pays the fee bill in the sandbox cashier (本地模拟支付); the officer records the 闭水试验 and an
 *  inspection; the next inspection is missed (test clock + the SLA sweep) and escalates; a violation notice
 *  with a deadline; acceptance with a deduction, and the refund shown to both. ID numbers are masked
 *  everywhere (R-ACC-5). Screenshots go to test-artifacts/screenshots/ (n01…); every page is audited
 *  (normal and 大字).
 */
import path from 'node:path';
import os from 'node:os';
import fs from 'node:fs';
import { DESKTOP, MOBILE, cssId, expectAccessible, expectText, fill, makePng, open, screenshot, unauditedRoutes, type Page, type Session, platformCalls, startSession, type Envelope } from './support';

jest.setTimeout(300_000);

interface Fee {
  item: string;
  label: string;
  amountFen: number;
  refundable: boolean;
}
interface Reno {
  id: string;
  number: string;
  status: string;
  statusLabel: string;
  fees: Fee[];
  totalFen: number;
  billId: string | null;
  billStatus: string | null;
  missing: { code: string; label: string }[];
  permitNumber: string | null;
  deadlines: { name: string; dueAt: string; metAt: string | null; breached: boolean }[];
  inspections: { passed: boolean }[];
  closureTests: { passed: boolean; photos: string[] }[];
  violations: { id: string; description: string; proofs: string[] }[];
  startDate: string;
  endDate: string;
  deductions: { reason: string; amountFen: number }[];
  refundFen: number | null;
  documents: { workers: { name: string; idNumber: string | null }[] };
  allowed: Record<string, boolean>;
}

const ID_NUMBER = '11010119800101123X';
const DAY = 86_400_000;
/** A calendar day n days after `day` (YYYY-MM-DD; host time zone plays no part). */
const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const yuan = (fen: number) => `¥${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

describe('browser: a renovation from the rules to the refund', () => {
  let s: Session;
  let resident: Page;
  let officer: Page;
  let base: string;
  let tokenA = '';
  let tokenOfficer = '';
  let renoId = '';
  const png = makePng(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'reno-')), 'doc.png'));

  const { call, tokenOf } = platformCalls(() => base);
  const api = <T>(method: 'GET' | 'POST', p: string, body?: unknown, token?: string) => call<Envelope<T>>(method, p, body, token);
  const reno = <T>(action: string, input: object, token = tokenA) => api<T>('POST', '/fn/renovation', { action, ...input }, token);
  const view = async (token = tokenA) => {
    const r = await reno<Reno>('get', { id: renoId }, token);
    expect(r.status).toBe(200);
    return r.body.data;
  };
  const newPage = async (user: string, device = MOBILE) => {
    const p = await s.page(user, device);
    p.setDefaultTimeout(12_000);
    return p;
  };
  const upload = async (page: Page, addId: string, doneId: string) => {
    const add = page.locator(`#${addId}`);
    await add.scrollIntoViewIfNeeded();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), add.click()]);
    await chooser.setFiles(png);
    await page.locator(`#${doneId}`).waitFor();
  };
  /** Attaches the test photo through a PhotoField and waits until it is uploaded. */
  const attach = async (page: Page, idPrefix: string, n = 0) => {
    const add = page.locator(`#${idPrefix}-add-photo`);
    await add.scrollIntoViewIfNeeded();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), add.click()]);
    await chooser.setFiles(png);
    await page.locator(`#${idPrefix}-photo-${n}[data-done="1"]`).waitFor();
  };
  /** The photo with this id has loaded on the page (served to this user). */
  const photoShown = (page: Page, id: string) =>
    page.waitForFunction((sel) => {
      const img = document.querySelector(sel) as HTMLImageElement | null;
      return !!img && img.complete && img.naturalWidth > 0;
    }, `#${id} img`);
  /** A day chosen in a DateField (the browser's own date input over what the field shows). */
  const pickDay = (page: Page, fieldId: string, day: string) => page.locator(`#${fieldId} input[type=date]`).fill(day);
  let startDay = '';
  let endDay = '';
  /** Nothing on the page shows a full ID number (R-ACC-5). */
  const noFullId = async (page: Page) => expect(await page.locator('body').textContent()).not.toContain(ID_NUMBER);

  beforeAll(async () => {
    s = await startSession({ TEST_CLOCK: '1' });
    base = s.base;
    tokenA = await tokenOf('resident-a');
    tokenOfficer = await tokenOf('reno-officer');
    resident = await newPage('resident-a');
  });

  afterAll(() => s?.stop());

  it('[R-REN-4] 装修 is live on the home grid; the rules are read and the agreement signed with an explicit 我已阅读并同意 before any form opens', async () => {
    await open(resident, base, '/pages/index/index');
    const tile = resident.locator('#service-renovation');
    await tile.waitFor();
    expect(await tile.textContent()).not.toContain('即将上线');
    expect(await tile.getAttribute('aria-disabled')).toBeNull();
    await screenshot(resident, 'n00-home');
    await tile.click();
    await resident.waitForURL(/renovation\/list\/index/);
    await resident.locator('#reno-list-empty').waitFor();
    await screenshot(resident, 'n01-list-empty');

    await resident.locator('#reno-list-new').click();
    await resident.waitForURL(/renovation\/rules\/index/);
    await expectText(resident, '#rules-management', '装修管理规定');
    await expectText(resident, '#rules-elevator', '电梯');
    await expectText(resident, '#rules-notice', '告知');
    expect(await resident.locator('#rules-tick').getAttribute('aria-checked')).toBe('false');
    await screenshot(resident, 'n02-rules');
    await resident.locator('#rules-tick').click();
    expect(await resident.locator('#rules-tick').getAttribute('aria-checked')).toBe('true');
    await resident.locator('#rules-agree').click();
    await resident.waitForURL(/renovation\/apply\/index/);
  });

  it('the application goes step by step with a progress indicator, and its draft survives a reload', async () => {
    await resident.locator('#apply-step-basic').waitFor();
    expect(await resident.locator('#apply-steps-0').getAttribute('aria-current')).toBe('step');
    await fill(resident, 'apply-plan', '厨房、卫生间翻新：重做防水，更换地砖和橱柜，不动承重墙');
    await fill(resident, 'apply-area', '89.5');
    await fill(resident, 'apply-demolition', '4');
    // Dates come from a calendar (no typing), from today on (community time); the end is chosen before
    // the start here on purpose: the platform's rule answers at submission (below).
    const today = await resident.locator('#apply-start-field input[type=date]').getAttribute('min');
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    startDay = plusDays(today!, 3);
    endDay = plusDays(today!, 63);
    await pickDay(resident, 'apply-start-field', startDay);
    await pickDay(resident, 'apply-end-field', plusDays(today!, 1));
    await expectText(resident, '#apply-start', `${Number(startDay.slice(5, 7))}月${Number(startDay.slice(8))}日`);
    expect(await resident.locator('#apply-end-field input[type=date]').inputValue()).toBe(plusDays(today!, 1));
    await screenshot(resident, 'n03-apply-basic');
    await resident.locator('#apply-next').click();

    await resident.locator('#apply-step-workers').waitFor();
    expect(await resident.locator('#apply-steps-1').getAttribute('aria-current')).toBe('step');
    await fill(resident, 'apply-worker-0-name', '王建国');
    await fill(resident, 'apply-worker-0-id', ID_NUMBER);
    await upload(resident, 'apply-worker-0-photo-add', 'apply-worker-0-photo-0');
    await screenshot(resident, 'n04-apply-workers');
    await resident.locator('#apply-next').click();

    await resident.locator('#apply-step-docs').waitFor();
    await upload(resident, 'apply-doc-form-add', 'apply-doc-form-0');
    await upload(resident, 'apply-doc-drawings-add', 'apply-doc-drawings-0');
    await upload(resident, 'apply-doc-licence-add', 'apply-doc-licence-0');
    await upload(resident, 'apply-doc-qualification-add', 'apply-doc-qualification-0');

    // Leaving and coming back: the draft (this household's, on the phone) brings every step back.
    await resident.reload();
    await resident.locator('#apply-step-docs').waitFor();
    for (const d of ['form', 'drawings', 'licence', 'qualification']) await resident.locator(`#apply-doc-${d}-0`).waitFor();
    await screenshot(resident, 'n05-apply-docs');
    await resident.locator('#apply-back').click();
    await resident.locator('#apply-step-workers').waitFor();
    expect(await resident.locator('#apply-worker-0-name input').inputValue()).toBe('王建国');
    await resident.locator('#apply-next').click();
    await resident.locator('#apply-next').click();
  });

  it('[R-REN-5] the fees the platform computes are shown before submitting; the submitted application clears the draft', async () => {
    await resident.locator('#apply-step-fees').waitFor();
    const quote = (await reno<{ fees: Fee[]; totalFen: number }>('quote', { householdId: '1-1-101', areaM2: 89.5, demolitionM2: 4, secondRenovation: false, premises: 'home', workers: 1 })).body.data;
    expect(quote.totalFen).toBeGreaterThan(0);
    for (const f of quote.fees) await expectText(resident, `#apply-fees-${f.item}`, yuan(f.amountFen));
    await expectText(resident, '#apply-fees-total', yuan(quote.totalFen));
    await expectText(resident, '#apply-summary-worker-0', '王建国');
    await noFullId(resident);
    await screenshot(resident, 'n06-apply-fees');

    // The work ends before it starts: the platform's own word, and nothing is filed.
    await resident.locator('#apply-submit').click();
    await expectText(resident, '#apply-error', '完工日期不能早于开工日期');
    expect((await reno<{ items: unknown[] }>('list', { householdId: '1-1-101' })).body.data.items).toEqual([]);
    await screenshot(resident, 'n06b-apply-date-refused');
    for (let i = 0; i < 3; i++) await resident.locator('#apply-back').click();
    await resident.locator('#apply-step-basic').waitFor();
    await pickDay(resident, 'apply-end-field', endDay);
    for (let i = 0; i < 3; i++) await resident.locator('#apply-next').click();
    await resident.locator('#apply-step-fees').waitFor();
    await expectText(resident, '#apply-fees-total', yuan(quote.totalFen));

    await resident.locator('#apply-submit').click();
    await resident.locator('#apply-done').waitFor();
    expect(await resident.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('renovation.draft')))).toEqual([]);
    await screenshot(resident, 'n07-apply-done');
    await resident.locator('#apply-done-view').click();
    await resident.waitForURL(/renovation\/detail\/index/);
    renoId = decodeURIComponent(/id=([^&]+)/.exec(resident.url())![1]);
    const v = await view();
    expect(v.status).toBe('submitted');
    expect(v.totalFen).toBe(quote.totalFen);
    expect([v.startDate, v.endDate]).toEqual([startDay, endDay]);
    await expectText(resident, '#reno-status', v.statusLabel);
    await expectText(resident, '#reno-number', v.number);
    await screenshot(resident, 'n08-detail-submitted');
  });

  it('[R-REN-6] the 装修管理员 finds the application in the workbench, checks it item by item and returns it: the qualification certificate is missing', async () => {
    officer = await newPage('reno-officer', DESKTOP);
    // The workbench offers 装修管理 to whom the platform permits it (renovation.read), not to a technician.
    await open(officer, base, '/workbench/queue/index');
    await expectText(officer, '#wb-nav-renovations', '装修管理');
    await expectAccessible(officer, 'n09a-wb-home');
    const meOf = async (user: string) => (await api<{ permissions: string[] }>('POST', '/fn/account', { action: 'me' }, await tokenOf(user))).body.data.permissions;
    expect(await meOf('reno-officer')).toContain('renovation.read');
    expect(await meOf('tech-1')).not.toContain('renovation.read');
    await officer.locator('#wb-nav-renovations').click();
    await officer.waitForURL(/workbench\/renovations\/index/);
    await officer.locator(`#renos-item-${cssId(renoId)}`).waitFor();
    await screenshot(officer, 'n09-wb-queue');
    await officer.locator(`#renos-item-${cssId(renoId)}`).click();
    await officer.waitForURL(/workbench\/renovation\/index/);
    await officer.locator('#wbr-review').waitFor();
    await expectText(officer, '#wbr-worker-0', '王建国');
    await noFullId(officer);
    await screenshot(officer, 'n10-wb-review');

    await officer.locator('#wbr-flag-qualification').click();
    await fill(officer, 'wbr-return-note', '资质证书照片不清晰，请重新拍摄上传，感谢配合');
    await officer.locator('#wbr-return').click();
    await expectText(officer, '#wbr-status', '退回');
    expect((await view()).status).toBe('returned');
  });

  it('[R-REN-6] the resident sees what is missing in plain words and resubmits it', async () => {
    await open(resident, base, `/renovation/detail/index?id=${encodeURIComponent(renoId)}`);
    await resident.locator('#reno-missing-qualification').waitFor();
    await expectText(resident, '#reno-return-note', '资质证书');
    await screenshot(resident, 'n11-detail-returned');
    await resident.locator('#reno-resubmit').click();
    await resident.waitForURL(/renovation\/resubmit\/index/);
    await resident.locator('#resubmit-missing').waitFor();
    await upload(resident, 'resubmit-doc-qualification-add', 'resubmit-doc-qualification-0');
    await screenshot(resident, 'n12-resubmit');
    await resident.locator('#resubmit-send').click();
    await resident.waitForURL(/renovation\/detail\/index/);
    expect((await view()).status).toBe('submitted');
  });

  it('[R-REN-6] the officer approves: the permit and passes are issued, and the fees become the household\'s bill', async () => {
    await officer.reload();
    await officer.locator('#wbr-approve').waitFor();
    await officer.locator('#wbr-approve').click();
    await officer.locator('#wbr-permit').waitFor();
    const v = await view();
    expect(v.status).toBe('approved');
    expect(v.billId).toBeTruthy();
    expect(v.permitNumber).toBeTruthy();
  });

  it('[R-REN-5] the resident pays the renovation bill in the sandbox cashier (本地模拟支付) from the 去缴费 link', async () => {
    await open(resident, base, `/renovation/detail/index?id=${encodeURIComponent(renoId)}`);
    await expectText(resident, '#reno-permit', (await view()).permitNumber!);
    await screenshot(resident, 'n13-detail-approved');
    await resident.locator('#reno-pay').click();
    await resident.waitForURL(/fee\/bills\/index/);
    await resident.locator('#bills-pay').waitFor();
    await expectAccessible(resident, 'n13a-bills');
    await resident.locator('#bills-pay').click();
    await resident.waitForURL(/fee\/preview\/index/);
    await resident.locator('#preview-pay').waitFor();
    const v = await view();
    await expectText(resident, 'body', v.fees[0].label);
    await screenshot(resident, 'n13b-preview');
    await resident.locator('#preview-pay').click();
    await resident.waitForURL(/fee\/order\/index/);
    await expectText(resident, '#sandbox-banner', '本地模拟支付');
    await expectAccessible(resident, 'n13c-sandbox');
    await resident.locator('#sandbox-confirm').click();
    await expectText(resident, '#order-status', '支付成功');
    expect((await view()).billStatus).toBe('paid');
    await open(resident, base, `/renovation/detail/index?id=${encodeURIComponent(renoId)}`);
    await expectText(resident, '#reno-bill-status', '已缴费');
  });

  it('[R-REN-7] [R-REN-8] the officer records the 闭水试验 and an inspection; a missed inspection escalates through the SLA sweep', async () => {
    await officer.reload();
    await officer.locator('#wbr-closure-card').waitFor();
    // Paid, but no 闭水试验 yet: the page says what acceptance waits for instead of offering it.
    await expectText(officer, '#wbr-accept-blocker-0', '闭水试验尚未记录合格');
    expect(await officer.locator('#wbr-accept-card').count()).toBe(0);
    await officer.locator('#wbr-closure-passed-yes').click();
    await fill(officer, 'wbr-closure-note', '卫生间、厨房蓄水 24 小时，楼下无渗漏');
    await attach(officer, 'wbr-closure');
    await screenshot(officer, 'n13c-wb-closure-photo');
    await officer.locator('#wbr-closure-save').click();
    await officer.locator('#wbr-closure-0').waitFor();
    const closed = (await view()).closureTests;
    expect(closed.map((t) => t.passed)).toEqual([true]);
    expect(closed[0].photos).toEqual([expect.stringMatching(/^f_/)]);
    await photoShown(officer, 'wbr-closure-0-photo-0');
    // The card starts afresh for the next record: no photo carried over.
    expect(await officer.locator('#wbr-closure-photo-0').count()).toBe(0);

    await officer.locator('#wbr-inspect-card').waitFor();
    await fill(officer, 'wbr-inspect-findings', '水电改造中，施工人员佩证上岗，楼道已铺设保护');
    await officer.locator('#wbr-inspect-passed-yes').click();
    await officer.locator('#wbr-inspect-save').click();
    await officer.locator('#wbr-inspections-0').waitFor();

    // Nobody inspects for three days: the sweep finds the inspection overdue and escalates it.
    const moved = await api<{ now: string }>('POST', '/local/clock', { advanceMs: 3 * DAY });
    expect(moved.status).toBe(200);
    const v = await view(tokenOfficer);
    expect(v.deadlines.some((d) => d.name === 'inspection' && d.breached)).toBe(true);
    const outbox = (await api<never>('GET', '/local/outbox')).body as unknown as { items: { template: string; to: string; data: Record<string, string> }[] };
    const missed = outbox.items.filter((m) => m.template === 'renovation.inspectionMissed' && m.data.renovationId === renoId);
    expect(missed.length).toBeGreaterThan(0);
    await open(officer, base, '/workbench/renovations/index');
    await officer.locator(`#renos-overdue-${cssId(renoId)}`).waitFor();
    await screenshot(officer, 'n14-wb-queue-overdue');
    await officer.locator(`#renos-item-${cssId(renoId)}`).click();
    await officer.waitForURL(/workbench\/renovation\/index/);
    await officer.locator('#wbr-inspect-card').waitFor();
    await officer.locator('#wbr-check-facade-no').click();
    await fill(officer, 'wbr-inspect-findings', '阳台外墙私自开孔，已要求停止并恢复');
    await officer.locator('#wbr-inspect-passed-no').click();
    await officer.locator('#wbr-inspect-save').click();
    await officer.locator('#wbr-inspections-1').waitFor();
  });

  it('[R-REN-9] a violation notice goes out with its deadline, and the resident sees it', async () => {
    await officer.locator('#wbr-violation-card').waitFor();
    await fill(officer, 'wbr-violation-desc', '阳台外墙私自开孔，请于期限内恢复原状');
    const deadline = plusDays((await officer.locator('#wbr-violation-deadline-field input[type=date]').getAttribute('min'))!, 5);
    await pickDay(officer, 'wbr-violation-deadline-field', deadline);
    await attach(officer, 'wbr-violation');
    await officer.locator('#wbr-violation-save').click();
    await officer.locator('#wbr-violations-0').waitFor();
    const noticed = (await view()).violations[0] as unknown as { proofs: string[]; deadline: string };
    expect(noticed.proofs).toEqual([expect.stringMatching(/^f_/)]);
    expect(noticed.deadline).toMatch(new RegExp(`^${deadline}T18:00`));
    await photoShown(officer, 'wbr-violations-0-proof-0');
    await expectText(officer, '#wbr-accept-blocker-0', '仍有未整改完毕的违章');
    await screenshot(officer, 'n15-wb-inspected');
    await open(resident, base, `/renovation/detail/index?id=${encodeURIComponent(renoId)}`);
    await expectText(resident, '#reno-violations-0', '外墙');
    await expectText(resident, '#reno-closure-0-result', '合格');
    await expectText(resident, '#reno-inspections-1-result', '不合格');
    // The household sees the officer's photos of the test and of the violation.
    await photoShown(resident, 'reno-closure-0-photo-0');
    await photoShown(resident, 'reno-violations-0-proof-0');
    await resident.locator('#reno-violations-0').scrollIntoViewIfNeeded();
    await screenshot(resident, 'n16-detail-violation');
    // Another household gets 404 for them, as for every read of another household's file.
    const tokenB = await tokenOf('resident-b');
    for (const f of [(await view()).closureTests[0].photos[0], noticed.proofs[0]]) {
      expect((await api<never>('POST', '/fn/file', { action: 'url', fileId: f }, tokenB)).status).toBe(404);
      expect((await api<{ url: string }>('POST', '/fn/file', { action: 'url', fileId: f }, tokenA)).status).toBe(200);
    }

    // Put right within the deadline: the officer records it.
    await officer.locator('#wbr-resolve-card').waitFor();
    await fill(officer, 'wbr-resolve-note', '外墙开孔已封堵，复查合格');
    await officer.locator('#wbr-resolve-rectified').click();
    await officer.locator('#wbr-resolve-card').waitFor({ state: 'detached' });
    expect((await view()).violations.map((x) => (x as unknown as { status: string }).status)).toEqual(['rectified']);
  });

  it('[R-REN-10] acceptance with a deduction: the officer sees the refund the platform worked out, and so does the resident', async () => {
    await officer.reload();
    await officer.locator('#wbr-accept-card').waitFor();
    await officer.locator('#wbr-ded-add').click();
    await fill(officer, 'wbr-ded-0-reason', '外墙开孔修补');
    await fill(officer, 'wbr-ded-0-amount', '200');
    await officer.locator('#wbr-accept').click();
    await officer.locator('#wbr-refund').waitFor();
    const v = await view();
    expect(v.deductions).toEqual([{ reason: '外墙开孔修补', amountFen: 20000 }]);
    expect(v.refundFen).toBeGreaterThan(0);
    await expectText(officer, '#wbr-refund', yuan(v.refundFen!));
    await noFullId(officer);
    await screenshot(officer, 'n17-wb-accepted');

    await open(resident, base, `/renovation/detail/index?id=${encodeURIComponent(renoId)}`);
    await expectText(resident, '#reno-refund', yuan(v.refundFen!));
    await expectText(resident, '#reno-deduction-0', '外墙开孔修补');
    await noFullId(resident);
    await screenshot(resident, 'n18-detail-accepted');

    await open(resident, base, '/renovation/list/index');
    await expectText(resident, `#reno-item-${cssId(renoId)}`, v.number);
    await screenshot(resident, 'n19-list-archive');
  });

  it('[R-ACC-4] resident-b cannot read 1-1-101\'s application (404)', async () => {
    const r = await reno<never>('get', { id: renoId }, await tokenOf('resident-b'));
    expect(r.status).toBe(404);
  });

  it('every page opened here was audited for accessibility', async () => {
    await expectAccessible(resident, 'n-final');
    expect(unauditedRoutes()).toEqual([]);
    expect(s.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
