import type { z } from 'zod';
import { ok, type Outcome } from '../../errors';
import { ARREARS_STEP_LABELS, deadlineDay } from '../../domain/fees/arrears';
import { maskPhone } from '../../domain/privacy';
import type { ArrearsLadderRow } from '../../ports/cashierStore';
import type { ArrearsItem, arrearsInput } from '../../schemas/cashier';
import { monthOf, toIso } from '../../time';
import { roomLabel } from '../../vocabulary';
import type { UseCaseContext } from '../context';
import { communityFor } from '../setup/scope';
import { namesOf, owedOf } from './scope';
import type { BillRow } from '../../ports/feeStore';

/**
 * cashier.arrears (R-FEE-7): the households of the caller's community with overdue bills (core/domain/
 * fees/arrears.ts: unpaid after their billed month ended), what each owes and for how many months, where
 * its ladder stands — the next step and when it is due — and the steps taken. Most owed first. A
 * household without a ladder yet (the sweep opens them) is due its reminder since it fell overdue.
 */
export async function arrears(ctx: UseCaseContext, input: z.output<ReturnType<typeof arrearsInput>>): Promise<Outcome<{ communityId: string; items: ArrearsItem[] }>> {
  const scope = communityFor(ctx.caller, 'cashier.bill', input.communityId);
  if (!scope.ok) return scope;
  const { communityId } = scope.data;
  const bills = await ctx.tx.overdueBills({ communityId, beforePeriod: monthOf(ctx.now) });
  const byHousehold = new Map<string, BillRow[]>();
  for (const b of bills) byHousehold.set(b.householdId, [...(byHousehold.get(b.householdId) ?? []), b]);
  const ladders = new Map<string, ArrearsLadderRow>((await ctx.tx.openLaddersOfCommunity(communityId)).map((l) => [l.householdId, l]));
  const households = new Map((await ctx.tx.householdsOfCommunity(communityId)).map((h) => [h.id, h]));
  const live = [...byHousehold.keys()].map((id) => ladders.get(id)).filter((l): l is ArrearsLadderRow => !!l);
  const steps = await ctx.tx.arrearsStepsOfLadders(live.map((l) => l.id));
  const names = await namesOf(ctx, steps.map((s) => s.byUserId));

  const items: ArrearsItem[] = [...byHousehold.entries()].map(([householdId, own]) => {
    const owed = owedOf(own);
    const h = households.get(householdId);
    const ladder = ladders.get(householdId);
    const nextStep = ladder ? ladder.nextStep : 'reminder';
    const dueAt = ladder ? ladder.nextDueAt : owed.overdueSince;
    const due = dueAt !== null && dueAt <= ctx.now;
    const letterDue = nextStep === 'demand_letter' && due;
    return {
      householdId,
      room: roomLabel(householdId),
      ownerName: h?.ownerName ?? '',
      ownerPhone: maskPhone(h?.ownerPhone),
      owedFen: owed.owedFen,
      months: owed.bills.length,
      periods: owed.periods,
      overdueSince: toIso(owed.overdueSince),
      nextStep,
      nextStepLabel: nextStep ? ARREARS_STEP_LABELS[nextStep] : null,
      nextStepDueAt: dueAt === null ? null : toIso(dueAt),
      nextStepDue: due,
      steps: ladder
        ? steps
            .filter((s) => s.ladderId === ladder.id)
            .map((s) => ({
              step: s.step,
              label: ARREARS_STEP_LABELS[s.step],
              at: toIso(s.at),
              byName: s.byUserId === null ? '系统' : (names.get(s.byUserId) ?? ''),
              owedFen: s.owedFen,
              periods: s.periods,
              deadlineDay: s.deadline === null ? null : deadlineDay(s.deadline),
            }))
        : [],
      allowed: { remind: true, demandLetter: letterDue, printLetter: !!ladder && ladder.letterAt !== null },
    };
  });
  items.sort((a, b) => b.owedFen - a.owedFen || a.householdId.localeCompare(b.householdId));
  return ok({ communityId, items });
}
