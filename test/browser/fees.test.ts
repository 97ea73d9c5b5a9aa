/**
 * Fees in a real browser against the H5 build served by the local platform (demo seed: 1-1-101 owes the
 * current and the previous month, 25,375 fen each):
 *  resident-a opens 缴费 from the home grid, sees 1-1-101's bills by month with each line and total, the
 *  published standards, confirms household, months, items and total, pays both months in the sandbox
 *  cashier (本地模拟支付: /local/pay/confirm makes the WeChat Pay stand-in send the signed notification),
 *  waits through 支付处理中… for the platform's word, opens the receipt with its QR code and verifies it
 *  on the public verification page, signed out; resident-b cannot see any of it (404 through the API).
 * Screenshots go to test-artifacts/screenshots/ (f01…).
 */
import path from 'node:path';
import { expectQrOf } from '../support/qr';
import { openSqliteStore } from '../../adapters/store/sqlite';
import { requestRefund } from '../../core/usecases/fee/requestRefund';
import { MOBILE, expectAccessible, open, screenshot, expectText, unauditedRoutes, type Page, type Session, platformCalls, startSession, type Envelope } from './support';

jest.setTimeout(180_000);

interface Bill {
  id: string;
  period: string;
  lines: { item: string; label: string; amountFen: number }[];
  totalFen: number;
  status: 'unpaid' | 'paid';
  receiptNumber: string | null;
}

describe('browser: bills, the sandbox cashier, receipts and their verification', () => {
  let s: Session;
  let resident: Page;
  let base: string;
  let tokenA = '';
  let bills: Bill[] = [];
  let outTradeNo = '';
  let receiptNumber = '';
  let receiptCode = '';

  const { call, tokenOf } = platformCalls(() => base);
  const api = <T>(p: string, body: unknown, token?: string) => call<Envelope<T>>('POST', p, body, token);
  const fee = <T>(action: string, input: object, token = tokenA) => api<T>('/fn/fee', { action, ...input }, token);
  const newPage = (user?: string) => s.page(user ?? null, MOBILE, /pages\/index\/index/);

  beforeAll(async () => {
    s = await startSession();
    base = s.base;
    tokenA = await tokenOf('resident-a');
    const r = await fee<{ items: Bill[] }>('bills', { householdId: '1-1-101' });
    expect(r.status).toBe(200);
    bills = r.body.data.items;
    resident = await newPage('resident-a');
  });

  afterAll(() => s?.stop());

  it('[R-FEE-1] 缴费 is live on the home grid and opens 1-1-101\'s bills by month: each line, each month\'s total, the amount owed', async () => {
    // The demo seed: the previous and the current month, unpaid, 25,375 fen each (contract §3).
    const unpaid = bills.filter((b) => b.status === 'unpaid');
    expect(unpaid.map((b) => b.totalFen)).toEqual([25375, 25375]);

    await open(resident, base, '/pages/index/index');
    const tile = resident.locator('#service-fee');
    await tile.waitFor();
    expect(await tile.textContent()).not.toContain('即将上线');
    await expectAccessible(resident, 'f00-home');
    await tile.click();
    await resident.waitForURL(/fee\/bills\/index/);
    await expectText(resident, '#bills-owed', '¥507.50');
    for (const b of unpaid) {
      const [y, m] = b.period.split('-');
      await expectText(resident, `#bill-${b.period}`, `${y}年${Number(m)}月`);
      await expectText(resident, `#bill-${b.period}-total`, '¥253.75');
      for (const l of b.lines) await expectText(resident, `#bill-${b.period}-line-${l.item}`, `${l.label}`);
      await expectText(resident, `#bill-${b.period}`, '¥223.75'); // 89.50 m² × 2.50 元
      await expectText(resident, `#bill-${b.period}`, '¥30.00'); // elevator
      // Every payable month starts ticked.
      expect(await resident.locator(`#bill-pick-${b.period}`).getAttribute('aria-checked')).toBe('true');
    }
    await expectText(resident, '#bills-chosen-total', '¥507.50');
    await screenshot(resident, 'f01-bills-unpaid');

    // Unticking a month changes what is chosen; ticking it again brings it back.
    await resident.locator(`#bill-pick-${unpaid[0].period}`).click();
    await expectText(resident, '#bills-chosen-total', '¥253.75');
    await resident.locator(`#bill-pick-${unpaid[0].period}`).click();
    await expectText(resident, '#bills-chosen-total', '¥507.50');
  });

  it('[R-FEE-2] the published standards and their basis are one tap from the bills', async () => {
    await resident.locator('#bills-standards').click();
    await resident.waitForURL(/fee\/standards\/index/);
    await resident.locator('#standards-list').waitFor();
    const std = (await fee<{ items: { item: string; label: string; priceText: string }[]; basis: string }>('standards', { householdId: '1-1-101' })).body.data;
    for (const it of std.items) await expectText(resident, `#standard-${it.item}`, it.label);
    await expectText(resident, '#standards-list', '2.50');
    await expectText(resident, '#standards-basis', std.basis.slice(0, 10));
    await screenshot(resident, 'f02-standards');
    await resident.goBack();
    await resident.waitForURL(/fee\/bills\/index/);
  });

  it('[R-FEE-3] before paying, the resident sees household, months, every item and the total, and one clear 确认支付', async () => {
    await resident.locator('#bills-pay').waitFor();
    await resident.locator('#bills-pay').click();
    await resident.waitForURL(/fee\/preview\/index/);
    await expectText(resident, '#preview-household', '89.50');
    await expectText(resident, '#preview-address', '101');
    for (const b of bills) {
      const [y, m] = b.period.split('-');
      await expectText(resident, '#preview-months', `${y}年${Number(m)}月`);
      await expectText(resident, `#preview-bill-${b.period}-total`, '¥253.75');
      for (const l of b.lines) await expectText(resident, `#preview-bill-${b.period}-line-${l.item}`, l.label);
    }
    await expectText(resident, '#preview-total', '¥507.50');
    await expectText(resident, '#preview-pay', '确认支付');
    await screenshot(resident, 'f03-preview');
  });

  it('[R-FEE-5] the sandbox cashier is marked 本地模拟支付; after its confirmation the page shows 支付处理中… until the platform has booked the payment, then 支付成功', async () => {
    await resident.locator('#preview-pay').click();
    await resident.waitForURL(/fee\/order\/index/);
    outTradeNo = decodeURIComponent(/outTradeNo=([^&]+)/.exec(resident.url())![1]);
    await expectText(resident, '#sandbox-banner', '本地模拟支付 · 不会产生真实扣款');
    await expectText(resident, '#sandbox-amount', '¥507.50');
    // Nothing is paid by opening the cashier.
    expect((await fee<{ status: string }>('order', { outTradeNo })).body.data.status).toBe('pending');
    await screenshot(resident, 'f04-sandbox-cashier');

    // Hold the page's questions about the order until it has been seen waiting for the platform's word.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await resident.route('**/fn/fee', async (route) => {
      const body = route.request().postDataJSON() as { action?: string };
      if (body?.action === 'order') await held;
      await route.continue();
    });
    await resident.locator('#sandbox-confirm').click();
    await expectText(resident, '#order-status', '支付处理中');
    expect(await resident.locator('#order-paid').count()).toBe(0);
    await screenshot(resident, 'f05-paying');
    release();
    await expectText(resident, '#order-status', '支付成功');
    await resident.unroute('**/fn/fee');

    const order = (await fee<{ status: string; receiptNumber: string; totalFen: number }>('order', { outTradeNo })).body.data;
    expect(order).toMatchObject({ status: 'paid', totalFen: 50750 });
    receiptNumber = order.receiptNumber;
    await expectText(resident, '#order-receipt-number', receiptNumber);
    const after = (await fee<{ items: Bill[] }>('bills', { householdId: '1-1-101' })).body.data.items;
    expect(after.filter((b) => bills.some((x) => x.id === b.id)).map((b) => b.status)).toEqual(['paid', 'paid']);
    await screenshot(resident, 'f06-paid');
  });

  it('[R-FEE-6] the receipt shows number, household, items, amounts, date, payer and its code, with a QR code that encodes the verification link', async () => {
    await resident.locator('#order-receipt').click();
    await resident.waitForURL(/fee\/receipt\/index/);
    const r = (await fee<{ number: string; code: string; household: string; payer: string; items: { period: string; label: string; amountFen: number }[]; totalFen: number; paidAt: string }>('receipt', { number: receiptNumber })).body.data;
    receiptCode = r.code;
    await expectText(resident, '#receipt-number', receiptNumber);
    await expectText(resident, '#receipt-household', r.household);
    await expectText(resident, '#receipt-payer', r.payer);
    await expectText(resident, '#receipt-total', '¥507.50');
    await expectText(resident, '#receipt-code', r.code);
    await expectText(resident, '#receipt-paid-at', `${Number(r.paidAt.slice(5, 7))}月${Number(r.paidAt.slice(8, 10))}日`);
    expect(r.items).toHaveLength(4);
    for (const [i, it] of r.items.entries()) await expectText(resident, `#receipt-item-${i}`, it.label);

    // The QR code is the verification page's address with the number and the code, drawn module by module.
    const link = `${base}/#/fee/verify/index?number=${encodeURIComponent(receiptNumber)}&code=${encodeURIComponent(r.code)}`;
    expect(await resident.locator('#receipt-qr').getAttribute('data-text')).toBe(link);
    expectQrOf((await resident.locator('#receipt-qr img').getAttribute('src'))!, link);
    await screenshot(resident, 'f07-receipt');
  });

  it('[R-FEE-6] the paid months move to 已缴 with their receipt; the receipts list holds the new receipt', async () => {
    await open(resident, base, '/fee/bills/index');
    await expectText(resident, '#bills-owed', '¥0.00');
    await resident.locator('#bills-tab-paid').click();
    for (const b of bills) await expectText(resident, `#bill-receipt-${b.period}`, receiptNumber);
    expect(await resident.locator('#bills-paybar').count()).toBe(0);
    await screenshot(resident, 'f08-bills-paid');

    await resident.locator('#bills-receipts').click();
    await resident.waitForURL(/fee\/receipts\/index/);
    await expectText(resident, `#receipt-item-${receiptNumber}`, '¥507.50');
    await screenshot(resident, 'f09-receipts');
  });

  it('[R-FEE-6] anyone, signed out, verifies the receipt from its QR link; a wrong code is refused politely and shows nothing', async () => {
    const stranger = await newPage();
    await open(stranger, base, `/fee/verify/index?number=${encodeURIComponent(receiptNumber)}&code=${encodeURIComponent(receiptCode)}`);
    await expectText(stranger, '#verify-status', '验证通过');
    await expectText(stranger, '#verify-number', receiptNumber);
    await expectText(stranger, '#verify-total', '¥507.50');
    await screenshot(stranger, 'f10-verify-ok');

    const wrong = receiptCode.slice(0, 7) + (receiptCode.endsWith('A') ? 'B' : 'A');
    await open(stranger, base, `/fee/verify/index?number=${encodeURIComponent(receiptNumber)}&code=${wrong}`);
    await stranger.locator('#verify-fail').waitFor();
    expect(await stranger.locator('#verify-result').count()).toBe(0);
    await screenshot(stranger, 'f11-verify-refused');
  });

  it('[R-ACC-4] resident-b cannot see 1-1-101\'s bills, order or receipt (404), and 物业缴费 shows only 1-1-102', async () => {
    const tokenB = await tokenOf('resident-b');
    for (const [action, input] of [
      ['bills', { householdId: '1-1-101' }],
      ['preview', { billIds: bills.map((b) => b.id) }],
      ['order', { outTradeNo }],
      ['receipt', { number: receiptNumber }],
    ] as const) {
      const r = await fee<never>(action, input, tokenB);
      expect([action, r.status]).toEqual([action, 404]);
      expect(r.body.error!.code).toMatch(/NOT_FOUND$/);
    }
    const b = await newPage('resident-b');
    await open(b, base, '/fee/bills/index');
    await expectText(b, '#bills-owed', '¥507.50');
    expect(await b.locator('.fee-hero__label').textContent()).toContain('102');
    expect(await b.locator('#bills-list-unpaid').textContent()).not.toContain('101');
  });

  it('[R-FEE-5] 继续支付: months held by the resident\'s own payment left in WeChat\'s cashier offer 继续支付, which opens that same order again', async () => {
    const tokenB = await tokenOf('resident-b');
    const own = (await fee<{ items: Bill[] }>('bills', { householdId: '1-1-102' }, tokenB)).body.data.items.filter((x) => x.status === 'unpaid');
    const first = await fee<{ outTradeNo: string }>('pay', { requestId: `br-resume-${Date.now()}`, billIds: own.map((x) => x.id) }, tokenB);
    expect(first.status).toBe(200);
    const b = await newPage('resident-b');
    await open(b, base, '/fee/bills/index');
    for (const x of own) await expectText(b, `#bill-resume-${x.period}`, '继续支付');
    expect(await b.locator('#bills-paybar').count()).toBe(0);
    await expectAccessible(b, 'f12-bills-resume');
    await screenshot(b, 'f12-bills-resume');
    await b.locator(`#bill-resume-${own[0].period}`).click();
    await b.waitForURL(/fee\/preview\/index/);
    await expectText(b, '#preview-total', '¥507.50');
    await b.locator('#preview-pay').click();
    await b.waitForURL(/fee\/order\/index/);
    expect(decodeURIComponent(/outTradeNo=([^&]+)/.exec(b.url())![1])).toBe(first.body.data.outTradeNo);
    await expectText(b, '#sandbox-amount', '¥507.50');
  });

  it('[R-FEE-5] confirming months that were paid meanwhile says so and opens the receipt that paid them', async () => {
    await open(resident, base, `/fee/preview/index?billIds=${encodeURIComponent(bills.map((b) => b.id).join(','))}`);
    await resident.locator('#preview-pay').click();
    await expectText(resident, '#preview-pay-error', '已缴清');
    await expectText(resident, '#preview-paid-receipt', receiptNumber);
    expect(await resident.locator('#preview-pay').count()).toBe(0);
    await expectAccessible(resident, 'f14-preview-paid');
    await screenshot(resident, 'f14-preview-paid');
    await resident.locator('#preview-paid-receipt').click();
    await resident.waitForURL(/fee\/receipt\/index/);
    await expectText(resident, '#receipt-number', receiptNumber);
  });

  it('[R-REN-10] 我的收据 lists the household\'s refunds under 退款记录: how much, why, and where the money is', async () => {
    // A refund decided on the paid order (as a renovation's acceptance does), written into the platform's store.
    const store = await openSqliteStore(path.join(s.platform.dataDir, 'wuye.sqlite'));
    try {
      const r = await store.transaction((tx) =>
        requestRefund({ tx, ids: { next: (p: string) => `${p}_br${Date.now().toString(36)}` }, now: Date.now() }, { source: 'test', sourceId: 'browser-1', outTradeNo, householdId: '1-1-101', amountFen: 20_000, reason: '装修押金退还（扣除 ¥200.00）', requestedBy: 'manager' }),
      );
      expect(r.kind).toBe('requested');
    } finally {
      await store.close();
    }
    await open(resident, base, `/fee/receipts/index?householdId=1-1-101`);
    await resident.locator('#refunds-list').waitFor();
    await expectText(resident, '#refunds-list', '退款记录');
    await expectText(resident, '#refunds-list', '¥200.00');
    await expectText(resident, '#refunds-list', '装修押金退还');
    await expectText(resident, '#refunds-list', '退款中');
    await expectAccessible(resident, 'f13-refunds');
    await screenshot(resident, 'f13-refunds');
  });

  it('every page opened here was audited for accessibility', () => {
    expect(unauditedRoutes()).toEqual([]);
    expect(s.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
