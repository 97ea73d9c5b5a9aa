/**
 * The payment's edges (R-FEE-5, R-FEE-6), with the test Payments port on the stand-in's RSA keys
 * (test/support/testPayments.ts: real RSA-SHA256 signatures and AES-256-GCM, the adapter's own checks):
 * 继续支付 of an order abandoned in WeChat's cashier, a replayed `fee.pay` after the order was paid, and
 * a wrong-amount notification that WeChat repeats alerting the staff once.
 */
import { startHarness, rid, type Harness } from '../support/harness';
import * as O from '../support/objects';
import { testPayments, testKeys, type TestPayments } from '../support/testPayments';
import { main as payNotify } from '../../cloudfunctions/payNotify/index';
import { messageOf, rsaVerify } from '../../adapters/payments/wechatpay/sign';
import { reconcilePayments } from '../../core/usecases/fee/reconcile';

let h: Harness;
let pay: TestPayments;
let a: string;
let family: string;
let cashier: string;
let manager: string;

beforeAll(async () => {
  h = await startHarness();
  pay = testPayments();
  h.platform.deps.payments = pay;
  // Another member of 1-1-101 (李明's family), approved.
  const u = await O.createUser(h, { name: '李小明' });
  await h.platform.deps.store.transaction((tx) =>
    tx.insertBinding({ id: `b_fam_${u.id}`, userId: u.id, householdId: '1-1-101', communityId: 'demo', name: '李小明', phone: '13712340001', relation: 'family', status: 'approved', phoneCheck: 'not_provided', createdAt: h.platform.clock.now(), decidedAt: h.platform.clock.now(), decidedBy: 'manager', reason: null }),
  );
  [a, family, cashier, manager] = await Promise.all([h.login('resident-a'), h.login(u.id), h.login('cashier'), h.login('manager')]);
});
afterAll(() => h?.close());

const now = () => h.platform.clock.now();
const fee = (token: string, body: Record<string, unknown>) => h.call(token, 'fee', body);
const notify = (raw: { headers: Record<string, string | undefined>; body: string }) => payNotify({ path: '/pay/notify', httpMethod: 'POST', headers: raw.headers as Record<string, string>, body: raw.body, isBase64Encoded: false });
type Bill = { id: string; period: string; paying: boolean; canResume: boolean; resumeBillIds: string[]; status: string };
const billsOf = async (token: string) => (await fee(token, { action: 'bills', householdId: '1-1-101' })).body.data.items as Bill[];
const mismatchAlerts = async (token: string, outTradeNo: string) => {
  await O.settle(h);
  return ((await h.call(token, 'message', { action: 'list' })).body.data.items as { title: string; body: string }[]).filter((m) => m.title.includes('金额不符') && m.body.includes(outTradeNo));
};

describe('paying: 继续支付, replays, repeated wrong notifications', () => {
  let first: { outTradeNo: string; payment: { timeStamp: string; nonceStr: string; package: string; paySign: string; appId: string } };
  let heldId: string;

  it('[R-FEE-5] 继续支付: exactly the bills of the caller\'s own pending order answer that same order again, re-signed; the bills page is told it may', async () => {
    const unpaid = (await billsOf(a)).filter((b) => b.status === 'unpaid');
    expect(unpaid.length).toBeGreaterThanOrEqual(2);
    heldId = unpaid[0].id;
    const res = await fee(a, { action: 'pay', requestId: rid('pay'), billIds: [heldId] });
    expect(res.status).toBe(200);
    first = res.body.data;

    // Abandoned in WeChat's cashier: the bill is held, and its payer may resume it.
    const held = (await billsOf(a)).find((b) => b.id === heldId)!;
    expect([held.paying, held.canResume, held.resumeBillIds]).toEqual([true, true, [heldId]]);
    expect((await billsOf(a)).filter((b) => b.id !== heldId).every((b) => !b.canResume && b.resumeBillIds.length === 0)).toBe(true);

    // A new tap (a new request id) with exactly those bills: the same order, its parameters signed anew.
    const again = await fee(a, { action: 'pay', requestId: rid('pay'), billIds: held.resumeBillIds });
    expect(again.status).toBe(200);
    expect(again.body.data.outTradeNo).toBe(first.outTradeNo);
    expect(again.body.data.payment.package).toBe(first.payment.package);
    expect(again.body.data.payment.nonceStr).not.toBe(first.payment.nonceStr);
    const p = again.body.data.payment;
    expect(rsaVerify(testKeys().keys.merchantPublicKey, messageOf(p.appId, p.timeStamp, p.nonceStr, p.package), p.paySign)).toBe(true);
    expect([...pay.orders.keys()].filter((k) => k === first.outTradeNo)).toHaveLength(1);
  });

  it('[R-FEE-5] different bills, or another household member, still meet BILL.PAYING with a message that says what to do', async () => {
    const other = (await billsOf(a)).find((b) => b.status === 'unpaid' && b.id !== heldId)!;
    const more = await fee(a, { action: 'pay', requestId: rid('pay'), billIds: [heldId, other.id] });
    expect([more.status, more.body.error.code]).toEqual([409, 'BILL.PAYING']);
    expect(more.body.error.message).toMatch(/继续支付/);
    expect(more.body.error.message).toMatch(/家人/);

    const seen = (await billsOf(family)).find((b) => b.id === heldId)!;
    expect([seen.paying, seen.canResume, seen.resumeBillIds]).toEqual([true, false, []]);
    const theirs = await fee(family, { action: 'pay', requestId: rid('pay'), billIds: [heldId] });
    expect([theirs.status, theirs.body.error.code]).toEqual([409, 'BILL.PAYING']);
    // The bill nobody holds is theirs to pay.
    expect((await fee(family, { action: 'pay', requestId: rid('pay'), billIds: [other.id] })).status).toBe(200);
  });

  it('[R-FEE-5][R-FEE-6] a replay of fee.pay (same requestId) after the order was paid answers BILL.ALREADY_PAID with the receipt number, not PAYMENT.UNAVAILABLE', async () => {
    expect((await h.call(cashier, 'cashier', { action: 'issueBills', period: '2027-03' })).status).toBe(200);
    const bill = (await billsOf(a)).find((b) => b.period === '2027-03')!;
    const requestId = rid('pay');
    const made = await fee(a, { action: 'pay', requestId, billIds: [bill.id] });
    expect(made.status).toBe(200);
    // Before it is paid, the replay is the same order (继续支付 of that request).
    expect((await fee(a, { action: 'pay', requestId, billIds: [bill.id] })).body.data.outTradeNo).toBe(made.body.data.outTradeNo);

    const t = pay.pay(made.body.data.outTradeNo, now());
    expect((await notify(pay.notification(t, now()))).statusCode).toBe(204);
    const order = (await fee(a, { action: 'order', outTradeNo: made.body.data.outTradeNo })).body.data;
    expect(order.status).toBe('paid');

    const replay = await fee(a, { action: 'pay', requestId, billIds: [bill.id] });
    expect([replay.status, replay.body.error.code]).toEqual([409, 'BILL.ALREADY_PAID']);
    expect(replay.body.error.fields).toEqual({ receiptNumber: order.receiptNumber });
    // A new request for the same bill says the same.
    const fresh = await fee(a, { action: 'pay', requestId: rid('pay'), billIds: [bill.id] });
    expect([fresh.body.error.code, fresh.body.error.fields?.receiptNumber]).toEqual(['BILL.ALREADY_PAID', order.receiptNumber]);
  });

  it('[R-FEE-5] a wrong-amount notification WeChat repeats 15 times alerts the cashier and the manager once per order and field', async () => {
    const no = first.outTradeNo;
    const t = pay.pay(no, now());
    const wrong = { ...t, totalFen: t.totalFen - 1 };
    for (let i = 0; i < 15; i++) expect((await notify(pay.notification(wrong, now()))).statusCode).toBe(400);
    // The reconciliation asking the provider, which reports the same wrong amount: the same fact, no new alert.
    const query = pay.queryOrder;
    pay.queryOrder = async (x) => ({ ...(await query(x))!, totalFen: t.totalFen - 1 });
    try {
      await reconcilePayments(h.platform.deps, now() + 6 * 60_000);
    } finally {
      pay.queryOrder = query;
    }
    for (const token of [cashier, manager]) expect(await mismatchAlerts(token, no)).toHaveLength(1);
    // Another field of the same order is another fact: one alert more, then none.
    for (let i = 0; i < 3; i++) expect((await notify(pay.notification({ ...t, mchid: '1900000001' }, now()))).statusCode).toBe(400);
    for (const token of [cashier, manager]) expect(await mismatchAlerts(token, no)).toHaveLength(2);
    // The right notification still books it.
    expect((await notify(pay.notification(t, now()))).statusCode).toBe(204);
    expect((await fee(a, { action: 'order', outTradeNo: no })).body.data.status).toBe('paid');
  });
});
