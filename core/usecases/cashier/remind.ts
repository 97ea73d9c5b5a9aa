import type { z } from 'zod';
import { fail, ok, type Outcome } from '../../errors';
import { deadlineDay, nextAfter, payByDeadline } from '../../domain/fees/arrears';
import { fenToYuan } from '../../money';
import type { ArrearsLadderRow } from '../../ports/cashierStore';
import type { RemindOutput, remindInput } from '../../schemas/cashier';
import { monthOf, toIso } from '../../time';
import type { UseCaseContext } from '../context';
import { boundResidents, cashierHousehold, inboxMessage, owedOf, periodsText, type Owed } from './scope';

/**
 * cashier.remind (R-FEE-7, the ladder's first step): the household's bound residents get, in their
 * message center (through the outbox), the amount owed, the months and a pay-by deadline. Recorded as a
 * step with when the next is due: the demand letter, 3 months after the FIRST reminder of this arrears
 * (a reminder sent again is recorded and sent, and moves nothing). No overdue bill: ARREARS.NOT_FOUND.
 */
export async function remind(ctx: UseCaseContext, input: z.output<ReturnType<typeof remindInput>>): Promise<Outcome<RemindOutput>> {
  const h = await cashierHousehold(ctx, input.householdId);
  if (!h.ok) return h;
  const owed = owedOf(await ctx.tx.overdueBills({ householdId: h.data.id, beforePeriod: monthOf(ctx.now) }));
  if (!owed.bills.length) return fail('ARREARS.NOT_FOUND');
  const ladder = await ladderOf(ctx, h.data.id, h.data.communityId, owed);
  const first = ladder.remindedAt === null;
  const next = first ? nextAfter('reminder', ctx.now) : { step: ladder.nextStep, dueAt: ladder.nextDueAt };
  if (first) await ctx.tx.updateLadder(ladder.id, { remindedAt: ctx.now, nextStep: next.step, nextDueAt: next.dueAt });
  const deadline = payByDeadline(ctx.now);
  await ctx.tx.insertArrearsStep({
    id: ctx.ids.next('as'),
    ladderId: ladder.id,
    communityId: h.data.communityId,
    householdId: h.data.id,
    step: 'reminder',
    at: ctx.now,
    byUserId: ctx.caller!.userId,
    owedFen: owed.owedFen,
    periods: owed.periods,
    deadline,
    nextStep: next.step,
    nextDueAt: next.dueAt,
  });
  const to = await boundResidents(ctx, h.data.id);
  const data = { householdId: h.data.id, periods: periodsText(owed.periods), amount: fenToYuan(owed.owedFen), deadline: deadlineDay(deadline) };
  if (to.length) await ctx.tx.enqueue(to.map((u) => inboxMessage(ctx, u, 'fee.arrearsReminder', data)));
  return ok({
    householdId: h.data.id,
    owedFen: owed.owedFen,
    periods: owed.periods,
    deadlineDay: deadlineDay(deadline),
    sentTo: to.length,
    nextStep: next.step,
    nextStepDueAt: next.dueAt === null ? null : toIso(next.dueAt),
  });
}

/** The household's open ladder (locked), opened now when the sweep has not opened it yet. */
export async function ladderOf(ctx: UseCaseContext, householdId: string, communityId: string, owed: Owed): Promise<ArrearsLadderRow> {
  const open = await ctx.tx.openLadder(householdId, { lock: true });
  if (open) return open;
  const row: ArrearsLadderRow = {
    id: ctx.ids.next('al'),
    communityId,
    householdId,
    openedAt: ctx.now,
    closedAt: null,
    nextStep: 'reminder',
    nextDueAt: owed.overdueSince,
    notifiedStep: null,
    remindedAt: null,
    letterAt: null,
    legalAt: null,
  };
  if (await ctx.tx.insertLadder(row)) return row;
  const winner = await ctx.tx.openLadder(householdId, { lock: true });
  if (!winner) throw new Error(`arrears ladder of ${householdId} neither inserted nor found`);
  return winner;
}
