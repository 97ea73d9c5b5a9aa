import type { z } from 'zod';
import { caseFieldsOf, caseReachOf } from '../../access/caseAccess';
import { requireAccess } from '../../access/requireAccess';
import { ok, type Outcome } from '../../errors';
import type { queueInput } from '../../schemas/workbench';
import { caseView, type CaseView } from '../../domain/case/view';
import { communitySlas } from '../../domain/case/commit';
import { DEFAULT_SLA } from '../../domain/case/deadlines';
import type { UseCaseContext } from '../context';
import { badCursor, caseCursor, PAGE_LIMITS } from '../../domain/pageCursor';
import { namesOf, ownerRolesOf } from '../case/names';

/**
 * Staff queue: the cases of their communities their roles reach (R-ACC-3), most urgent first, phones
 * masked and other fields as their role may see them (R-ACC-5).
 */
export async function queue(
  ctx: UseCaseContext,
  input: z.output<ReturnType<typeof queueInput>>,
): Promise<Outcome<{ items: CaseView[]; cursor: string | null; emergencyArrivalMinutes: number }>> {
  const access = requireAccess(ctx.caller, 'workbench.queue');
  if (!access.ok) return access;
  const c = ctx.caller!;
  const communityIds = [...new Set(c.staff.map((s) => s.communityId))];
  const after = input.cursor === undefined ? undefined : caseCursor.decode('q', input.cursor);
  if (after === null) return badCursor();
  const page = await ctx.tx.cases({
    communityIds,
    reach: caseReachOf(c),
    hiddenFrom: c.userId,
    status: input.status ? [input.status] : undefined,
    kind: input.kind,
    department: input.department,
    owner: input.mine ? c.userId : undefined,
    householdIds: input.householdId ? [input.householdId] : undefined,
    technician: input.technician,
    breached: input.breached,
    order: 'urgent',
    limit: Math.min(input.limit, PAGE_LIMITS.queue),
    after,
  });
  const [names, roles, slas] = await Promise.all([namesOf(ctx.tx, page.items.map((s) => s.owner)), ownerRolesOf(ctx.tx, page.items), communitySlas(ctx, communityIds)]);
  // The 急修 promise the staff work to (R-REP-3), as their communities set it: the strictest of them.
  const emergencyArrivalMinutes = Math.round(Math.min(DEFAULT_SLA.emergencyArrivalMs, ...[...slas.values()].map((sla) => sla.emergencyArrivalMs)) / 60_000);
  return ok({
    items: page.items.map((s) => caseView(s, ctx.now, names, { caller: ctx.caller, fields: caseFieldsOf(c, s, 'list'), sla: slas.get(s.communityId)!, roles })),
    cursor: page.next ? caseCursor.encode('q', page.next) : null,
    emergencyArrivalMinutes,
  });
}
