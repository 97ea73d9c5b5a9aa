/**
 * @jest-environment ./test/weapp/environment.js
 *
 * The resident's fee pages ship as the `fee` subpackage of the mini-program: declared in app.json, every
 * page and the QR code library under fee/ (none of it in the main package), each package within 2 MB. In
 * the mini-program the bills render from wx.cloud.callFunction, 确认支付 opens WeChat's payment sheet
 * (wx.requestPayment) with exactly the parameters fee.pay signed, and the receipt's QR code is a PNG data
 * URL drawn without canvas or TextEncoder.
 */
import { startHarness, type Harness } from '../support/harness';
import { bootWeapp, type Weapp } from '../support/weapp';
import { MB2, readWeappBuild } from '../support/weappBuild';
import { expectQrOf } from '../support/qr';

const { app, all, main, size, sub, under, holding } = readWeappBuild();
const fee = sub('fee');
/** A string only the qrcode package's encoder holds. */
const QR_MARKER = 'The amount of data is too big to be stored in a QR Code';

it('app.json declares the fee subpackage with every fee page; the main package lists none of them', () => {
  if (!fee) throw new Error(`no subpackage with root "fee" in dist/weapp/app.json: ${JSON.stringify(app)}`);
  expect(fee.pages).toEqual(expect.arrayContaining(['bills/index', 'preview/index', 'order/index', 'receipts/index', 'receipt/index', 'verify/index', 'standards/index']));
  for (const p of fee.pages) for (const ext of ['js', 'json', 'wxml']) expect(all).toContain(`fee/${p}.${ext}`);
  expect(app.pages.filter((p) => p.startsWith('fee'))).toEqual([]);
});

it('the QR code library and the fee pages\' code stay in the subpackage; each package is within 2 MB', () => {
  const scripts = (list: string[]) => holding(list, [QR_MARKER], /\.js$/);
  expect(scripts(main)).toEqual([]);
  expect(scripts(under('fee')).length).toBeGreaterThan(0);
  const markers = ['sandbox__banner', 'receipt__qr'];
  expect(holding(main, markers)).toEqual([]);
  const mainBytes = size(main);
  const feeBytes = size(under('fee'));
  console.log(`dist/weapp: main package ${(mainBytes / 1024).toFixed(1)} KB, fee subpackage ${(feeBytes / 1024).toFixed(1)} KB`);
  expect(mainBytes).toBeLessThanOrEqual(MB2);
  expect(feeBytes).toBeLessThanOrEqual(MB2);
});

describe('rendered', () => {
  let h: Harness;
  let wx: Weapp;
  const payments: Record<string, unknown>[] = [];
  beforeAll(async () => {
    h = await startHarness();
    wx = await bootWeapp({ url: h.url, token: await h.login('resident-a') });
    // WeChat's payment sheet: records what it was opened with and answers as a completed payment would.
    (globalThis as unknown as { wx: Record<string, unknown> }).wx.requestPayment = (o: Record<string, (r: unknown) => void> & Record<string, unknown>) => {
      payments.push({ ...o });
      const res = { errMsg: 'requestPayment:ok' };
      if (o.success || o.complete) {
        o.success?.(res);
        o.complete?.(res);
        return undefined;
      }
      return Promise.resolve(res);
    };
  }, 30_000);
  afterAll(() => h?.close());

  it('[R-FEE-1] 物业缴费 renders 1-1-101\'s unpaid months with their lines and totals from fee.bills', async () => {
    const page = await wx.open('fee/bills/index');
    await page.waitForText('¥507.50');
    const token = await h.login('resident-a');
    const bills = (await h.call(token, 'fee', { action: 'bills', householdId: '1-1-101' })).body.data.items as { period: string }[];
    for (const b of bills) await page.waitFor(() => page.find(`[id="bill-${b.period}"]`), `the card of ${b.period}`);
    expect(page.find(`[id="bill-${bills[0].period}-total"]`)?.textContent).toContain('¥253.75');
    expect(wx.calls.some((c) => c.name === 'fee' && c.data?.action === 'bills' && c.status === 200)).toBe(true);
  });

  it('[R-FEE-3][R-FEE-5] 确认支付 opens WeChat\'s payment sheet with exactly the parameters fee.pay signed, then goes to the order page', async () => {
    const token = await h.login('resident-a');
    const bills = (await h.call(token, 'fee', { action: 'bills', householdId: '1-1-101' })).body.data.items as { id: string; status: string }[];
    const ids = bills.filter((b) => b.status === 'unpaid').map((b) => b.id);
    const page = await wx.open('fee/preview/index', { billIds: ids.join(',') });
    await page.waitForText('¥507.50');
    const navs = wx.navigations.length;
    await page.tap('#preview-pay');
    const nav = await page.waitFor(() => wx.navigations.slice(navs).find((n) => n.api === 'redirectTo'), 'the order page after the payment sheet');
    const pay = wx.calls.find((c) => c.name === 'fee' && c.data?.action === 'pay');
    expect(pay?.status).toBe(200);
    const signed = pay!.result.data as { outTradeNo: string; payment: Record<string, string> };
    expect(payments).toHaveLength(1);
    for (const k of ['timeStamp', 'nonceStr', 'package', 'signType', 'paySign']) expect(payments[0][k]).toBe(signed.payment[k]);
    expect(signed.payment.package).toMatch(/^prepay_id=/);
    expect(nav.url).toBe(`/fee/order/index?outTradeNo=${encodeURIComponent(signed.outTradeNo)}`);
    // Nothing is paid on the client's word: until WeChat Pay's notification the order is pending.
    expect((await h.call(token, 'fee', { action: 'order', outTradeNo: signed.outTradeNo })).body.data.status).toBe('pending');
    const order = await wx.open('fee/order/index', { outTradeNo: signed.outTradeNo });
    await order.waitForText('支付处理中');
    expect(order.find('#sandbox-cashier')).toBeNull();

    // The WeChat Pay stand-in sends the signed notification; the page sees the platform book it.
    const res = await fetch(`${h.url}/local/pay/confirm`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ outTradeNo: signed.outTradeNo }) });
    expect(res.status).toBeLessThan(300);
    await order.waitForText('支付成功', 15_000);
  });

  it('[R-FEE-6] the receipt page draws its QR code as a PNG data URL', async () => {
    const token = await h.login('resident-a');
    const receipts = (await h.call(token, 'fee', { action: 'receipts', householdId: '1-1-101' })).body.data.items as { number: string }[];
    expect(receipts.length).toBeGreaterThan(0);
    const page = await wx.open('fee/receipt/index', { number: receipts[0].number });
    await page.waitForText(receipts[0].number);
    const img = await page.waitFor(() => page.find('#receipt-qr image, #receipt-qr img, #receipt-qr [src]'), 'the QR image');
    expect(img.getAttribute('src')).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    // In the mini-program the code holds the verification page's path with the number and the code.
    const r = (await h.call(token, 'fee', { action: 'receipt', number: receipts[0].number })).body.data as { code: string };
    expectQrOf(img.getAttribute('src')!, `/fee/verify/index?number=${encodeURIComponent(receipts[0].number)}&code=${encodeURIComponent(r.code)}`);
  });
});
