import type { z } from 'zod';
import { requireAccess } from '../../access/requireAccess';
import { fail, ok, type Outcome } from '../../errors';
import type { revokeInviteInput } from '../../schemas/setupStaff';
import type { UseCaseContext } from '../context';
import { inviteStatusOf, inviteView } from './staffViews';

/** 经理 withdraws a pending invitation of their own communities (another community's: not found). */
export async function revokeInvite(ctx: UseCaseContext, input: z.output<ReturnType<typeof revokeInviteInput>>): Promise<Outcome<ReturnType<typeof inviteView>>> {
  const access = requireAccess(ctx.caller, 'setup.staff');
  if (!access.ok) return access;
  const row = await ctx.tx.invite(input.id);
  if (!row) return fail('INVITE.NOT_FOUND');
  for (const communityId of row.communityIds) {
    const inside = requireAccess(ctx.caller, 'setup.staff', { communityId, notFound: 'INVITE.NOT_FOUND' });
    if (!inside.ok) return inside;
  }
  if (inviteStatusOf(row, ctx.now) !== 'pending') return fail('INVITE.INVALID_TRANSITION');
  const revoked = { ...row, status: 'revoked' as const, decidedAt: ctx.now };
  await ctx.tx.updateInvite(revoked);
  return ok(inviteView(revoked, ctx.now));
}
