/**
 * Refunds to the payer, end to end on the local platform with nothing stubbed: the refund decided and
 * committed (requestRefund, in its own transaction), then the sweep's refund job asks the real WeChat Pay
 * adapter, which signs with the merchant's RSA key and talks over HTTP to the local stand-in
 * (`POST /local/wxpay/v3/refund/domestic/refunds`, `GET …/refunds/{out_refund_no}`), checking every
 * answer's RSA signature. The resident reads the refund in 我的收据 and hears of it once; a refund that
 * fails alerts the cashier and the manager; a crash between the commit and the provider loses nothing.
 */
import { startHarness, rid, type Harness } from '../support/harness';
import * as O from '../support/objects';
import { requestRefund, type RefundDecision } from '../../core/usecases/fee/requestRefund';
import { deliverRefunds, REFUND_RECHECK_MS } from '../../core/usecases/fee/deliverRefunds';
import { runSweep } from '../../core/usecases/sla/run';
import { WechatPayError } from '../../adapters/payments/wechatpay/client';
import type { Payments } from '../../core/ports/payments';
import type { Deps } from '../../core/ports/runtime';

let h: Harness;
let a: string;
let b: string;
let cashier: string;
let manager: string;

beforeAll(async () => {
  h = await startHarness();
  // This suite is the sla timer: the platform's own ticks (every 15 s of wall time) would ask refunds
  // between a test's steps. Outbox delivery still runs after every write (O.settle waits for it).
  h.platform.scheduler.catchUp = () => Promise.resolve();
  [a, b, cashier, manager] = await Promise.all([h.login('resident-a'), h.login('resident-b'), h.login('cashier'), h.login('manager')]);
});
afterAll(() => h?.close());

const now = () => h.platform.clock.now();
/** The sweep's time, moved by hand (the platform's clock runs on in real time). */
let t = 0;
beforeEach(() => {
  t = now();
});
const deps = () => h.platform.deps;
const confirm = async (outTradeNo: string) => {
  const res = await fetch(`${h.url}/local/pay/confirm`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ outTradeNo }) });
  return (await res.json()) as { data: { tradeState: string; notify: { status: number } } };
};
const outcome = async (outRefundNo: string, status: string) => {
  const res = await fetch(`${h.url}/local/pay/refund`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ outRefundNo, status }) });
  expect(res.status).toBe(200);
};

/** Resident `token` pays one unpaid bill of `household` through the stand-in: answers the paid order. */
async function paidOrder(token: string, household: string): Promise<{ outTradeNo: string; totalFen: number }> {
  const unpaid = async () => ((await h.call(token, 'fee', { action: 'bills', householdId: household, status: 'unpaid' })).body.data.items as { id: string; paying: boolean }[]).find((x) => !x.paying);
  // The demo's two months used up: the cashier bills another month (2027-01, 2027-02, …).
  let bill = await unpaid();
  while (!bill) {
    expect((await h.call(cashier, 'cashier', { action: 'issueBills', period: `2027-${String(++issued).padStart(2, '0')}` })).status).toBe(200);
    bill = await unpaid();
  }
  const pay = await h.call(token, 'fee', { action: 'pay', requestId: rid('pay'), billIds: [bill.id] });
  expect(pay.status).toBe(200);
  const paid = await confirm(pay.body.data.outTradeNo);
  expect(paid.data.tradeState).toBe('SUCCESS');
  expect((await h.call(token, 'fee', { action: 'order', outTradeNo: pay.body.data.outTradeNo })).body.data.status).toBe('paid');
  return { outTradeNo: pay.body.data.outTradeNo, totalFen: pay.body.data.totalFen };
}

let seq = 0;
let issued = 0;
/** The deciding transaction (e.g. a renovation's acceptance): writes the refund and commits. */
async function decide(d: Partial<RefundDecision> & { outTradeNo: string; householdId: string; amountFen: number }) {
  const decision: RefundDecision = { source: 'test', sourceId: `t${seq++}-${Date.now().toString(36)}`, reason: '装修押金退还（扣除 ¥200.00）', requestedBy: 'manager', ...d };
  const r = await deps().store.transaction((tx) => requestRefund({ tx, ids: deps().ids, now: now() }, decision));
  if (r.kind === 'refused') throw new Error(`refund refused: ${r.why}`);
  return r.refund;
}
const refundRow = (no: string) => deps().store.transaction((tx) => tx.refund(no));
const inbox = async (token: string) => {
  await O.settle(h);
  return (await h.call(token, 'message', { action: 'list' })).body.data.items as { title: string; body: string }[];
};

describe('refunds to the payer over the WeChat Pay stand-in', () => {
  it('[R-REN-10][R-FEE-5] a committed refund is asked of WeChat Pay by the sweep, then queried until it succeeds; the resident reads it and is told once', async () => {
    const o = await paidOrder(a, '1-1-101');
    const refund = await decide({ outTradeNo: o.outTradeNo, householdId: '1-1-101', amountFen: 20_000 });
    expect(refund.status).toBe('pending');

    // The resident sees it at once, in their words, nothing of who decided it.
    const listed = (await h.call(a, 'fee', { action: 'refunds', householdId: '1-1-101' })).body.data.items;
    expect(listed).toEqual([expect.objectContaining({ outRefundNo: refund.outRefundNo, amountFen: 20_000, reason: '装修押金退还（扣除 ¥200.00）', status: 'processing', succeededAt: null })]);
    expect(JSON.stringify(listed)).not.toContain('manager');
    expect(listed[0].statusText).toMatch(/退款处理中/);

    // The sla timer's sweep runs the refund job: the stand-in accepts the refund (PROCESSING).
    const swept = await runSweep(deps(), { Type: 'Timer', TriggerName: 'sla' }, null);
    expect(swept.ok && swept.data.refunds).toEqual({ asked: 1, succeeded: 0, failed: 0 });
    t = now();
    const asked = (await refundRow(refund.outRefundNo))!;
    expect(asked.status).toBe('processing');
    expect(asked.refundId).toMatch(/^50\d{27}$/);
    // Asked again within the minute: nothing (one question per refund per minute).
    expect(await deliverRefunds(deps(), t)).toEqual({ asked: 0, succeeded: 0, failed: 0 });

    // A minute later the query finds the money back: succeeded, with WeChat's success time.
    t += REFUND_RECHECK_MS + 1000;
    expect(await deliverRefunds(deps(), t)).toEqual({ asked: 1, succeeded: 1, failed: 0 });
    const done = (await refundRow(refund.outRefundNo))!;
    expect([done.status, done.refundId]).toEqual(['succeeded', asked.refundId]);
    expect(done.succeededAt).not.toBeNull();
    // The cashier's day book reads it (R-FEE-8 is theirs; refundsBetween is what it reads).
    const book = await deps().store.transaction((tx) => tx.refundsBetween('demo', done.succeededAt!, done.succeededAt! + 1));
    expect(book.map((r) => r.outRefundNo)).toEqual([refund.outRefundNo]);

    const told = (await inbox(a)).filter((m) => m.title === '退款已到账');
    expect(told).toHaveLength(1);
    expect(told[0].body).toContain('¥200.00');
    expect(told[0].body).toContain(refund.outRefundNo);
    expect(told[0].body).toContain('装修押金退还');
    // Later sweeps: nothing asked, nothing told twice.
    t += REFUND_RECHECK_MS + 1000;
    expect(await deliverRefunds(deps(), t)).toEqual({ asked: 0, succeeded: 0, failed: 0 });
    expect((await inbox(a)).filter((m) => m.title === '退款已到账')).toHaveLength(1);
    const after = (await h.call(a, 'fee', { action: 'refunds' })).body.data.items;
    expect(after[0]).toMatchObject({ outRefundNo: refund.outRefundNo, status: 'succeeded', statusText: expect.stringMatching(/已退款/) });
  });

  it("[R-ACC-1][R-REN-10] another household's refunds are 404 like a missing household; a resident sees only their own", async () => {
    const res = await h.call(b, 'fee', { action: 'refunds', householdId: '1-1-101' });
    expect([res.status, res.body.error.code]).toEqual([404, 'HOUSEHOLD.NOT_FOUND']);
    expect((await h.call(b, 'fee', { action: 'refunds' })).body.data.items).toEqual([]);
    expect((await h.call(cashier, 'fee', { action: 'refunds' })).status).toBe(403);
  });

  it('[R-REN-10] the stand-in refunds no more than the order still holds, and the same out_refund_no twice is the same refund', async () => {
    const o = await paidOrder(b, '1-1-102');
    const p = deps().payments!;
    const first = await p.refund({ outTradeNo: o.outTradeNo, outRefundNo: `rfT${Date.now()}a`, reason: '测试', refundFen: o.totalFen - 100, totalFen: o.totalFen });
    expect(first.status).toBe('PROCESSING');
    const again = await p.refund({ outTradeNo: o.outTradeNo, outRefundNo: first.outRefundNo, reason: '测试', refundFen: o.totalFen - 100, totalFen: o.totalFen });
    expect(again.refundId).toBe(first.refundId);
    await expect(p.refund({ outTradeNo: o.outTradeNo, outRefundNo: `rfT${Date.now()}b`, reason: '测试', refundFen: 101, totalFen: o.totalFen })).rejects.toMatchObject({ code: 'INVALID_REQUEST', status: 400 });
    expect(await p.refund({ outTradeNo: o.outTradeNo, outRefundNo: `rfT${Date.now()}c`, reason: '测试', refundFen: 100, totalFen: o.totalFen })).toMatchObject({ status: 'PROCESSING', refundFen: 100 });
    expect(await p.queryRefund(first.outRefundNo)).toMatchObject({ refundId: first.refundId, status: 'SUCCESS', successTime: expect.stringMatching(/\+08:00$/) });
    expect(await p.queryRefund('rf-never-asked')).toBeUndefined();
    // The product never decides more than the order holds either (requestRefund).
    const over = await deps().store.transaction((tx) => requestRefund({ tx, ids: deps().ids, now: now() }, { source: 'test', sourceId: `over${Date.now()}`, outTradeNo: o.outTradeNo, householdId: '1-1-102', amountFen: o.totalFen + 1, reason: 'x', requestedBy: 'manager' }));
    expect(over).toEqual({ kind: 'refused', why: 'amount' });
  });

  it.each(['ABNORMAL', 'CLOSED'])('[R-REN-10] %s at WeChat: the refund fails and the cashier and the manager are alerted once; the resident reads that staff will call', async (ending) => {
    const o = await paidOrder(a, '1-1-101');
    const refund = await decide({ outTradeNo: o.outTradeNo, householdId: '1-1-101', amountFen: 5_000, reason: '装修押金退还' });
    t += REFUND_RECHECK_MS + 1000;
    expect((await deliverRefunds(deps(), t)).asked).toBeGreaterThanOrEqual(1);
    expect((await refundRow(refund.outRefundNo))!.status).toBe('processing');
    await outcome(refund.outRefundNo, ending);
    t += REFUND_RECHECK_MS + 1000;
    expect(await deliverRefunds(deps(), t)).toEqual({ asked: 1, succeeded: 0, failed: 1 });
    expect((await refundRow(refund.outRefundNo))!.status).toBe('failed');
    for (const token of [cashier, manager]) {
      const alerts = (await inbox(token)).filter((m) => m.title === '退款未成功，请处理' && m.body.includes(refund.outRefundNo));
      expect(alerts).toHaveLength(1);
      expect(alerts[0].body).toContain(ending);
    }
    t += REFUND_RECHECK_MS + 1000;
    expect(await deliverRefunds(deps(), t)).toEqual({ asked: 0, succeeded: 0, failed: 0 });
    expect((await inbox(cashier)).filter((m) => m.body.includes(refund.outRefundNo))).toHaveLength(1);
    expect((await inbox(a)).filter((m) => m.body.includes(refund.outRefundNo))).toHaveLength(0);
    // What the order still holds counts the failed refund back (requestRefund leaves failed ones out).
    const mine = (await h.call(a, 'fee', { action: 'refunds', householdId: '1-1-101' })).body.data.items;
    expect(mine.find((x: { outRefundNo: string }) => x.outRefundNo === refund.outRefundNo)).toMatchObject({ status: 'failed', statusText: expect.stringMatching(/与您联系/) });
  });

  it('[R-REN-10] WeChat refusing: NOT_ENOUGH (the merchant balance) is asked again later; a refusal that asking again will not change fails the refund and alerts staff', async () => {
    const o = await paidOrder(b, '1-1-102');
    const r = await decide({ outTradeNo: o.outTradeNo, householdId: '1-1-102', amountFen: 700, reason: '多收费用退还' });
    const real = deps().payments!;
    const refusing = (code: string): Payments => ({ ...real, mchid: real.mchid, appid: real.appid, refund: async () => Promise.reject(new WechatPayError(code, 400, `refund: 400 ${code}`)) });
    expect(await deliverRefunds({ ...deps(), payments: refusing('NOT_ENOUGH') } as Deps, t)).toEqual({ asked: 1, succeeded: 0, failed: 0 });
    expect((await refundRow(r.outRefundNo))!.status).toBe('pending');
    t += REFUND_RECHECK_MS + 1000;
    expect(await deliverRefunds({ ...deps(), payments: refusing('INVALID_REQUEST') } as Deps, t)).toEqual({ asked: 1, succeeded: 0, failed: 1 });
    expect((await refundRow(r.outRefundNo))!.status).toBe('failed');
    const alerts = (await inbox(cashier)).filter((m) => m.body.includes(r.outRefundNo));
    expect(alerts).toHaveLength(1);
    expect(alerts[0].body).toContain('INVALID_REQUEST');
  });

  it('[R-REN-10] two sweeps at once (two timer instances) ask with the same out_refund_no and record the refund once, telling the payer once', async () => {
    const o = await paidOrder(a, '1-1-101');
    const r = await decide({ outTradeNo: o.outTradeNo, householdId: '1-1-101', amountFen: 1_500, reason: '多收费用退还' });
    const first = await Promise.all([deliverRefunds(deps(), t), deliverRefunds(deps(), t)]);
    expect(first.reduce((n, x) => n + x.succeeded + x.failed, 0)).toBe(0);
    expect((await refundRow(r.outRefundNo))!.status).toBe('processing');
    t += REFUND_RECHECK_MS + 1000;
    const second = await Promise.all([deliverRefunds(deps(), t), deliverRefunds(deps(), t)]);
    expect(second.reduce((n, x) => n + x.succeeded, 0)).toBe(1);
    expect((await refundRow(r.outRefundNo))!.status).toBe('succeeded');
    expect((await inbox(a)).filter((m) => m.body.includes(r.outRefundNo))).toHaveLength(1);
  });

  it('[R-REN-10] a crash after the commit — before WeChat heard of the refund, or after it did but before its answer was written — loses nothing and refunds once', async () => {
    const o = await paidOrder(b, '1-1-102');
    const real = deps().payments!;
    const r1 = await decide({ outTradeNo: o.outTradeNo, householdId: '1-1-102', amountFen: 1_000 });
    const r2 = await decide({ outTradeNo: o.outTradeNo, householdId: '1-1-102', amountFen: 2_000 });
    // The process dies on the way: r1 before the request leaves, r2 after WeChat accepted it.
    const dying: Payments = {
      ...real,
      mchid: real.mchid,
      appid: real.appid,
      refund: async (q) => {
        if (q.outRefundNo === r2.outRefundNo) await real.refund(q);
        throw new WechatPayError('NETWORK', null, 'WeChat Pay unreachable: killed');
      },
    };
    const crashed = await deliverRefunds({ ...deps(), payments: dying } as Deps, t);
    expect(crashed).toEqual({ asked: 2, succeeded: 0, failed: 0 });
    for (const r of [r1, r2]) expect((await refundRow(r.outRefundNo))!.status).toBe('pending');
    const r2AtWechat = await real.queryRefund(r2.outRefundNo);
    expect(r2AtWechat?.refundFen).toBe(2_000);
    expect(await real.queryRefund(r1.outRefundNo)).toBeUndefined();

    // The restarted sweep asks both again with their out_refund_no: r2 is the refund WeChat already has.
    t += REFUND_RECHECK_MS + 1000;
    await deliverRefunds(deps(), t);
    t += REFUND_RECHECK_MS + 1000;
    await deliverRefunds(deps(), t);
    const rows = await Promise.all([r1, r2].map((r) => refundRow(r.outRefundNo)));
    expect(rows.map((r) => r!.status)).toEqual(['succeeded', 'succeeded']);
    expect(rows[1]!.refundId).toBe(r2AtWechat!.refundId);
    // WeChat holds exactly these two refunds of the order: the order's remaining amount is what it paid less 30.00.
    const tooMuch = real.refund({ outTradeNo: o.outTradeNo, outRefundNo: `rfX${Date.now()}`, reason: 'x', refundFen: o.totalFen - 3_000 + 1, totalFen: o.totalFen });
    await expect(tooMuch).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    expect((await inbox(b)).filter((m) => m.title === '退款已到账' && (m.body.includes(r1.outRefundNo) || m.body.includes(r2.outRefundNo)))).toHaveLength(2);
  });
});
