import type { z } from 'zod';
import { requireAccess } from '../../access/requireAccess';
import { areaX100 } from '../../domain/renovation/fees';
import { fail, ok, type Outcome } from '../../errors';
import type { quoteInput, QuoteOutput } from '../../schemas/renovation';
import type { UseCaseContext } from '../context';
import { feesFor, quoteOf } from './fees';

/** renovation.quote: the fees an application would carry, shown before applying and paying (R-REN-5, R-FEE-3). Own household only. */
export async function quote(ctx: UseCaseContext, input: z.output<ReturnType<typeof quoteInput>>): Promise<Outcome<QuoteOutput>> {
  const pre = requireAccess(ctx.caller, 'renovation.apply');
  if (!pre.ok) return pre;
  const mine = ctx.caller!.households.find((h) => h.householdId === input.householdId);
  if (!mine) return fail('HOUSEHOLD.NOT_FOUND');
  const fees = await feesFor(ctx.tx, mine.communityId, ctx.now, {
    areaM2x100: areaX100(input.areaM2),
    demolitionM2x100: input.demolitionM2 === undefined ? null : areaX100(input.demolitionM2),
    secondRenovation: input.secondRenovation ?? false,
    premises: input.premises ?? 'home',
    workers: input.workers ?? 0,
  });
  return ok(quoteOf(fees));
}
