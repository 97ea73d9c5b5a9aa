import type { z } from 'zod';
import { fail, type Outcome } from '../../errors';
import type { dispatchInput } from '../../schemas/workbench';
import { commitCaseEvent } from '../../domain/case/commit';
import type { CaseView } from '../../domain/case/view';
import type { UseCaseContext } from '../context';
import { loadCase, viewAfter } from '../case/loadCase';

/** The front desk dispatches a repair to a technician with a work order (维修工作单, R-REP-5). */
export async function dispatch(ctx: UseCaseContext, input: z.output<ReturnType<typeof dispatchInput>>): Promise<Outcome<CaseView>> {
  const loaded = await loadCase(ctx, input.id, 'workbench.dispatch');
  if (!loaded.ok) return loaded;
  const s = loaded.data;
  if (input.version !== undefined && input.version !== s.version) return fail('CASE.CONFLICT');
  const isTech = (await ctx.tx.staffOfCommunity(s.communityId)).some((m) => m.userId === input.technicianId && m.role === 'technician');
  const tech = isTech ? await ctx.tx.userById(input.technicianId) : undefined;
  if (!tech) return fail('USER.NOT_FOUND');
  const c = ctx.caller!;
  const next = await commitCaseEvent(ctx, s, { type: 'dispatched', at: ctx.now, by: c.userId, byName: c.name, note: input.note ?? null, to: tech.id, toName: tech.name });
  return viewAfter(ctx, next);
}
