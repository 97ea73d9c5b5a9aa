import type { z } from 'zod';
import { fail, type Outcome } from '../../errors';
import type { caseIdInput, confirmInput, quoteDecisionInput, rateInput } from '../../schemas/case';
import { commitCaseEvent, communitySla } from '../../domain/case/commit';
import { arrivalDueFor } from '../../domain/case/deadlines';
import { can } from '../../domain/case/transition';
import { nextUrgeAt } from '../../domain/case/urge';
import type { CaseView } from '../../domain/case/view';
import type { UseCaseContext } from '../context';
import { loadCase, viewAfter } from '../case/loadCase';

const by = (ctx: UseCaseContext) => ({ at: ctx.now, by: ctx.caller!.userId, byName: ctx.caller!.name });

/** 催单: the owner (and technician) are told; at most once every 10 minutes per case. */
export async function urge(ctx: UseCaseContext, input: z.output<ReturnType<typeof caseIdInput>>): Promise<Outcome<CaseView>> {
  const loaded = await loadCase(ctx, input.id, 'case.actOwn');
  if (!loaded.ok) return loaded;
  const s = loaded.data;
  if (!can(s, 'urged')) return fail('CASE.INVALID_TRANSITION');
  if (nextUrgeAt(s, ctx.now) !== null) return fail('RATE.LIMITED');
  return viewAfter(ctx, await commitCaseEvent(ctx, s, { type: 'urged', ...by(ctx), note: null }));
}

/** The resident accepts or declines the quote for paid work (R-REP-2). */
export async function decideQuote(ctx: UseCaseContext, input: z.output<ReturnType<typeof quoteDecisionInput>>, accept: boolean): Promise<Outcome<CaseView>> {
  const loaded = await loadCase(ctx, input.id, 'case.actOwn');
  if (!loaded.ok) return loaded;
  return viewAfter(ctx, await commitCaseEvent(ctx, loaded.data, { type: accept ? 'quoteAccepted' : 'quoteDeclined', ...by(ctx), note: input.note ?? null }));
}

/** The resident confirms the work, or reports a problem, which re-opens it (返工, R-REP-5). */
export async function confirm(ctx: UseCaseContext, input: z.output<ReturnType<typeof confirmInput>>): Promise<Outcome<CaseView>> {
  const loaded = await loadCase(ctx, input.id, 'case.actOwn');
  if (!loaded.ok) return loaded;
  const s = loaded.data;
  const sla = await communitySla(ctx, s.communityId);
  return viewAfter(ctx, await commitCaseEvent(ctx, s, { type: 'confirmed', ...by(ctx), note: input.note ?? null, ok: input.ok, arrivalDue: arrivalDueFor(s, ctx.now, sla, true) }, sla));
}

/** R-SAT-1: 1–5 stars and a comment, once per case; ≤ 2 stars opens a follow-up for the supervisor (R-SAT-2). */
export async function rate(ctx: UseCaseContext, input: z.output<ReturnType<typeof rateInput>>): Promise<Outcome<CaseView>> {
  const loaded = await loadCase(ctx, input.id, 'case.actOwn');
  if (!loaded.ok) return loaded;
  const s = loaded.data;
  const supervisor = (await ctx.tx.staffOfCommunity(s.communityId)).find((m) => m.role === 'supervisor')?.userId ?? s.owner;
  return viewAfter(ctx, await commitCaseEvent(ctx, s, { type: 'rated', ...by(ctx), note: input.comment ?? null, stars: input.stars, supervisor }));
}
