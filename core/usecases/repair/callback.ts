import type { z } from 'zod';
import { fail, type Outcome } from '../../errors';
import type { callbackInput } from '../../schemas/workbench';
import { partRefusal } from '../../access/caseActions';
import { commitCaseEvent, communitySla } from '../../domain/case/commit';
import { arrivalDueFor } from '../../domain/case/deadlines';
import type { CaseView } from '../../domain/case/view';
import type { UseCaseContext } from '../context';
import { loadCase, viewAfter } from '../case/loadCase';

/**
 * The callback (回访, R-REP-6) with its method and outcome, by someone other than the technician who
 * did the work. A problem found re-opens the work (返工, R-REP-5).
 */
export async function callback(ctx: UseCaseContext, input: z.output<typeof callbackInput>): Promise<Outcome<CaseView>> {
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
  return viewAfter(ctx, next);
}
