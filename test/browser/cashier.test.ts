/**
 * The cashier's workbench in a real browser against the H5 build (issue 12): 收费员 郑芳 signs in, finds
 * 欠费催缴 among her sections and sees the demo seed's arrears (last month unpaid, phones masked), sends a
 * reminder (R-FEE-7); after a sandbox payment (本地模拟支付) opens 收费日结 — balanced — and exports it
 * (R-FEE-8); voids a receipt with its reason in 收据管理 (R-FEE-6) and sees the day no longer balance; the
 * resident's receipt says 已作废; three months on, she issues the 催缴函 and opens it to print.
 * Every page is audited (axe, normal and 大字). Screenshots go to test-artifacts/screenshots/ (ca01…).
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { DESKTOP, MOBILE, expectAccessible, login, open, screenshot, expectText, type Page, type Session, platformCalls, startSession } from './support';

jest.setTimeout(180_000);

describe('browser: the cashier works arrears, receipts and the day book', () => {
  let s: Session;
  let base = '';
  let cashier: Page;
  let receiptNumber = '';
  let day = '';

  const { as, post } = platformCalls(() => base);
  const signIn = async (page: Page) => {
    await login(page, base, 'cashier');
    await page.waitForURL(/workbench\//);
  };

  beforeAll(async () => {
    s = await startSession({ TEST_CLOCK: '1' });
    base = s.base;
    cashier = await s.page('cashier', { ...DESKTOP, acceptDownloads: true }, /workbench\//);
  });

  afterAll(() => s?.stop());

  it('[R-FEE-7] 欠费催缴 lists the demo seed\'s overdue month per household, phones masked; a reminder is sent and the next step shown', async () => {
    await cashier.locator('#wb-nav-arrears').click();
    await cashier.waitForURL(/workbench\/arrears\/index/);
    await expectText(cashier, '#arrears-owed-1-1-101', '¥253.75');
    await expectText(cashier, '#arrears-owed-1-1-102', '¥253.75');
    const phone = (await cashier.locator('#arrears-phone-1-1-101').textContent()) ?? '';
    expect(phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    await expectText(cashier, '#arrears-next-1-1-101', '缴费提醒（已到期，请办理）');
    expect(await cashier.locator('#arrears-letter-1-1-101').count()).toBe(0);
    await screenshot(cashier, 'ca01-arrears');

    await cashier.locator('#arrears-remind-1-1-101').click();
    await expectText(cashier, '#arrears-done', '已向 1栋1单元101室 的住户发送缴费提醒');
    await expectText(cashier, '#arrears-ladder-1-1-101', '缴费提醒');
    await expectText(cashier, '#arrears-next-1-1-101', '下一步：催缴函');
    await expectText(cashier, '#arrears-remind-1-1-101', '再次提醒');
    await screenshot(cashier, 'ca02-arrears-reminded');
    // The resident has it in the message center.
    const msgs = await as('resident-a', 'message', { action: 'list' });
    expect(msgs.items.some((m: { title: string; body: string }) => m.title === '缴费提醒' && m.body.includes('¥253.75'))).toBe(true);
  });

  it('[R-FEE-8] after a sandbox payment the day book balances: totals, numbers, a green badge; 导出 Excel downloads it', async () => {
    const bills = (await as('resident-b', 'fee', { action: 'bills', householdId: '1-1-102', status: 'unpaid' })).items as { id: string }[];
    const order = await as('resident-b', 'fee', { action: 'pay', requestId: `ca-${Date.now()}`, billIds: bills.map((b) => b.id) });
    await post('/local/pay/confirm', { outTradeNo: order.outTradeNo });
    receiptNumber = (await as('resident-b', 'fee', { action: 'order', outTradeNo: order.outTradeNo })).receiptNumber;
    expect(receiptNumber).toMatch(/^demo-\d{4}-\d{6}$/);

    await cashier.locator('#wb-nav-daybook').click();
    await cashier.waitForURL(/workbench\/daybook\/index/);
    await expectText(cashier, '#daybook-balanced', '账实相符');
    await expectText(cashier, '#daybook-total', '¥507.50');
    await expectText(cashier, '#daybook-receipts-total', '¥507.50');
    await expectText(cashier, '#daybook-range', receiptNumber);
    await expectText(cashier, `#daybook-receipt-${receiptNumber}`, '已开具');
    day = ((await cashier.locator('#daybook-date').textContent()) ?? '').trim();
    expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await screenshot(cashier, 'ca03-daybook-balanced');

    const [download] = await Promise.all([cashier.waitForEvent('download'), cashier.locator('#daybook-export').click()]);
    expect(download.suggestedFilename()).toBe(`收费日结-${day}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fs.readFileSync((await download.path())!) as never);
    const names: string[] = [];
    book.eachSheet((ws) => names.push(ws.name));
    expect(names).toEqual(['对账', '收据', '收款', '退款与作废']);
    const summary: string[] = [];
    book.getWorksheet('对账')!.eachRow((r) => summary.push((r.values as unknown[]).slice(1).join('|')));
    expect(summary).toEqual(expect.arrayContaining(['收款合计(元)|507.5', '对账结果|账实相符']));

    // The PC's own date input chooses the day (components/DateField.h5.tsx): an earlier day has no receipt.
    const before = new Date(Date.parse(`${day}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const input = cashier.getByLabel(`日结日期 ${day}，选择日期`);
    expect(await input.getAttribute('max')).toBe(day);
    await input.fill(before);
    await expectText(cashier, '#daybook-date', before);
    await expectText(cashier, '#daybook-total', '¥0.00');
    await cashier.locator('#daybook-next').click();
    await expectText(cashier, '#daybook-date', day);
    await expectText(cashier, '#daybook-total', '¥507.50');
  });

  it('[R-FEE-6] 收据管理: voiding asks for a reason, keeps the number, and the day book shows what no longer reconciles', async () => {
    await cashier.locator('#wb-nav-receipts').click();
    await cashier.waitForURL(/workbench\/receipts\/index/);
    await expectText(cashier, `#receipt-status-${receiptNumber}`, '已开具');
    await cashier.locator(`#receipt-void-${receiptNumber}`).click();
    await cashier.locator(`#receipt-void-confirm-${receiptNumber}`).click();
    await expectText(cashier, '#receipts-error', '请填写作废原因');
    await cashier.locator(`#receipt-void-input-${receiptNumber} input`).fill('缴费人姓名有误，请住户到前台换开');
    await screenshot(cashier, 'ca04-receipt-void-reason');
    await cashier.locator(`#receipt-void-confirm-${receiptNumber}`).click();
    await expectText(cashier, `#receipt-status-${receiptNumber}`, '已作废');
    await expectText(cashier, `#receipt-void-reason-${receiptNumber}`, '缴费人姓名有误，请住户到前台换开（郑芳');
    expect(await cashier.locator(`#receipt-void-${receiptNumber}`).count()).toBe(0);
    await screenshot(cashier, 'ca05-receipt-voided');

    await cashier.locator('#wb-nav-daybook').click();
    await cashier.waitForURL(/workbench\/daybook\/index/);
    await expectText(cashier, '#daybook-balanced', '不平（1 处）');
    await expectText(cashier, '#daybook-issue-0', '收据已作废');
    await expectText(cashier, `#daybook-voided-${receiptNumber}`, '缴费人姓名有误');
    await expectText(cashier, '#daybook-receipts-total', '¥0.00');
    await screenshot(cashier, 'ca06-daybook-unbalanced');

    // The resident's receipt says so, with the reason.
    const resident = await s.page('resident-b', MOBILE, /pages\/index\/index/);
    await open(resident, base, `/fee/receipt/index?number=${receiptNumber}`);
    await expectText(resident, '#receipt-voided', '本收据已作废：缴费人姓名有误，请住户到前台换开');
    await screenshot(resident, 'ca07-resident-receipt-voided');
    // The public check (fee.verifyReceipt) says it is voided too.
    await resident.locator('#receipt-verify').click();
    await resident.waitForURL(/fee\/verify\/index/);
    await expectText(resident, '#verify-status', '已作废');
    await expectText(resident, '#verify-voided', '缴费人姓名有误');
    await screenshot(resident, 'ca07b-verify-voided');
  });

  it('[R-FEE-7] three months after the reminder the 催缴函 is due: issued from the list and opened to print', async () => {
    await post('/local/clock', { advanceMs: 93 * 86_400_000 });
    await signIn(cashier);
    await open(cashier, base, '/workbench/arrears/index');
    await expectText(cashier, '#arrears-next-1-1-101', '下一步：催缴函（已到期，请办理）');
    // Issued only after a confirmation that says what it does; 再想想 leaves everything as it was.
    await cashier.locator('#arrears-letter-1-1-101').click();
    await expectText(cashier, '.taro-modal__content', '通知已认证的住户');
    await cashier.locator('.taro-model__cancel').click();
    await cashier.locator('.taro-modal__content').waitFor({ state: 'hidden' });
    await expectText(cashier, '#arrears-next-1-1-101', '下一步：催缴函（已到期，请办理）');
    await cashier.locator('#arrears-letter-1-1-101').click();
    await expectText(cashier, '.taro-modal__content', '1栋1单元101室');
    await screenshot(cashier, 'ca07c-letter-confirm');
    await cashier.locator('.taro-model__confirm').click();
    await cashier.waitForURL(/workbench\/letter\/index/);
    await expectText(cashier, '#letter-to', '李明');
    await expectText(cashier, '#letter-total', '¥507.50');
    await expectText(cashier, '#letter-sheet', '经办人：郑芳');
    await expectText(cashier, '#letter-no', 'CJ');
    await screenshot(cashier, 'ca08-demand-letter');
    await open(cashier, base, '/workbench/arrears/index');
    await expectText(cashier, '#arrears-ladder-1-1-101', '催缴函');
    await expectText(cashier, '#arrears-next-1-1-101', '下一步：法律途径');
    await expectAccessible(cashier, 'ca09-arrears-letter-issued');
  });
});
