import type { z } from 'zod';
import { acceptBlockers, type AcceptBlocker } from '../../domain/renovation/acceptance';
import { refundOf } from '../../domain/renovation/fees';
import { WORKING } from '../../domain/renovation/state';
import { fail, ok, type Outcome } from '../../errors';
import { fenToYuan } from '../../money';
import type { acceptInput, AcceptOutput } from '../../schemas/renovation';
import type { UseCaseContext } from '../context';
import { requestRefund } from '../fee/requestRefund';
import { byName, commit, loadRenovation, messages } from './shared';

/**
 * renovation.accept (R-REN-10): completion acceptance. The renovation bill must be paid, the closure
 * test passed (R-REN-7) and no violation left open (R-REN-9). What goes back — the deposit less the
 * deductions, plus the permit and the passes returned — is written as a refund to the order that paid
 * the bill, in this transaction (requestRefund; the provider is asked after the commit by the refund
 * job). Deductions above the deposit are refused.
 */
const BLOCKER_CODES = { bill_unpaid: 'RENOVATION.BILL_UNPAID', closure_required: 'RENOVATION.CLOSURE_REQUIRED', violation_open: 'RENOVATION.VIOLATION_OPEN' } as const satisfies Record<AcceptBlocker, string>;

export async function accept(ctx: UseCaseContext, input: z.output<ReturnType<typeof acceptInput>>): Promise<Outcome<AcceptOutput>> {
  const found = await loadRenovation(ctx, input.id, 'manage');
  if (!found.ok) return found;
  const { s } = found.data;
  if (!WORKING.includes(s.status)) return fail('RENOVATION.INVALID_TRANSITION');
  const [bill] = s.billId ? await ctx.tx.billsByIds([s.billId], { lock: true }) : [];
  // The paying order (the refund goes back through it): a paid bill has one.
  const paidBy = bill && bill.status === 'paid' ? bill.orderNo : null;
  const [blocker] = acceptBlockers(s, paidBy !== null);
  if (blocker || paidBy === null) return fail(BLOCKER_CODES[blocker ?? 'bill_unpaid']);
  const deductions = input.deductions ?? [];
  const money = refundOf(s.fees, deductions);
  if (!money) return fail('RENOVATION.DEDUCTION_TOO_LARGE');
  if (money.refundFen > 0) {
    const reason = money.deductedFen > 0 ? `装修押金退还（扣除 ¥${fenToYuan(money.deductedFen)}）及证件工本费` : '装修押金及证件工本费退还';
    const r = await requestRefund(ctx, { source: 'renovation', sourceId: s.id, outTradeNo: paidBy, householdId: s.householdId, amountFen: money.refundFen, reason, requestedBy: ctx.caller!.userId });
    if (r.kind === 'refused') throw new Error(`renovation ${s.id}: refund refused (${r.why})`);
  }
  await commit(ctx, s, [{ type: 'accepted', ...byName(ctx), deductions: deductions.map((d) => ({ ...d })), refundFen: money.refundFen, note: input.note ?? null }]);
  await ctx.tx.enqueue(messages(ctx, [s.applicantId], 'renovation.accepted', { householdId: s.householdId, number: s.number, refund: fenToYuan(money.refundFen), deducted: fenToYuan(money.deductedFen), renovationId: s.id }));
  return ok({ status: 'accepted', refundFen: money.refundFen, deductedFen: money.deductedFen });
}
