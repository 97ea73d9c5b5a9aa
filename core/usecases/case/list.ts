import type { z } from 'zod';
import { caseFieldsOf } from '../../access/caseAccess';
import { requireAccess } from '../../access/requireAccess';
import { ok, type Outcome } from '../../errors';
import type { listCasesInput } from '../../schemas/case';
import { caseView, type CaseView } from '../../domain/case/view';
import { communitySlas } from '../../domain/case/commit';
import type { UseCaseContext } from '../context';
import { badCursor, caseCursor, PAGE_LIMITS } from '../../domain/pageCursor';
import { namesOf, ownerRolesOf } from './names';

/** The caller's households' cases, newest first, a page at a time (keyset: core/domain/pageCursor.ts). */
export async function listCases(ctx: UseCaseContext, input: z.output<ReturnType<typeof listCasesInput>>): Promise<Outcome<{ items: CaseView[]; cursor: string | null }>> {
  const access = requireAccess(ctx.caller, 'case.readOwn');
  if (!access.ok) return access;
  const c = ctx.caller!;
  const after = input.cursor === undefined ? undefined : caseCursor.decode('c', input.cursor);
  if (after === null) return badCursor();
  const page = await ctx.tx.cases({
    communityIds: [...new Set(c.households.map((h) => h.communityId))],
    householdIds: c.households.map((h) => h.householdId),
    status: input.status ? [input.status] : undefined,
    kind: input.kind,
    order: 'newest',
    limit: PAGE_LIMITS.cases,
    after,
  });
  const [names, roles, slas] = await Promise.all([namesOf(ctx.tx, page.items.map((s) => s.owner)), ownerRolesOf(ctx.tx, page.items), communitySlas(ctx, page.items.map((s) => s.communityId))]);
  return ok({ items: page.items.map((s) => caseView(s, ctx.now, names, { caller: ctx.caller, fields: caseFieldsOf(c, s, 'list'), sla: slas.get(s.communityId)!, roles })), cursor: page.next ? caseCursor.encode('c', page.next) : null });
}
