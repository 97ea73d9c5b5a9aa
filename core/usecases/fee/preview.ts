import type { z } from 'zod';
import { requireAccess } from '../../access/requireAccess';
import { fail, ok, type Outcome } from '../../errors';
import type { BillRow } from '../../ports/feeStore';
import type { HouseholdRow } from '../../ports/store';
import type { previewInput, PreviewOutput } from '../../schemas/fee';
import { fenToYuan } from '../../money';
import { totalOf } from '../../domain/fees/bills';
import { roomLabel } from '../../vocabulary';
import type { UseCaseContext } from '../context';
import { liveOrdersOf } from './bills';
import { billView, byPeriod } from './views';

/**
 * The bills a resident chose, checked: all found, all of one of the caller's households (another
 * household's bill is BILL.NOT_FOUND, as one that does not exist). `lock`: held for the payment.
 */
export async function ownBills(ctx: UseCaseContext, ids: string[], permission: 'fee.readOwn' | 'fee.pay', lock = false): Promise<Outcome<{ bills: BillRow[]; household: HouseholdRow }>> {
  const pre = requireAccess(ctx.caller, permission);
  if (!pre.ok) return pre;
  const unique = [...new Set(ids)];
  const rows = await ctx.tx.billsByIds(unique, { lock });
  const mine = new Set(ctx.caller!.households.map((h) => `${h.communityId}|${h.householdId}`));
  if (rows.length !== unique.length || rows.some((b) => !mine.has(`${b.communityId}|${b.householdId}`))) return fail('BILL.NOT_FOUND');
  if (new Set(rows.map((b) => b.householdId)).size > 1) return fail('BILL.MIXED_HOUSEHOLDS');
  const household = await ctx.tx.household(rows[0].householdId);
  if (!household) return fail('BILL.NOT_FOUND');
  return ok({ bills: rows.sort(byPeriod), household });
}

/** Before paying, the resident sees household, months, every line and the total to confirm (R-FEE-3). */
export async function preview(ctx: UseCaseContext, input: z.output<ReturnType<typeof previewInput>>): Promise<Outcome<PreviewOutput>> {
  const own = await ownBills(ctx, input.billIds, 'fee.readOwn');
  if (!own.ok) return own;
  const { bills, household } = own.data;
  const community = await ctx.tx.community(household.communityId);
  const live = await liveOrdersOf(ctx.tx, bills, ctx.now);
  return ok({
    household: { id: household.id, address: roomLabel(household.id), areaM2: fenToYuan(household.areaM2x100), ownerName: household.ownerName },
    communityName: community?.name ?? '',
    months: bills.map((b) => b.period),
    bills: bills.map((b) => billView(b, ctx.now, live)),
    totalFen: totalOf(bills.map((b) => ({ amountFen: b.totalFen }))),
  });
}
