import type { z } from 'zod';
import { fail, ok, type Outcome } from '../../errors';
import { orderDescription, totalOf } from '../../domain/fees/bills';
import type { OutsideIO } from '../../api/action';
import type { PayOrderRow } from '../../ports/feeStore';
import type { payInput, PayOutput } from '../../schemas/fee';
import { toIso } from '../../time';
import type { UseCaseContext } from '../context';
import { ownBills } from './preview';
import { RESUME_MARGIN_MS, resumableBy } from './views';

/** How long an order stays payable (WeChat's time_expire); the reconciliation closes it after. */
export const ORDER_TTL_MS = 30 * 60_000;

export interface PayOrderMade {
  outTradeNo: string;
  totalFen: number;
  description: string;
  payerOpenid: string;
  expiresAt: number;
}

/**
 * Step 1 of paying, in the transaction (R-FEE-5): the amount is the server's bills' total, never the
 * client's; the bills are held by a new order with a unique out_trade_no (written before WeChat hears
 * of it). Paid bills, or bills another live order holds, are refused; the same bills again by the same
 * payer while their order is live get that order back (no second order for one payment).
 */
export async function payOrder(ctx: UseCaseContext, input: z.output<ReturnType<typeof payInput>>): Promise<Outcome<PayOrderMade>> {
  const own = await ownBills(ctx, input.billIds, 'fee.pay', true);
  if (!own.ok) return own;
  if (!ctx.openid) return fail('AUTH.UNAUTHENTICATED');
  const { bills, household } = own.data;
  if (bills.some((b) => b.status === 'paid')) return alreadyPaid(bills.map((b) => b.receiptNumber));
  const held = [...new Set(bills.map((b) => b.orderNo))];
  if (held.length === 1 && held[0] !== null) {
    // 继续支付: exactly the bills of the caller's own live order (abandoned in WeChat's cashier) answer
    // that order again; the parameters are signed anew after the commit, the out_trade_no is the same.
    const o = await ctx.tx.order(held[0], { lock: true });
    const same = o && resumableBy(o, ctx.caller!.userId, ctx.now) && o.billIds.length === bills.length && bills.every((b) => o.billIds.includes(b.id));
    if (same) return ok(made(o));
  }
  for (const no of held) {
    if (no === null) continue;
    const o = await ctx.tx.order(no, { lock: true });
    if (o && o.status === 'pending') return fail('BILL.PAYING');
  }
  const community = await ctx.tx.community(household.communityId);
  const outTradeNo = ctx.ids.next('wx').replace(/[^0-9A-Za-z_-]/g, '').slice(0, 32);
  const order: PayOrderRow = {
    outTradeNo,
    communityId: household.communityId,
    householdId: household.id,
    payerUserId: ctx.caller!.userId,
    payerOpenid: ctx.openid,
    billIds: bills.map((b) => b.id),
    totalFen: totalOf(bills.map((b) => ({ amountFen: b.totalFen }))),
    description: orderDescription(community?.name ?? '', household.id, bills.map((b) => b.period)),
    status: 'pending',
    createdAt: ctx.now,
    expiresAt: ctx.now + ORDER_TTL_MS,
    paidAt: null,
    transactionId: null,
    receiptNumber: null,
    checkedAt: null,
  };
  await ctx.tx.insertOrder(order);
  const changed = await ctx.tx.holdBills(order.billIds, null, outTradeNo);
  if (changed !== order.billIds.length) {
    // Freed bills were taken by another order between the read and the write (held rows forbid it): a bug.
    throw new Error(`bills of order ${outTradeNo} changed under their lock`);
  }
  return ok(made(order));
}

/** Paid already: the receipt's number comes with the answer when one receipt paid them all. */
function alreadyPaid(numbers: (string | null)[]) {
  const one = [...new Set(numbers)];
  return one.length === 1 && one[0] ? fail('BILL.ALREADY_PAID', { receiptNumber: one[0] }) : fail('BILL.ALREADY_PAID');
}

/**
 * A replayed `fee.pay` (same requestId, same bills): the first answer's order, as it stands now. Still
 * pending and payable: that order again (re-signed after the commit: 继续支付). Paid meanwhile:
 * BILL.ALREADY_PAID with the receipt's number (never a second order, never PAYMENT.UNAVAILABLE because
 * WeChat refuses to reopen a paid order). Closed or about to expire: ORDER.CLOSED (pay anew).
 */
export async function replayPay(ctx: UseCaseContext, _input: z.output<ReturnType<typeof payInput>>, first: PayOrderMade): Promise<Outcome<PayOrderMade>> {
  const o = await ctx.tx.order(first.outTradeNo);
  if (!o) return ok(first);
  if (o.status === 'paid') return alreadyPaid([o.receiptNumber]);
  if (o.status === 'closed' || o.expiresAt <= ctx.now + RESUME_MARGIN_MS) return fail('ORDER.CLOSED');
  return ok(first);
}

const made = (o: PayOrderRow): PayOrderMade => ({ outTradeNo: o.outTradeNo, totalFen: o.totalFen, description: o.description, payerOpenid: o.payerOpenid, expiresAt: o.expiresAt });

/**
 * Step 2, after the commit: the order at WeChat Pay (`POST /v3/pay/transactions/jsapi`, time_expire),
 * and the signed parameters for `Taro.requestPayment`. Creating the same out_trade_no again answers the
 * same prepay_id, so a replayed request (same requestId) gets the same order.
 */
export async function payAtProvider(io: OutsideIO, o: PayOrderMade): Promise<Outcome<PayOutput>> {
  if (!io.payments) return fail('PAYMENT.UNAVAILABLE');
  try {
    const { params } = await io.payments.createJsapiOrder({ outTradeNo: o.outTradeNo, description: o.description, totalFen: o.totalFen, payerOpenid: o.payerOpenid, expiresAt: o.expiresAt });
    return ok({ outTradeNo: o.outTradeNo, totalFen: o.totalFen, payment: params, expiresAt: toIso(o.expiresAt) });
  } catch {
    // The order stays pending: the same request again retries it; the reconciliation closes it when it expires.
    return fail('PAYMENT.UNAVAILABLE');
  }
}
