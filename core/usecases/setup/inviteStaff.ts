import type { z } from 'zod';
import { requireAccess } from '../../access/requireAccess';
import { fail, ok, type Outcome } from '../../errors';
import type { inviteStaffInput } from '../../schemas/setupStaff';
import type { UseCaseContext } from '../context';
import { communitiesFor } from './scope';
import { INVITE_TTL_MS, inviteStatusOf, inviteView } from './staffViews';

/**
 * 经理 invites a person to the staff by phone, with roles in one or more of the communities they manage.
 * The person accepts from their own WeChat with that phone verified (acceptInvite). Another community is
 * COMMUNITY.NOT_FOUND; the same phone with a pending invitation, or already on the staff there, is a conflict.
 */
export async function inviteStaff(ctx: UseCaseContext, input: z.output<ReturnType<typeof inviteStaffInput>>): Promise<Outcome<ReturnType<typeof inviteView>>> {
  const access = requireAccess(ctx.caller, 'setup.staff');
  if (!access.ok) return access;
  const mine = communitiesFor(ctx.caller!, 'setup.staff');
  const communityIds = [...new Set(input.communityIds ?? (mine.length === 1 ? mine : []))].sort();
  if (!communityIds.length) return fail('INPUT.INVALID', { communityIds: '您负责多个小区，请选择小区' });
  for (const communityId of communityIds) {
    const inside = requireAccess(ctx.caller, 'setup.staff', { communityId, notFound: 'COMMUNITY.NOT_FOUND' });
    if (!inside.ok) return inside;
  }
  const pending = (await ctx.tx.invitesByPhone(input.phone)).filter((i) => inviteStatusOf(i, ctx.now) === 'pending');
  if (pending.some((i) => i.communityIds.some((c) => communityIds.includes(c)))) return fail('INVITE.CONFLICT');
  for (const u of await ctx.tx.usersByPhone(input.phone)) {
    const roles = await ctx.tx.staffOfUser(u.id);
    if (roles.some((r) => communityIds.includes(r.communityId))) return fail('STAFF.CONFLICT');
  }
  const row = {
    id: ctx.ids.next('inv'),
    phone: input.phone,
    name: input.name,
    roles: input.roles,
    communityIds,
    status: 'pending' as const,
    createdBy: ctx.caller!.userId,
    createdAt: ctx.now,
    expiresAt: ctx.now + INVITE_TTL_MS,
    acceptedBy: null,
    decidedAt: null,
  };
  await ctx.tx.insertInvite(row);
  return ok(inviteView(row, ctx.now));
}
