import type { z } from 'zod';
import { requireAccess } from '../../access/requireAccess';
import { fail, type Outcome } from '../../errors';
import type { replyInput } from '../../schemas/workbench';
import { commitCaseEvent } from '../../domain/case/commit';
import type { CaseView } from '../../domain/case/view';
import type { UseCaseContext } from '../context';
import { viewAfter } from '../case/loadCase';

/** Answers a consultation, suggestion, praise or help request; the resident is told (案结事了). */
export async function reply(ctx: UseCaseContext, input: z.output<typeof replyInput>): Promise<Outcome<CaseView>> {
  const pre = requireAccess(ctx.caller, 'workbench.reply');
  if (!pre.ok) return pre;
  const s = await ctx.tx.caseById(input.id);
  if (!s) return fail('CASE.NOT_FOUND');
  const access = requireAccess(ctx.caller, 'workbench.reply', { communityId: s.communityId, notFound: 'CASE.NOT_FOUND' });
  if (!access.ok) return access;
  const c = ctx.caller!;
  const next = await commitCaseEvent(ctx, s, { type: 'replied', at: ctx.now, by: c.userId, byName: c.name, note: input.note });
  return viewAfter(ctx, next);
}
