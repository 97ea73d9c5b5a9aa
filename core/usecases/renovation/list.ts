import type { z } from 'zod';
import { requireAccess } from '../../access/requireAccess';
import type { RenovationState } from '../../domain/renovation/state';
import { fail, ok, type Outcome } from '../../errors';
import type { listInput, ListOutput } from '../../schemas/renovation';
import type { UseCaseContext } from '../context';
import { viewOf, type Viewer } from './shared';

/** How many applications a staff list shows (newest first). */
const STAFF_LIST_LIMIT = 200;

/**
 * renovation.list: the household's renovation archive (R-REN-11), every application with its full
 * record. With `householdId`: its residents, or staff who read renovations in its community (another
 * household: HOUSEHOLD.NOT_FOUND). Without: a resident's own households; staff, their communities'
 * applications (the officer's queue), newest first.
 */
export async function list(ctx: UseCaseContext, input: z.output<ReturnType<typeof listInput>>): Promise<Outcome<ListOutput>> {
  const c = ctx.caller;
  if (!c) return fail('AUTH.UNAUTHENTICATED');
  if (c.households.length === 0 && c.staff.length === 0) return fail('HOUSEHOLD.NOT_BOUND');
  const manageIn = (communityId: string) => requireAccess(c, 'renovation.manage', { communityId, notFound: 'RENOVATION.NOT_FOUND' }).ok;
  const readIn = (communityId: string) => requireAccess(c, 'renovation.read', { communityId, notFound: 'RENOVATION.NOT_FOUND' }).ok;
  let rows: { s: RenovationState; viewer: Viewer }[];
  if (input.householdId) {
    const mine = c.households.find((h) => h.householdId === input.householdId);
    if (mine) {
      rows = (await ctx.tx.renovationsOfHousehold(mine.householdId)).map((s) => ({ s, viewer: { kind: 'resident', userId: c.userId } }));
    } else {
      const h = await ctx.tx.household(input.householdId);
      if (!h) return fail('HOUSEHOLD.NOT_FOUND');
      // Staff standing in its community without the role: forbidden; anyone else: not found.
      if (!readIn(h.communityId)) return c.staff.some((x) => x.communityId === h.communityId) ? fail('AUTH.FORBIDDEN') : fail('HOUSEHOLD.NOT_FOUND');
      rows = (await ctx.tx.renovationsOfHousehold(h.id)).map((s) => ({ s, viewer: { kind: 'staff', manage: manageIn(s.communityId) } }));
    }
  } else if (c.staff.length > 0) {
    const communities = [...new Set(c.staff.map((x) => x.communityId))].filter(readIn);
    if (communities.length === 0) return fail('AUTH.FORBIDDEN');
    const states = await ctx.tx.renovationsOfCommunities(communities, { limit: STAFF_LIST_LIMIT });
    rows = states.map((s) => ({ s, viewer: { kind: 'staff', manage: manageIn(s.communityId) } }));
  } else {
    const pre = requireAccess(c, 'renovation.readOwn');
    if (!pre.ok) return pre;
    rows = [];
    for (const h of c.households) rows.push(...(await ctx.tx.renovationsOfHousehold(h.householdId)).map((s) => ({ s, viewer: { kind: 'resident', userId: c.userId } as Viewer })));
  }
  if (input.status) rows = rows.filter((r) => (input.status === 'refunded' || input.status === 'accepted' ? r.s.status === 'accepted' : r.s.status === input.status));
  const items = [];
  for (const r of rows) items.push(await viewOf(ctx, r.s, r.viewer));
  return ok({ items: input.status ? items.filter((i) => i.status === input.status) : items });
}
