import { CREATION_LIMITS, type CreationLimits, type RateRule } from '../../limits';
import { fail, ok, type Outcome } from '../../errors';
import type { UseCaseContext } from '../context';

/** This deployment's rule for one kind of creation (core/limits.ts unless the deployment sets its own). */
export const creationRule = (ctx: UseCaseContext, which: keyof CreationLimits): RateRule => ctx.limits?.[which] ?? CREATION_LIMITS[which];

/**
 * What the store counts for the limit (`Tx.casesOpenedBy`, or with `Tx.caseOpening`): cases the caller
 * opened since the window began, counting at most `cap`. Counted from the store, not from process
 * memory: the same answer on every instance.
 */
export const creationCount = (ctx: UseCaseContext, which: keyof CreationLimits) => {
  const rule = creationRule(ctx, which);
  return { openedBy: ctx.caller?.userId ?? '', since: ctx.now - rule.windowMs, cap: rule.max };
};

/**
 * Refuses (RATE.LIMITED, HTTP 429) a caller who already opened `max` cases within the window (`opened`,
 * as counted by `creationCount`). A replayed request (same requestId) never gets here, so a retry is
 * never limited.
 */
export function withinCreationLimit(ctx: UseCaseContext, which: keyof CreationLimits, opened: number): Outcome<null> {
  if (!ctx.caller) return fail('AUTH.UNAUTHENTICATED');
  return opened >= creationRule(ctx, which).max ? fail('RATE.LIMITED') : ok(null);
}
