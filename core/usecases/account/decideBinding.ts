import { requireAccess } from '../../access/requireAccess';
import { fail, ok, type Outcome } from '../../errors';
import { outboxOf } from '../../domain/case/commit';
import type { UseCaseContext } from '../context';
import { bindingView } from './bindings';
import { ownerLimitReached } from '../../domain/bindingLimits';

/**
 * Front desk approves or rejects a pending binding (R-ACC-1); the resident is told either way. An owner
 * is not approved into a household that already has its bound of owners.
 */
export async function decideBinding(
  ctx: UseCaseContext,
  input: { id: string; decision: 'approved' | 'rejected'; reason?: string },
): Promise<Outcome<ReturnType<typeof bindingView>>> {
  const pre = requireAccess(ctx.caller, 'binding.review');
  if (!pre.ok) return pre;
  const b = await ctx.tx.binding(input.id);
  if (!b) return fail('BINDING.NOT_FOUND');
  const access = requireAccess(ctx.caller, 'binding.review', { communityId: b.communityId, notFound: 'BINDING.NOT_FOUND' });
  if (!access.ok) return access;
  if (b.status !== 'pending') return fail('BINDING.INVALID_TRANSITION');
  if (input.decision === 'approved' && b.relation === 'owner') {
    // The household is held while its owners are counted: two approvals into one household count one after the other.
    await ctx.tx.household(b.householdId);
    if (ownerLimitReached(await ctx.tx.bindingsOfHousehold(b.householdId), true)) return fail('BINDING.OWNER_LIMIT');
  }

  const decided = { ...b, status: input.decision, decidedAt: ctx.now, decidedBy: ctx.caller!.userId, reason: input.reason ?? null };
  await ctx.tx.updateBinding(decided);
  await ctx.tx.enqueue(
    outboxOf(ctx, [
      {
        type: 'notify',
        to: b.userId,
        template: input.decision === 'approved' ? 'binding.approved' : 'binding.rejected',
        data: { householdId: b.householdId, reason: input.reason ?? '' },
      },
    ]),
  );
  return ok(bindingView(decided));
}
