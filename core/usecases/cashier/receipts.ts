import type { z } from 'zod';
import { ok, type Outcome } from '../../errors';
import type { CashierReceipt, cashierReceiptsInput } from '../../schemas/cashier';
import type { UseCaseContext } from '../context';
import { communityFor } from '../setup/scope';
import { cashierReceipt, namesOf } from './scope';

/** How many receipts the workbench list shows (newest first; older ones through the day book). */
export const RECEIPT_LIST_LIMIT = 100;

/** cashier.receipts (R-FEE-6): the community's latest receipts, issued and voided, each with whether it may be voided. */
export async function cashierReceipts(ctx: UseCaseContext, input: z.output<ReturnType<typeof cashierReceiptsInput>>): Promise<Outcome<{ communityId: string; items: CashierReceipt[] }>> {
  const scope = communityFor(ctx.caller, 'cashier.bill', input.communityId);
  if (!scope.ok) return scope;
  const rows = await ctx.tx.receiptsOfCommunity(scope.data.communityId, RECEIPT_LIST_LIMIT);
  const names = await namesOf(ctx, rows.map((r) => r.voidedBy));
  return ok({ communityId: scope.data.communityId, items: rows.map((r) => cashierReceipt(r, names)) });
}
