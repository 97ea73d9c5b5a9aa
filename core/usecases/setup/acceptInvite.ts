import type { z } from 'zod';
import { requireAccess } from '../../access/requireAccess';
import { fail, ok, type Outcome } from '../../errors';
import type { acceptInviteInput } from '../../schemas/setupStaff';
import type { StaffRole } from '../../vocabulary';
import { verifyPhone } from '../account/verifyPhone';
import type { UseCaseContext } from '../context';
import { inviteStatusOf, roleList } from './staffViews';

/**
 * The invited person, signed in with their own WeChat (OPENID from the platform, R-ACC-2), proves the
 * invited phone the way account binding does (getPhoneNumber code exchanged with WeChat; locally
 * /local/phone-code) and joins the staff: every pending invitation to that phone gives its roles in its
 * communities. Their name and phone on file become the invited name and the verified phone.
 */
export async function acceptInvite(ctx: UseCaseContext, input: z.output<ReturnType<typeof acceptInviteInput>>) {
  const access = requireAccess(ctx.caller, 'setup.acceptInvite');
  if (!access.ok) return access;
  const c = ctx.caller!;
  const exchange = await verifyPhone(ctx.phone, input.phoneCode);
  if (!exchange?.ok) return fail('INPUT.PHONE_UNVERIFIED');
  const invites = (await ctx.tx.invitesByPhone(exchange.phone)).filter((i) => inviteStatusOf(i, ctx.now) === 'pending');
  if (!invites.length) return fail('INVITE.NOT_FOUND');
  const current = await ctx.tx.staffOfUser(c.userId);
  const granted = new Map<string, Set<StaffRole>>();
  for (const i of invites) for (const communityId of i.communityIds) for (const role of i.roles) granted.set(communityId, (granted.get(communityId) ?? new Set()).add(role));
  for (const [communityId, roles] of granted) {
    const had = current.filter((r) => r.communityId === communityId).map((r) => r.role);
    await ctx.tx.setStaffRoles(c.userId, communityId, [...new Set([...had, ...roles])]);
  }
  for (const i of invites) await ctx.tx.updateInvite({ ...i, status: 'accepted', acceptedBy: c.userId, decidedAt: ctx.now });
  const name = invites[0].name;
  await ctx.tx.updateUserProfile(c.userId, { name, phone: exchange.phone });
  const result = { name, communities: [...granted].map(([communityId, roles]) => ({ communityId, roles: roleList([...roles]) })) };
  return ok(result) as Outcome<typeof result>;
}
