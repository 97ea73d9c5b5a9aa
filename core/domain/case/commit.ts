import { FailureSignal, VersionConflict, fail } from '../../errors';
import type { UseCaseContext } from '../../usecases/context';
import { DEFAULT_SLA, scheduleOf, type SlaConfig } from './deadlines';
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
  await ctx.tx.enqueue(outboxOf(ctx, r.effects));
  return r.next;
}

export function outboxOf(ctx: Pick<UseCaseContext, 'now' | 'ids'>, effects: Effect[]): OutboxMessage[] {
  return effects
    .filter((e) => e.to && e.to !== 'system')
    .map((e) => ({ id: ctx.ids.next('ob'), channel: 'inbox' as const, to: e.to, template: e.template, data: e.data, createdAt: ctx.now }));
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
