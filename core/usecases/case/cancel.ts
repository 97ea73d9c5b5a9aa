import type { z } from 'zod';
import { requireAccess } from '../../access/requireAccess';
import { fail, type Outcome } from '../../errors';
import type { cancelCaseInput } from '../../schemas/case';
import { commitCaseEvent } from '../../domain/case/commit';
import type { CaseView } from '../../domain/case/view';
import type { UseCaseContext } from '../context';
import { viewAfter } from './loadCase';

/** A resident withdraws their own case while it is still open; the event stays in the record (R-INT-4). */
export async function cancelCase(ctx: UseCaseContext, input: z.output<ReturnType<typeof cancelCaseInput>>): Promise<Outcome<CaseView>> {
  const pre = requireAccess(ctx.caller, 'case.cancelOwn');
  if (!pre.ok) return pre;
  const s = await ctx.tx.caseById(input.id);
  if (!s) return fail('CASE.NOT_FOUND');
  const access = requireAccess(ctx.caller, 'case.cancelOwn', { communityId: s.communityId, householdId: s.householdId, notFound: 'CASE.NOT_FOUND' });
  if (!access.ok) return access;
  const c = ctx.caller!;
  const next = await commitCaseEvent(ctx, s, { type: 'cancelled', at: ctx.now, by: c.userId, byName: c.name, note: input.reason ?? '住户撤销' });
  return viewAfter(ctx, next);
}
