import type { z } from 'zod';
import { requireAccess } from '../../access/requireAccess';
import { fail, ok, type Outcome } from '../../errors';
import type { CashierReceipt, voidReceiptInput } from '../../schemas/cashier';
import type { UseCaseContext } from '../context';
import { cashierReceipt, namesOf } from './scope';

/**
 * cashier.voidReceipt (R-FEE-6): 收费员/经理 of the receipt's community void it with a reason; who and
 * when are recorded. The number stays taken and accounted for (voided, never reused or deleted); the
 * resident's receipt page and fee.verifyReceipt say 已作废 with the reason. Voiding a voided receipt
 * changes nothing: RECEIPT.INVALID_TRANSITION. Another community's receipt is RECEIPT.NOT_FOUND.
 */
export async function voidReceipt(ctx: UseCaseContext, input: z.output<ReturnType<typeof voidReceiptInput>>): Promise<Outcome<CashierReceipt>> {
  const pre = requireAccess(ctx.caller, 'cashier.bill');
  if (!pre.ok) return pre;
  const r = await ctx.tx.receipt(input.number);
  if (!r) return fail('RECEIPT.NOT_FOUND');
  const access = requireAccess(ctx.caller, 'cashier.bill', { communityId: r.communityId, notFound: 'RECEIPT.NOT_FOUND' });
  if (!access.ok) return access;
  if (r.status !== 'issued') return fail('RECEIPT.INVALID_TRANSITION');
  const by = ctx.caller!.userId;
  if (!(await ctx.tx.voidReceipt(r.number, { reason: input.reason, by, at: ctx.now }))) return fail('RECEIPT.INVALID_TRANSITION');
  return ok(cashierReceipt({ ...r, status: 'voided', voidReason: input.reason, voidedBy: by, voidedAt: ctx.now }, await namesOf(ctx, [by])));
}
