import type { z } from 'zod';
import { fail, type Outcome } from '../../errors';
import type { callbackInput } from '../../schemas/workbench';
import { partRefusal } from '../../access/caseActions';
import { commitCaseEvent, communitySla } from '../../domain/case/commit';
import { arrivalDueFor } from '../../domain/case/deadlines';
import type { CaseView } from '../../domain/case/view';
import type { UseCaseContext } from '../context';
import { loadCase, viewAfter } from '../case/loadCase';
import { namesOf } from '../case/names';

/**
 * The callback (回访, R-REP-6) with its method and outcome, by someone other than the technician who
 * did the work. A problem found re-opens the work (返工, R-REP-5) and opens a follow-up for the supervisor (R-SAT-2).
 */
export async function callback(ctx: UseCaseContext, input: z.output<ReturnType<typeof callbackInput>>): Promise<Outcome<CaseView>> {
  const loaded = await loadCase(ctx, input.id, 'workbench.callback');
  if (!loaded.ok) return loaded;
  const s = loaded.data;
  const c = ctx.caller!;
  // R-CMP-3: a complaint's callback is made by a designated person, never by its handler.
  if (s.complaint?.handler === c.userId && s.status === 'awaiting_callback') return fail('CASE.CALLBACK_BY_HANDLER');
  const refused = partRefusal(c, s, 'callback');
  if (refused) return refused;
  const sla = await communitySla(ctx, s.communityId);
  const next = await commitCaseEvent(
    ctx,
    s,
    { type: 'callback', at: ctx.now, by: c.userId, byName: c.name, note: input.note ?? null, outcome: input.outcome, method: input.method, arrivalDue: arrivalDueFor(s, ctx.now, sla, true) },
    sla,
  );
  if (input.outcome !== 'problem') return viewAfter(ctx, next);
  // R-SAT-2: the problem found is also followed up by the supervisor (in the same transaction: a retried
  // callback is refused by the case's new status, so one finding opens one follow-up).
  const supervisor = (await ctx.tx.staffOfCommunity(s.communityId)).find((m) => m.role === 'supervisor');
  const to = supervisor?.userId ?? next.owner;
  const toName = (await namesOf(ctx.tx, [to]))[to] ?? to;
  const reason = `回访发现问题${input.note ? `：${input.note}` : ''}`;
  return viewAfter(ctx, await commitCaseEvent(ctx, next, { type: 'followUpOpened', at: ctx.now, by: c.userId, byName: c.name, note: reason, to, toName }, sla));
}
