import { CREATION_LIMITS, type CreationLimits } from '../../limits';
import { fail, ok, type Outcome } from '../../errors';
import type { UseCaseContext } from '../context';

/**
 * Refuses (RATE.LIMITED, HTTP 429) a caller who already opened `max` cases within the window. Counted
 * from the store, not from process memory: the same answer on every instance. A replayed request
 * (same requestId) never gets here, so a retry is never limited.
 */
export async function withinCreationLimit(ctx: UseCaseContext, which: keyof CreationLimits): Promise<Outcome<null>> {
  if (!ctx.caller) return fail('AUTH.UNAUTHENTICATED');
  const rule = ctx.limits?.[which] ?? CREATION_LIMITS[which];
  const opened = await ctx.tx.casesOpenedBy(ctx.caller.userId, ctx.now - rule.windowMs, rule.max);
  return opened >= rule.max ? fail('RATE.LIMITED') : ok(null);
}
