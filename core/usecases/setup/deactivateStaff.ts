import type { z } from 'zod';
import { fail, ok, type Outcome } from '../../errors';
import type { deactivateStaffInput } from '../../schemas/setupStaff';
import { dayOf } from '../../shanghai';
import type { UseCaseContext } from '../context';
import { communityFor } from './scope';
import { lastManager } from './setStaffRoles';

const OPEN = ['submitted', 'dispatched', 'on_site', 'quoted', 'completed', 'awaiting_callback', 'processing'] as const;

/**
 * 经理 deactivates a staff member in one of their communities: their roles there end at once (the next
 * call they make finds no access; they are no longer offered as assignees nor paged, and their future
 * duty shifts are cleared), while their history stays — past cases keep their name, and the former-staff
 * record keeps their roles, when and by whom. The open cases they hold are listed for handing over.
 */
export async function deactivateStaff(ctx: UseCaseContext, input: z.output<ReturnType<typeof deactivateStaffInput>>) {
  const scope = communityFor(ctx.caller, 'setup.staff', input.communityId);
  if (!scope.ok) return scope;
  const { communityId, caller } = scope.data;
  const here = await ctx.tx.staffOfCommunity(communityId);
  const roles = here.filter((r) => r.userId === input.userId).map((r) => r.role);
  if (!roles.length) return fail('STAFF.NOT_FOUND');
  if (lastManager(here, input.userId)) return fail('STAFF.LAST_MANAGER');
  const community = await ctx.tx.community(communityId);
  if (community && Object.values(community.responsible).includes(input.userId)) return fail('STAFF.IS_RESPONSIBLE');

  await ctx.tx.insertFormerStaff({ id: ctx.ids.next('sf'), userId: input.userId, communityId, roles, deactivatedAt: ctx.now, deactivatedBy: caller.userId });
  await ctx.tx.setStaffRoles(input.userId, communityId, []);
  const today = dayOf(ctx.now - 86_400_000);
  const shifts = (await ctx.tx.rota(communityId, today, '9999-12-31')).filter((e) => e.userId === input.userId);
  if (shifts.length) await ctx.tx.setRota(communityId, shifts.map((e) => ({ day: e.day, shift: e.shift, userId: null })));
  const [owned, held] = await Promise.all([
    ctx.tx.cases({ communityIds: [communityId], owner: input.userId, status: [...OPEN], order: 'urgent', limit: 100 }),
    ctx.tx.cases({ communityIds: [communityId], technician: input.userId, status: [...OPEN], order: 'urgent', limit: 100 }),
  ]);
  const open = new Map([...owned.items, ...held.items].map((s) => [s.id, { id: s.id, number: s.number, status: s.status }]));
  const result = { userId: input.userId, communityId, openCases: [...open.values()] };
  return ok(result) as Outcome<typeof result>;
}
