import type { PaymentRow, ReceiptRow, RefundRow } from '../../ports/feeStore';
import { reconcileDay } from './dayBook';

const T = Date.parse('2026-12-02T10:00:00+08:00');
const payment = (no: string, totalFen = 25_375): PaymentRow => ({ transactionId: `t_${no}`, outTradeNo: no, communityId: 'demo', totalFen, paidAt: T, via: 'notify', recordedAt: T });
const receipt = (seq: number, no: string, over: Partial<ReceiptRow> = {}): ReceiptRow => ({
  number: `demo-2026-${String(seq).padStart(6, '0')}`,
  communityId: 'demo',
  year: 2026,
  seq,
  householdId: '1-1-101',
  outTradeNo: no,
  items: [],
  totalFen: 25_375,
  paidAt: T,
  payerUserId: 'resident-a',
  payerName: '李明',
  code: 'AB12CD34',
  status: 'issued',
  voidReason: null,
  voidedBy: null,
  voidedAt: null,
  createdAt: T,
  ...over,
});
const refund = (no: string, amountFen: number): RefundRow => ({
  outRefundNo: `r_${no}`,
  communityId: 'demo',
  householdId: '1-1-101',
  outTradeNo: no,
  source: 'renovation',
  sourceId: no,
  amountFen,
  reason: '退款',
  status: 'succeeded',
  requestedBy: 'manager',
  createdAt: T,
  refundId: 'x',
  succeededAt: T,
  checkedAt: null,
});
const range = (from: number, to: number, seqs: number[]) => ({ year: 2026, from, to, seqs, numberOf: (s: number) => `demo-2026-${String(s).padStart(6, '0')}` });
const kinds = (r: ReturnType<typeof reconcileDay>) => r.issues.map((i) => [i.kind, i.number ?? i.outTradeNo]);

describe('the day book reconciliation (pure)', () => {
  it('[R-FEE-8] each payment with its receipt, same amount, numbers unbroken: balanced', () => {
    const receipts = [receipt(3, 'o1'), receipt(4, 'o2')];
    const r = reconcileDay({ payments: [payment('o1'), payment('o2')], receipts, receiptsOfOrders: receipts, voided: [], refunds: [], range: range(3, 4, [3, 4]) });
    expect([r.balanced, kinds(r), [...r.reconciled.values()]]).toEqual([true, [], [true, true]]);
  });

  it('[R-FEE-8][R-FEE-6] a voided receipt reconciles only when its payment was refunded in full; a void without reason or who is listed', () => {
    const voided = receipt(3, 'o1', { status: 'voided', voidReason: '重复开具', voidedBy: 'cashier', voidedAt: T });
    const base = { payments: [payment('o1')], receipts: [voided], receiptsOfOrders: [voided], voided: [voided], range: range(3, 3, [3]) };
    expect(kinds(reconcileDay({ ...base, refunds: [] }))).toEqual([['receipt_voided', 'demo-2026-000003']]);
    expect(kinds(reconcileDay({ ...base, refunds: [refund('o1', 25_374)] }))).toEqual([['receipt_voided', 'demo-2026-000003']]);
    expect(reconcileDay({ ...base, refunds: [refund('o1', 25_375)] }).balanced).toBe(true);
    const silent = { ...voided, voidReason: null };
    expect(kinds(reconcileDay({ ...base, receipts: [silent], receiptsOfOrders: [silent], voided: [silent], refunds: [refund('o1', 25_375)] }))).toEqual([['void_unrecorded', 'demo-2026-000003']]);
  });

  it('[R-FEE-8] a payment without receipt, a receipt without payment, a different amount and a missing number are each a line', () => {
    const r3 = receipt(3, 'o1', { totalFen: 25_000 });
    const r6 = receipt(6, 'o9');
    const r = reconcileDay({ payments: [payment('o1'), payment('o2')], receipts: [r3, r6], receiptsOfOrders: [r3], voided: [], refunds: [], range: range(3, 6, [3, 5, 6]) });
    expect(r.balanced).toBe(false);
    expect(kinds(r)).toEqual([
      ['amount_mismatch', 'demo-2026-000003'],
      ['missing_receipt', 'o2'],
      ['receipt_without_payment', 'demo-2026-000006'],
      ['number_missing', 'demo-2026-000004'],
    ]);
  });
});
