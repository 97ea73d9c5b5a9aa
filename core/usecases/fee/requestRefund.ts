import type { RefundRow } from '../../ports/feeStore';
import type { IdSource } from '../../ports/clock';
import type { Tx } from '../../ports/store';

export interface RefundDecision {
  /** What decides it ('renovation') and which one: one refund per (source, sourceId). */
  source: string;
  sourceId: string;
  /** The order whose payment the money goes back to (a paid order of `householdId`). */
  outTradeNo: string;
  householdId: string;
  amountFen: number;
  reason: string;
  requestedBy: string;
}

export type RefundRequested =
  | { kind: 'requested'; refund: RefundRow }
  /** Decided before (a retried or repeated decision): the first refund stands, nothing written. */
  | { kind: 'exists'; refund: RefundRow }
  /** The order is not a paid order of the household, or the amount is not 1 fen … what it still holds. */
  | { kind: 'refused'; why: 'order' | 'amount' };

/**
 * Writes a refund inside the transaction that decides it (R-REN-10: deposit less deductions, permit and
 * passes returned): the money goes back to the order that paid it, never more than that order still
 * holds after earlier refunds, integer fen (R-FEE-4). The provider is asked after the commit by the
 * sweep's refund job (idempotent on out_refund_no), so a crash in between loses nothing and a repeated
 * decision refunds once.
 */
export async function requestRefund(ctx: { tx: Tx; ids: IdSource; now: number }, d: RefundDecision): Promise<RefundRequested> {
  const { tx } = ctx;
  const before = await tx.refundOf(d.source, d.sourceId);
  if (before) return { kind: 'exists', refund: before };
  const order = await tx.order(d.outTradeNo, { lock: true });
  if (!order || order.status !== 'paid' || order.householdId !== d.householdId) return { kind: 'refused', why: 'order' };
  const refunded = (await tx.refundsOfHousehold(d.householdId)).filter((r) => r.outTradeNo === d.outTradeNo && r.status !== 'failed').reduce((s, r) => s + r.amountFen, 0);
  if (!Number.isSafeInteger(d.amountFen) || d.amountFen < 1 || d.amountFen > order.totalFen - refunded) return { kind: 'refused', why: 'amount' };
  const refund: RefundRow = {
    outRefundNo: ctx.ids.next('rf').replace(/[^0-9A-Za-z_-]/g, '').slice(0, 64),
    communityId: order.communityId,
    householdId: d.householdId,
    outTradeNo: d.outTradeNo,
    source: d.source,
    sourceId: d.sourceId,
    amountFen: d.amountFen,
    reason: d.reason.slice(0, 80),
    status: 'pending',
    requestedBy: d.requestedBy,
    createdAt: ctx.now,
    refundId: null,
    succeededAt: null,
    checkedAt: null,
  };
  if (!(await tx.insertRefund(refund))) {
    const other = await tx.refundOf(d.source, d.sourceId);
    if (other) return { kind: 'exists', refund: other };
    throw new Error(`refund ${refund.outRefundNo} neither written nor found`);
  }
  return { kind: 'requested', refund };
}
