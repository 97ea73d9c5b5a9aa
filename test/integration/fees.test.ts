/**
 * Fees end to end on the local platform (SQLite; test/integration/mariadb runs it again on MariaDB):
 * the demo bills, the preview, paying (the order written before the provider hears of it), the
 * provider's notification through the payNotify function's handler, the receipt and its verification,
 * the reconciliation of lost notifications and expired orders. The Payments port is the test one
 * (test/support/testPayments.ts): real AES-256-GCM and HMAC, WeChat's shapes.
 */
import { startHarness, rid, type Harness } from '../support/harness';
import * as O from '../support/objects';
import { testPayments, type TestPayments } from '../support/testPayments';
import { main as payNotify } from '../../cloudfunctions/payNotify/index';
import { monthOf } from '../../core/shanghai';
import { reconcilePayments } from '../../core/usecases/fee/reconcile';

let h: Harness;
let pay: TestPayments;
let a: string;
let b: string;
let cashier: string;

beforeAll(async () => {
  h = await startHarness();
  pay = testPayments();
  h.platform.deps.payments = pay;
  [a, b, cashier] = await Promise.all([h.login('resident-a'), h.login('resident-b'), h.login('cashier')]);
});
afterAll(() => h.close());

const now = () => h.platform.clock.now();
const fee = async (token: string | null, body: Record<string, unknown>) => h.call(token, 'fee', body);
const notify = (raw: { headers: Record<string, string | undefined>; body: string }) => payNotify({ path: '/pay/notify', httpMethod: 'POST', headers: raw.headers as Record<string, string>, body: raw.body, isBase64Encoded: false });
const counts = async () => {
  const db = O.dbOf(h);
  const n = async (t: 'payments' | 'receipts') => Number((await db.selectFrom(t).select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { payments: await n('payments'), receipts: await n('receipts') };
};

describe('fees', () => {
  it('[R-FEE-1][R-FEE-4] the demo bills 1-1-101 for this and last month: 22,375 property + 3,000 elevator = 25,375 fen each', async () => {
    const res = await fee(a, { action: 'bills', householdId: '1-1-101' });
    expect(res.status).toBe(200);
    const items = res.body.data.items;
    expect(items.map((i: { period: string }) => i.period)).toContain(monthOf(now()));
    expect(items).toHaveLength(2);
    for (const i of items) {
      expect(i.lines.map((l: { item: string; amountFen: number }) => [l.item, l.amountFen])).toEqual([['property_fee', 22_375], ['elevator', 3_000]]);
      expect([i.totalFen, i.status]).toEqual([25_375, 'unpaid']);
    }
  });

  it("[R-ACC-1] another household's bills, preview and receipts are 404 alike", async () => {
    expect((await fee(a, { action: 'bills', householdId: '1-1-102' })).body.error.code).toBe('HOUSEHOLD.NOT_FOUND');
    expect((await fee(a, { action: 'bills', householdId: '9-9-909' })).body.error.code).toBe('HOUSEHOLD.NOT_FOUND');
    const bBills = (await fee(b, { action: 'bills', householdId: '1-1-102' })).body.data.items;
    const res = await fee(a, { action: 'preview', billIds: [bBills[0].id] });
    expect([res.status, res.body.error.code]).toEqual([404, 'BILL.NOT_FOUND']);
    expect((await fee(a, { action: 'pay', requestId: rid('p'), billIds: [bBills[0].id] })).body.error.code).toBe('BILL.NOT_FOUND');
  });

  it('[R-FEE-2] the standards in force are published to residents with their basis', async () => {
    const d = (await fee(a, { action: 'standards' })).body.data;
    expect(d.items.map((i: { item: string; priceFen: number }) => [i.item, i.priceFen])).toEqual(expect.arrayContaining([['property_fee', 250], ['elevator', 3000]]));
    expect(d.basis).toMatch(/物业管理条例/);
  });

  it('[R-FEE-1] issuing bills twice bills nothing twice', async () => {
    const period = '2027-01';
    const first = await h.call(cashier, 'cashier', { action: 'issueBills', period });
    expect(first.body.data.created).toBe(3);
    expect((await h.call(cashier, 'cashier', { action: 'issueBills', period })).body.data.created).toBe(0);
    expect((await fee(a, { action: 'issueBills', period })).body.error.code).toBe('INPUT.UNKNOWN_ACTION');
    expect((await h.call(a, 'cashier', { action: 'issueBills', period })).body.error.code).toBe('AUTH.FORBIDDEN');
  });

  it('[R-FEE-3][R-FEE-5][R-FEE-6] preview, pay two months, the notification books one payment and one receipt; duplicates change nothing', async () => {
    const bills = (await fee(a, { action: 'bills', householdId: '1-1-101', status: 'unpaid' })).body.data.items.filter((i: { period: string }) => i.period !== '2027-01');
    const billIds = bills.map((i: { id: string }) => i.id);
    const preview = (await fee(a, { action: 'preview', billIds })).body.data;
    expect([preview.household.id, preview.months.length, preview.totalFen]).toEqual(['1-1-101', 2, 50_750]);
    expect(preview.bills.flatMap((x: { lines: unknown[] }) => x.lines)).toHaveLength(4);

    const requestId = rid('pay');
    const paid = await fee(a, { action: 'pay', requestId, billIds });
    expect(paid.status).toBe(200);
    expect(paid.body.data.totalFen).toBe(50_750);
    expect(paid.body.data.payment.package).toMatch(/^prepay_id=/);
    const outTradeNo = paid.body.data.outTradeNo;
    // The same request again: the same order. Other bills of it: refused while it is live.
    expect((await fee(a, { action: 'pay', requestId, billIds })).body.data.outTradeNo).toBe(outTradeNo);
    const again = await fee(a, { action: 'pay', requestId: rid('pay'), billIds: [billIds[0]] });
    expect([again.status, again.body.error.code]).toEqual([409, 'BILL.PAYING']);
    expect((await fee(a, { action: 'order', outTradeNo })).body.data.status).toBe('pending');
    expect((await fee(b, { action: 'order', outTradeNo })).body.error.code).toBe('ORDER.NOT_FOUND');

    // The client's word is nothing: only the provider's verified notification pays (R-FEE-5).
    const t = pay.pay(outTradeNo, now());
    const forged = await notify(pay.notification(t, now(), { forge: true }));
    expect(forged.statusCode).toBe(401);
    const stale = await notify(pay.notification(t, now() - 6 * 60_000));
    expect(stale.statusCode).toBe(401);
    const wrong = await notify(pay.notification({ ...t, totalFen: 1 }, now()));
    expect(wrong.statusCode).toBe(400);
    expect(await counts()).toEqual({ payments: 0, receipts: 0 });
    await O.settle(h);
    const alerts = (await h.call(cashier, 'message', { action: 'list' })).body.data.items;
    expect(alerts.some((m: { title: string }) => m.title.includes('金额不符'))).toBe(true);

    const raw = pay.notification(t, now());
    for (let i = 0; i < 3; i++) expect((await notify(raw)).statusCode).toBe(204);
    expect((await notify(pay.notification(t, now()))).statusCode).toBe(204);
    expect(await counts()).toEqual({ payments: 1, receipts: 1 });

    const order = (await fee(a, { action: 'order', outTradeNo })).body.data;
    expect(order.status).toBe('paid');
    const after = (await fee(a, { action: 'bills', householdId: '1-1-101' })).body.data.items.filter((i: { id: string }) => billIds.includes(i.id));
    expect(after.map((i: { status: string }) => i.status)).toEqual(['paid', 'paid']);
    expect((await fee(a, { action: 'pay', requestId: rid('pay'), billIds })).body.error.code).toBe('BILL.ALREADY_PAID');

    const list = (await fee(a, { action: 'receipts' })).body.data.items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ number: order.receiptNumber, totalFen: 50_750 });
    const receipt = (await fee(a, { action: 'receipt', number: order.receiptNumber })).body.data;
    expect(receipt.items).toHaveLength(4);
    expect(receipt.payer).toBe('李明');
    expect((await fee(b, { action: 'receipt', number: order.receiptNumber })).body.error.code).toBe('RECEIPT.NOT_FOUND');
    // Anyone, signed out too, verifies it with the code; a wrong code is 404 like a missing receipt.
    const verified = await fee(null, { action: 'verifyReceipt', number: order.receiptNumber, code: receipt.code });
    expect(verified.body.data).toMatchObject({ number: order.receiptNumber, totalFen: 50_750, verified: true });
    const wrongCode = receipt.code === 'AAAAAAAA' ? 'BBBBBBBB' : 'AAAAAAAA';
    expect((await fee(null, { action: 'verifyReceipt', number: order.receiptNumber, code: wrongCode })).status).toBe(404);
    await O.settle(h);
    const msgs = (await h.call(a, 'message', { action: 'list' })).body.data.items;
    expect(msgs.some((m: { body: string }) => m.body.includes(order.receiptNumber))).toBe(true);
  });

  it('[R-FEE-5] the reconciliation settles a paid order whose notification was lost, and closes an expired one, freeing its bills', async () => {
    const billsB = (await fee(b, { action: 'bills', householdId: '1-1-102', status: 'unpaid' })).body.data.items;
    const p1 = (await fee(b, { action: 'pay', requestId: rid('pay'), billIds: [billsB[0].id] })).body.data;
    const p2 = (await fee(b, { action: 'pay', requestId: rid('pay'), billIds: [billsB[1].id] })).body.data;
    pay.pay(p1.outTradeNo, now());
    const before = await counts();
    // Too early: nothing is asked.
    expect(await reconcilePayments(h.platform.deps, now())).toEqual({ checked: 0, settled: 0, closed: 0 });
    expect(await reconcilePayments(h.platform.deps, now() + 6 * 60_000)).toEqual({ checked: 2, settled: 1, closed: 0 });
    expect(await counts()).toEqual({ payments: before.payments + 1, receipts: before.receipts + 1 });
    expect(await reconcilePayments(h.platform.deps, now() + 31 * 60_000)).toEqual({ checked: 1, settled: 0, closed: 1 });
    expect(pay.orders.get(p2.outTradeNo)!.state).toBe('CLOSED');
    expect((await fee(b, { action: 'order', outTradeNo: p2.outTradeNo })).body.data.status).toBe('closed');
    const freed = (await fee(b, { action: 'bills', householdId: '1-1-102' })).body.data.items.find((i: { id: string }) => i.id === billsB[1].id);
    expect([freed.status, freed.paying]).toEqual(['unpaid', false]);
    expect((await fee(b, { action: 'pay', requestId: rid('pay'), billIds: [billsB[1].id] })).status).toBe(200);
  });
});
