import { FailureSignal, fail } from '../../errors';
import type { UseCaseContext } from '../../usecases/context';
import { nextDueAt } from './deadlines';
import { transition } from './transition';
import type { CaseEvent, CaseState, Effect } from './types';
import type { OutboxMessage } from '../../ports/store';

/**
 * Applies one event to a case inside the request's transaction: pure transition, then the event
 * appended, the row updated and the notifications written to the outbox — all or nothing (R-INT-4).
 */
export async function commitCaseEvent(ctx: UseCaseContext, state: CaseState | undefined, event: CaseEvent): Promise<CaseState> {
  const r = transition(state, event);
  if (!r.ok) throw new FailureSignal(fail('CASE.INVALID_TRANSITION').error);
  if (state) {
    const stored = await ctx.tx.appendCaseEvents(r.next, nextDueAt(r.next), state.version, [event]);
    if (!stored) throw new FailureSignal(fail('CASE.INVALID_TRANSITION').error);
  } else {
    await ctx.tx.insertCase(r.next, nextDueAt(r.next), [event]);
  }
  await ctx.tx.enqueue(outboxOf(ctx, r.effects));
  return r.next;
}

export function outboxOf(ctx: UseCaseContext, effects: Effect[]): OutboxMessage[] {
  return effects
    .filter((e) => e.to && e.to !== 'system')
    .map((e) => ({ id: ctx.ids.next('ob'), channel: 'inbox' as const, to: e.to, template: e.template, data: e.data, createdAt: ctx.now }));
}
