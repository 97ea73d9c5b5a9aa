import type { z } from 'zod';
import { requireAccess } from '../../access/requireAccess';
import { fail, ok, type Outcome } from '../../errors';
import type { workbenchGetInput } from '../../schemas/workbench';
import { caseView, type CaseView } from '../../domain/case/view';
import { communitySla } from '../../domain/case/commit';
import type { UseCaseContext } from '../context';
import { namesOf } from '../case/names';

/** One case with its whole timeline, for staff of its community; the full phone is shown to contact the resident. */
export async function workbenchGet(ctx: UseCaseContext, input: z.output<typeof workbenchGetInput>): Promise<Outcome<CaseView>> {
  const pre = requireAccess(ctx.caller, 'workbench.read');
  if (!pre.ok) return pre;
  const s = await ctx.tx.caseById(input.id);
  if (!s) return fail('CASE.NOT_FOUND');
  const access = requireAccess(ctx.caller, 'workbench.read', { communityId: s.communityId, notFound: 'CASE.NOT_FOUND' });
  if (!access.ok) return access;
  const [events, names, sla] = await Promise.all([ctx.tx.caseEvents(s.id), namesOf(ctx.tx, [s.owner]), communitySla(ctx, s.communityId)]);
  return ok(caseView(s, ctx.now, names, { events, fullPhone: true, sla }));
}
