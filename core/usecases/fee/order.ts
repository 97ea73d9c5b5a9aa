import type { z } from 'zod';
import { requireAccess } from '../../access/requireAccess';
import { fail, ok, type Outcome } from '../../errors';
import type { orderInput, OrderOutput } from '../../schemas/fee';
import type { UseCaseContext } from '../context';

/**
 * A resident reads their payment order's status (the page polls it after `Taro.requestPayment`): only
 * the provider's verified word (notification or order query) makes it `paid` (R-FEE-5), never the
 * client's. Another household's order → ORDER.NOT_FOUND.
 */
export async function order(ctx: UseCaseContext, input: z.output<ReturnType<typeof orderInput>>): Promise<Outcome<OrderOutput>> {
  const pre = requireAccess(ctx.caller, 'fee.readOwn');
  if (!pre.ok) return pre;
  const o = await ctx.tx.order(input.outTradeNo);
  if (!o) return fail('ORDER.NOT_FOUND');
  const access = requireAccess(ctx.caller, 'fee.readOwn', { communityId: o.communityId, householdId: o.householdId, notFound: 'ORDER.NOT_FOUND' });
  if (!access.ok) return access;
  return ok({ outTradeNo: o.outTradeNo, status: o.status, totalFen: o.totalFen, billIds: o.billIds, receiptNumber: o.receiptNumber });
}
