import type { z } from 'zod';
import { ok, type Outcome } from '../../errors';
import { DAY_BOOK_ISSUE_LABELS, reconcileDay, type DayBookIssueLine } from '../../domain/fees/dayBook';
import { receiptNumberOf } from '../../domain/fees/bills';
import { fenToYuan } from '../../money';
import type { RefundRow } from '../../ports/feeStore';
import type { DayBookIssue, DayBookOutput, dayBookInput } from '../../schemas/cashier';
import { at, DAY, toIso } from '../../time';
import { roomLabel } from '../../vocabulary';
import type { UseCaseContext } from '../context';
import { communityFor } from '../setup/scope';
import { cashierReceipt, namesOf } from './scope';

/**
 * cashier.dayBook (R-FEE-8): one Shanghai day of the caller's community — the receipts issued, the
 * payments received, the refunds paid out and the receipts voided — with the totals and whether it
 * balances (core/domain/fees/dayBook.ts); what does not reconcile is listed per line.
 */
export async function dayBook(ctx: UseCaseContext, input: z.output<ReturnType<typeof dayBookInput>>): Promise<Outcome<DayBookOutput>> {
  const scope = communityFor(ctx.caller, 'cashier.bill', input.communityId);
  if (!scope.ok) return scope;
  return ok(await dayBookOf(ctx, scope.data.communityId, input.date));
}

export async function dayBookOf(ctx: UseCaseContext, communityId: string, date: string): Promise<DayBookOutput> {
  const from = at(date);
  const to = from + DAY;
  const year = Number(date.slice(0, 4));
  const { tx } = ctx;
  const [payments, receipts, voided, refunds, community] = [
    await tx.paymentsBetween(communityId, from, to),
    await tx.receiptsBetween(communityId, from, to),
    await tx.receiptsVoidedBetween(communityId, from, to),
    await tx.refundsBetween(communityId, from, to),
    await tx.community(communityId),
  ];
  const receiptsOfOrders = await tx.receiptsOfOrders(payments.map((p) => p.outTradeNo));
  // Payments of one second (the provider's success_time) in receipt-number order, then by order number.
  const seqOf = new Map(receiptsOfOrders.map((r) => [r.outTradeNo, r.seq]));
  payments.sort((x, y) => x.paidAt - y.paidAt || (seqOf.get(x.outTradeNo) ?? Infinity) - (seqOf.get(y.outTradeNo) ?? Infinity) || x.outTradeNo.localeCompare(y.outTradeNo));
  // Refunds of the day's voided-receipt payments, whenever they succeeded (a refund voids the receipt).
  const refundHouseholds = [...new Set(receiptsOfOrders.filter((r) => r.status === 'voided').map((r) => r.householdId))];
  const orderRefunds: RefundRow[] = [];
  for (const hid of refundHouseholds) orderRefunds.push(...(await tx.refundsOfHousehold(hid)));
  let range: Parameters<typeof reconcileDay>[0]['range'] = null;
  const ofYear = receipts.filter((r) => r.year === year);
  if (ofYear.length) {
    const last = Math.max(...ofYear.map((r) => r.seq));
    const first = (await tx.lastReceiptSeqBefore(communityId, year, from)) + 1;
    const inRange = await tx.receiptsBySeq(communityId, year, first, last);
    range = { year, from: first, to: last, seqs: inRange.map((r) => r.seq), numberOf: (s) => receiptNumberOf(communityId, year, s) };
  }
  const rec = reconcileDay({ payments, receipts, receiptsOfOrders, voided, refunds: orderRefunds, range });
  const names = await namesOf(ctx, [...receipts, ...voided].map((r) => r.voidedBy));
  const receiptOf = new Map(receiptsOfOrders.map((r) => [r.outTradeNo, r]));
  const issued = receipts.filter((r) => r.status === 'issued');
  const totalFen = payments.reduce((s, p) => s + p.totalFen, 0);
  const refundsFen = refunds.reduce((s, f) => s + f.amountFen, 0);
  return {
    communityId,
    communityName: community?.name ?? '',
    date,
    receipts: receipts.map((r) => cashierReceipt(r, names)),
    payments: payments.map((p) => ({
      outTradeNo: p.outTradeNo,
      transactionId: p.transactionId,
      householdId: receiptOf.get(p.outTradeNo)?.householdId ?? null,
      totalFen: p.totalFen,
      paidAt: toIso(p.paidAt),
      via: p.via,
      receiptNumber: receiptOf.get(p.outTradeNo)?.number ?? null,
      reconciled: rec.reconciled.get(p.outTradeNo) ?? false,
    })),
    refunds: refunds.map((f) => ({ outRefundNo: f.outRefundNo, outTradeNo: f.outTradeNo, householdId: f.householdId, amountFen: f.amountFen, reason: f.reason, succeededAt: toIso(f.succeededAt ?? f.createdAt) })),
    voided: voided.map((r) => cashierReceipt(r, names)),
    totalFen,
    receiptsFen: issued.reduce((s, r) => s + r.totalFen, 0),
    refundsFen,
    netFen: totalFen - refundsFen,
    range: range ? { from: range.numberOf(range.from), to: range.numberOf(range.to) } : null,
    balanced: rec.balanced,
    issues: rec.issues.map((i) => issueView(i, payments, receiptOf)),
  };
}

function issueView(i: DayBookIssueLine, payments: { outTradeNo: string; totalFen: number }[], receiptOf: Map<string, { totalFen: number; householdId: string; voidReason: string | null }>): DayBookIssue {
  const p = i.outTradeNo ? payments.find((x) => x.outTradeNo === i.outTradeNo) : undefined;
  const r = i.outTradeNo ? receiptOf.get(i.outTradeNo) : undefined;
  const room = r ? `${roomLabel(r.householdId)} ` : '';
  const text = {
    missing_receipt: `收款 ${i.outTradeNo}（¥${fenToYuan(p?.totalFen ?? 0)}）没有对应的收据`,
    receipt_voided: `${room}收款 ${i.outTradeNo}（¥${fenToYuan(p?.totalFen ?? 0)}）的收据 ${i.number} 已作废${r?.voidReason ? `（${r.voidReason}）` : ''}，且该笔款项未退款，请补开收据或办理退款`,
    amount_mismatch: `${room}收款 ${i.outTradeNo} 金额 ¥${fenToYuan(p?.totalFen ?? 0)} 与收据 ${i.number} 金额 ¥${fenToYuan(r?.totalFen ?? 0)} 不符`,
    receipt_without_payment: `收据 ${i.number} 当日没有对应的收款记录（订单 ${i.outTradeNo}）`,
    number_missing: `收据号 ${i.number} 既未开具也未作废登记`,
    void_unrecorded: `收据 ${i.number} 已作废，但未记录作废原因或作废人`,
  }[i.kind];
  return { kind: i.kind, label: DAY_BOOK_ISSUE_LABELS[i.kind], number: i.number, outTradeNo: i.outTradeNo, text };
}
