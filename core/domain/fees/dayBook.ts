import type { PaymentRow, ReceiptRow, RefundRow } from '../../ports/feeStore';

/**
 * The cashier's day book (日结, R-FEE-8): what reconciles and what does not, line by line. Pure.
 *
 * A day (Shanghai midnight to midnight) balances when
 *  - every payment received that day has exactly its receipt (the receipt of its order) for the same
 *    amount, still issued — or voided because the whole payment was refunded;
 *  - every receipt issued that day has its payment;
 *  - every receipt number from the one after the last number of earlier days up to the day's last is
 *    accounted for (issued, or voided with a reason and by whom, R-FEE-6): no number missing;
 *  - every voided receipt carries its reason and who voided it.
 * Anything else is an issue, listed per line.
 */
export type DayBookIssueKind = 'missing_receipt' | 'receipt_voided' | 'amount_mismatch' | 'receipt_without_payment' | 'number_missing' | 'void_unrecorded';

export const DAY_BOOK_ISSUE_LABELS: Record<DayBookIssueKind, string> = {
  missing_receipt: '收款无收据',
  receipt_voided: '收据已作废',
  amount_mismatch: '金额不符',
  receipt_without_payment: '收据无对应收款',
  number_missing: '收据号缺失',
  void_unrecorded: '作废未记录原因',
};

export interface DayBookIssueLine {
  kind: DayBookIssueKind;
  number: string | null;
  outTradeNo: string | null;
}

export interface DayReconciliation {
  /** Per payment (by order): whether it reconciles. */
  reconciled: Map<string, boolean>;
  issues: DayBookIssueLine[];
  balanced: boolean;
}

export function reconcileDay(input: {
  payments: PaymentRow[];
  /** The day's receipts (paid that day). */
  receipts: ReceiptRow[];
  /** The receipt of each of the day's payments' orders, wherever found. */
  receiptsOfOrders: ReceiptRow[];
  /** Receipts voided that day (whenever issued). */
  voided: ReceiptRow[];
  /** Refunds that succeeded, of the orders concerned (any day). */
  refunds: RefundRow[];
  /** Every receipt with a number in the day's range [from, to] of the year (`seqs`), with the range; null when the day issued none. */
  range: { year: number; from: number; to: number; seqs: number[]; numberOf: (seq: number) => string } | null;
}): DayReconciliation {
  const issues: DayBookIssueLine[] = [];
  const reconciled = new Map<string, boolean>();
  const receiptOf = new Map(input.receiptsOfOrders.map((r) => [r.outTradeNo, r]));
  const refunded = new Map<string, number>();
  for (const f of input.refunds) if (f.status === 'succeeded') refunded.set(f.outTradeNo, (refunded.get(f.outTradeNo) ?? 0) + f.amountFen);
  const paidOrders = new Set(input.payments.map((p) => p.outTradeNo));

  for (const p of input.payments) {
    const r = receiptOf.get(p.outTradeNo);
    let kind: DayBookIssueKind | null = null;
    if (!r) kind = 'missing_receipt';
    else if (r.totalFen !== p.totalFen) kind = 'amount_mismatch';
    else if (r.status === 'voided' && (refunded.get(p.outTradeNo) ?? 0) < p.totalFen) kind = 'receipt_voided';
    reconciled.set(p.outTradeNo, kind === null);
    if (kind) issues.push({ kind, number: r?.number ?? null, outTradeNo: p.outTradeNo });
  }
  for (const r of input.receipts) {
    if (!paidOrders.has(r.outTradeNo)) issues.push({ kind: 'receipt_without_payment', number: r.number, outTradeNo: r.outTradeNo });
  }
  if (input.range) {
    const have = new Set(input.range.seqs);
    for (let s = input.range.from; s <= input.range.to; s++) if (!have.has(s)) issues.push({ kind: 'number_missing', number: input.range.numberOf(s), outTradeNo: null });
  }
  const seen = new Set<string>();
  for (const r of [...input.receipts, ...input.voided]) {
    if (seen.has(r.number)) continue;
    seen.add(r.number);
    if (r.status === 'voided' && (!r.voidReason || !r.voidedBy)) issues.push({ kind: 'void_unrecorded', number: r.number, outTradeNo: r.outTradeNo });
  }
  return { reconciled, issues, balanced: issues.length === 0 };
}
