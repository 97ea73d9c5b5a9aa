import { FailureSignal, VersionConflict, fail } from '../../errors';
import type { UseCaseContext } from '../../usecases/context';
import { DEFAULT_SLA, deadlinesOf, scheduleOf, type SlaConfig } from './deadlines';
import { RESIDENT_DEADLINES, whenText } from './messages';
import { transition } from './transition';
import type { CaseEvent, CaseState, Effect } from './types';
import type { OutboxMessage } from '../../ports/store';

/**
 * Applies one event to a case inside the request's transaction: pure transition, then the event
 * appended, the row updated and the notifications written to the outbox — all or nothing (R-INT-4).
 * A case that moved on since it was read throws VersionConflict: the dispatcher runs the call again.
 */
export async function commitCaseEvent(ctx: UseCaseContext, state: CaseState | undefined, event: CaseEvent, sla?: SlaConfig): Promise<CaseState> {
  const r = transition(state, event);
  if (!r.ok) throw new FailureSignal(fail('CASE.INVALID_TRANSITION').error);
  const config = sla ?? (await communitySla(ctx, r.next.communityId));
  const { nextDueAt: due, urgentAt: urgent } = scheduleOf(r.next, config);
  if (state) {
    const stored = await ctx.tx.appendCaseEvents(r.next, due, state.version, [event], urgent);
    if (!stored) throw new VersionConflict(`case ${state.id}`); // another writer won: run again on the new state
  } else {
    await ctx.tx.insertCase(r.next, due, [event], urgent);
  }
  await ctx.tx.enqueue(outboxOf(ctx, withPromises(r.effects, r.next, config, ctx.now)));
  return r.next;
}

export function outboxOf(ctx: Pick<UseCaseContext, 'now' | 'ids'>, effects: Effect[]): OutboxMessage[] {
  return effects
    .filter((e) => e.to && e.to !== 'system')
    .map((e) => ({ id: ctx.ids.next('ob'), channel: 'inbox' as const, to: e.to, template: e.template, data: e.data, createdAt: ctx.now }));
}

const ARRIVAL_TEMPLATES: readonly Effect['template'][] = ['repair.onTheWay', 'repair.dispatched', 'repair.rework', 'repair.reopened'];

/**
 * Messages that name a promise get its time from the case's deadlines as the community configures them:
 * when the technician arrives (a dispatch, a rework), and what the clocks promise once they run again
 * (pauses added). Pure.
 */
export function withPromises(effects: Effect[], s: CaseState, sla: SlaConfig, now: number): Effect[] {
  if (!effects.some((e) => ARRIVAL_TEMPLATES.includes(e.template) || e.template === 'case.resumed' || e.template === 'work.resumed')) return effects;
  const open = deadlinesOf(s, now, sla).filter((d) => d.metAt === null);
  const arrival = open.find((d) => d.name === 'arrival');
  const resident = open.filter((d) => RESIDENT_DEADLINES[d.name]).sort((a, b) => a.dueAt - b.dueAt)[0];
  const nearest = [...open].sort((a, b) => a.dueAt - b.dueAt)[0];
  return effects.map((e) => {
    if (ARRIVAL_TEMPLATES.includes(e.template) && arrival) return { ...e, data: { ...e.data, arriveBy: whenText(arrival.dueAt, now) } };
    if (e.template === 'case.resumed' && resident) return { ...e, data: { ...e.data, promise: whenText(resident.dueAt, now), promiseVerb: RESIDENT_DEADLINES[resident.name]!.verb } };
    if (e.template === 'work.resumed' && nearest) return { ...e, data: { ...e.data, promise: whenText(nearest.dueAt, now) } };
    return e;
  });
}

/** The community's SLA settings, as parsed by the store (the rule book's defaults for a community not found). */
export async function communitySla(ctx: Pick<UseCaseContext, 'tx'>, communityId: string): Promise<SlaConfig> {
  const community = await ctx.tx.community(communityId);
  return community?.sla ?? DEFAULT_SLA;
}

/** SLA configurations of several communities at once (list views). */
export async function communitySlas(ctx: Pick<UseCaseContext, 'tx'>, communityIds: string[]): Promise<Map<string, SlaConfig>> {
  const ids = [...new Set(communityIds)];
  return new Map(await Promise.all(ids.map(async (id) => [id, await communitySla(ctx, id)] as const)));
}
