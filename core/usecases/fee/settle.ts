import { receiptCodeFrom, receiptNumberOf, totalOf } from '../../domain/fees/bills';
import { fenToYuan } from '../../money';
import type { PayOrderRow, ReceiptRow } from '../../ports/feeStore';
import type { ProviderTransaction } from '../../ports/payments';
import type { OutboxMessage, Tx } from '../../ports/store';
import type { IdSource } from '../../ports/clock';
import { parseIso } from '../../time';
import { wallClock } from '../../shanghai';

export type SettleResult =
  | { kind: 'settled'; receiptNumber: string }
  /** Paid already: a duplicate, late or out-of-order word changes nothing (R-FEE-5). */
  | { kind: 'duplicate' }
  /** Not SUCCESS (NOTPAY, CLOSED, …): acknowledged, nothing changes. */
  | { kind: 'not_paid' }
  | { kind: 'unknown_order' }
  /** mchid/appid/amount/currency differ from the order: refused, nothing changes, staff alerted. */
  | { kind: 'mismatch'; field: string }
  /** Paid for bills another payment has paid meanwhile: nothing booked twice, staff alerted to refund. */
  | { kind: 'conflict' };

export interface SettleContext {
  tx: Tx;
  now: number;
  ids: IdSource;
  merchant: { mchid: string; appid: string };
}

/**
 * THE settlement (R-FEE-5, R-FEE-6), the one code path of the notification and the reconciliation's
 * order query, inside ONE transaction: the order row locked; its merchant, app, amount and currency
 * checked against what the provider reports; then order paid, bills paid, one payment row, the receipt
 * number taken from the community-year counter (locked; gap-free: a rollback gives it back), the receipt
 * and the payer's notification. An order paid already changes nothing.
 */
export async function settle(ctx: SettleContext, t: ProviderTransaction, via: 'notify' | 'query'): Promise<SettleResult> {
  const { tx } = ctx;
  const order = await tx.order(t.outTradeNo, { lock: true });
  if (!order) return { kind: 'unknown_order' };
  if (order.status === 'paid') return { kind: 'duplicate' };
  if (t.tradeState !== 'SUCCESS') return { kind: 'not_paid' };
  const field = t.mchid !== ctx.merchant.mchid ? 'mchid' : t.appid !== ctx.merchant.appid ? 'appid' : t.totalFen !== order.totalFen ? 'amount' : t.currency !== 'CNY' ? 'currency' : null;
  if (field) {
    await alertStaff(ctx, order, 'fee.amountMismatch', { outTradeNo: order.outTradeNo, householdId: order.householdId, notified: fenToYuan(t.totalFen), expected: fenToYuan(order.totalFen), field }, field);
    return { kind: 'mismatch', field };
  }
  if (!t.transactionId) return { kind: 'mismatch', field: 'transaction_id' };
  const bills = await tx.billsByIds(order.billIds, { lock: true });
  // A closed order that WeChat paid after all: its bills are booked to it unless another payment took them.
  if (bills.length !== order.billIds.length || bills.some((b) => b.status === 'paid' || (b.orderNo !== null && b.orderNo !== order.outTradeNo))) {
    await alertStaff(ctx, order, 'fee.amountMismatch', { outTradeNo: order.outTradeNo, householdId: order.householdId, notified: fenToYuan(t.totalFen), expected: '0.00', field: 'bills' }, 'bills');
    return { kind: 'conflict' };
  }
  if (order.status === 'closed') await tx.holdBills(order.billIds, null, order.outTradeNo);

  const success = t.successTime ? parseIso(t.successTime) : NaN;
  const paidAt = Number.isFinite(success) ? success : ctx.now;
  const year = wallClock(paidAt).year;
  const seq = await tx.nextReceiptSeq(order.communityId, year);
  const number = receiptNumberOf(order.communityId, year, seq);
  const changed = await tx.payBills(order.billIds, order.outTradeNo, number, paidAt);
  if (changed !== order.billIds.length) throw new Error(`order ${order.outTradeNo}: ${changed} of ${order.billIds.length} bills paid`);
  await tx.insertPayment({ transactionId: t.transactionId, outTradeNo: order.outTradeNo, communityId: order.communityId, totalFen: t.totalFen, paidAt, via, recordedAt: ctx.now });
  const payer = await tx.userById(order.payerUserId);
  const items = bills.flatMap((b) => b.lines.map((l) => ({ period: b.period, item: l.item, amountFen: l.amountFen }))).sort((a, b) => a.period.localeCompare(b.period));
  const receipt: ReceiptRow = {
    number,
    communityId: order.communityId,
    year,
    seq,
    householdId: order.householdId,
    outTradeNo: order.outTradeNo,
    items,
    totalFen: totalOf(items),
    paidAt,
    payerUserId: order.payerUserId,
    payerName: payer?.name ?? '',
    code: receiptCodeFrom(ctx.ids.next('rc')),
    status: 'issued',
    voidReason: null,
    voidedBy: null,
    voidedAt: null,
    createdAt: ctx.now,
  };
  if (receipt.totalFen !== order.totalFen) throw new Error(`order ${order.outTradeNo}: bills total ${receipt.totalFen} ≠ order ${order.totalFen}`);
  await tx.insertReceipt(receipt);
  if (!(await tx.updateOrder(order.outTradeNo, order.status, { status: 'paid', paidAt, transactionId: t.transactionId, receiptNumber: number }))) {
    throw new Error(`order ${order.outTradeNo} moved under its lock`);
  }
  const periods = [...new Set(bills.map((b) => b.period))].sort().join('、');
  await tx.enqueue([msg(ctx, order.payerUserId, 'fee.paid', { householdId: order.householdId, periods, amount: fenToYuan(order.totalFen), receiptNumber: number, billIds: order.billIds.join(',') })]);
  return { kind: 'settled', receiptNumber: number };
}

const msg = (ctx: SettleContext, to: string, template: OutboxMessage['template'], data: Record<string, string>): OutboxMessage => ({ id: ctx.ids.next('ob'), channel: 'inbox', to, template, data, createdAt: ctx.now });

/**
 * The community's 收费员 and 经理 hear of a payment that cannot be booked — once per order and field:
 * WeChat repeats a refused notification up to 15 times over a day, and the reconciliation asks again
 * every minute; each of those is the same fact, not a new alert. The mark is kept with the replies
 * (the idempotency table, purged after 7 days: far past WeChat's last retry), written in the same
 * transaction under the order's lock, so two deliveries at once alert once.
 */
async function alertStaff(ctx: SettleContext, order: PayOrderRow, template: OutboxMessage['template'], data: Record<string, string>, field: string) {
  const key = `alert|${template}|${order.outTradeNo}|${field}`;
  if (await ctx.tx.idempotency(key)) return;
  await ctx.tx.saveIdempotency({ key, bodyHash: '-', result: { alertedAt: ctx.now }, createdAt: ctx.now });
  const staff = (await ctx.tx.staffOfCommunity(order.communityId)).filter((s) => s.role === 'cashier' || s.role === 'manager');
  const to = [...new Set(staff.map((s) => s.userId))];
  if (to.length) await ctx.tx.enqueue(to.map((u) => msg(ctx, u, template, data)));
}
