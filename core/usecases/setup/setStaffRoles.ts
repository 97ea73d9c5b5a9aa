import type { z } from 'zod';
import { fail, ok, type Outcome } from '../../errors';
import type { setStaffRolesInput } from '../../schemas/setupStaff';
import type { StaffRow } from '../../ports/store';
import type { UseCaseContext } from '../context';
import { communitiesFor, communityFor } from './scope';
import { roleList } from './staffViews';

/** Whether taking `userId` out of the manager role would leave the community without one. */
export const lastManager = (rows: StaffRow[], userId: string) => rows.some((r) => r.userId === userId && r.role === 'manager') && !rows.some((r) => r.userId !== userId && r.role === 'manager');

/**
 * 经理 sets a staff member's roles in one of their communities (replacing them): someone on the staff of
 * any community the manager runs may be given roles in another of them. Anyone else is STAFF.NOT_FOUND.
 */
export async function setStaffRoles(ctx: UseCaseContext, input: z.output<ReturnType<typeof setStaffRolesInput>>) {
  const scope = communityFor(ctx.caller, 'setup.staff', input.communityId);
  if (!scope.ok) return scope;
  const { communityId, caller } = scope.data;
  const theirs = await ctx.tx.staffOfUser(input.userId);
  const managed = communitiesFor(caller, 'setup.staff');
  if (!theirs.some((r) => managed.includes(r.communityId))) return fail('STAFF.NOT_FOUND');
  const here = await ctx.tx.staffOfCommunity(communityId);
  if (!input.roles.includes('manager') && lastManager(here, input.userId)) return fail('STAFF.LAST_MANAGER');
  await ctx.tx.setStaffRoles(input.userId, communityId, input.roles);
  const result = { userId: input.userId, communityId, roles: roleList(input.roles) };
  return ok(result) as Outcome<typeof result>;
}
