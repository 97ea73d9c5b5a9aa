import type { z } from 'zod';
import { caseFieldsOf } from '../../access/caseAccess';
import { requireAccess } from '../../access/requireAccess';
import { fail, ok, type Outcome } from '../../errors';
import type { getCaseInput } from '../../schemas/case';
import { caseView, type CaseView } from '../../domain/case/view';
import { communitySla } from '../../domain/case/commit';
import type { UseCaseContext } from '../context';
import { namesOf, ownerRolesOf } from './names';

/** A resident reads one case of their own household, with its timeline; others' cases are 404 (R-ACC-4). */
export async function getCase(ctx: UseCaseContext, input: z.output<ReturnType<typeof getCaseInput>>): Promise<Outcome<CaseView>> {
  const pre = requireAccess(ctx.caller, 'case.readOwn');
  if (!pre.ok) return pre;
  const s = await ctx.tx.caseById(input.id);
  if (!s) return fail('CASE.NOT_FOUND');
  const access = requireAccess(ctx.caller, 'case.readOwn', { communityId: s.communityId, householdId: s.householdId, notFound: 'CASE.NOT_FOUND' });
  if (!access.ok) return access;
  const [events, names, roles, sla] = await Promise.all([ctx.tx.caseEvents(s.id), namesOf(ctx.tx, [s.owner]), ownerRolesOf(ctx.tx, [s]), communitySla(ctx, s.communityId)]);
  return ok(caseView(s, ctx.now, names, { caller: ctx.caller, events, fields: caseFieldsOf(ctx.caller, s), sla, roles }));
}
