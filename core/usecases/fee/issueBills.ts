import type { z } from 'zod';
import { ok, type Outcome } from '../../errors';
import { firstDayOf, monthlyLines, totalOf } from '../../domain/fees/bills';
import { standardsInForce } from '../../domain/fees/standards';
import type { BillRow } from '../../ports/feeStore';
import type { issueBillsInput } from '../../schemas/fee';
import type { UseCaseContext } from '../context';
import { communityFor } from '../setup/scope';

/**
 * 收费员/经理 bills every household of their community for one month (R-FEE-1) from the standards in
 * force on the month's first day (R-FEE-4: integer fen, half up per line). Idempotent: a household
 * billed for the month already is skipped (unique (household, period, source)), so issuing twice bills
 * nothing twice. Answers how many bills are new.
 */
export async function issueBills(ctx: UseCaseContext, input: z.output<ReturnType<typeof issueBillsInput>>): Promise<Outcome<{ created: number; period: string; communityId: string }>> {
  const scope = communityFor(ctx.caller, 'cashier.bill', input.communityId);
  if (!scope.ok) return scope;
  const { communityId } = scope.data;
  const created = await billCommunity(ctx, communityId, input.period);
  return ok({ created, period: input.period, communityId });
}

/** Bills one community for one month (also the demo seed's way in). */
export async function billCommunity(ctx: Pick<UseCaseContext, 'tx' | 'ids' | 'now'>, communityId: string, period: string): Promise<number> {
  const standards = standardsInForce(await ctx.tx.feeStandards(communityId), firstDayOf(period));
  const households = await ctx.tx.householdsOfCommunity(communityId);
  const rows: BillRow[] = [];
  for (const h of households) {
    const lines = monthlyLines(standards, h.areaM2x100);
    if (lines.length === 0) continue;
    rows.push({
      id: ctx.ids.next('bill'),
      communityId,
      householdId: h.id,
      period,
      source: 'monthly',
      lines,
      totalFen: totalOf(lines),
      status: 'unpaid',
      orderNo: null,
      receiptNumber: null,
      createdAt: ctx.now,
      paidAt: null,
    });
  }
  return ctx.tx.insertBills(rows);
}
