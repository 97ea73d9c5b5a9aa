import type { z } from 'zod';
import { fail, ok, type Outcome } from '../../errors';
import { deadlineDay, nextAfter, payByDeadline } from '../../domain/fees/arrears';
import { lineLabel } from '../../domain/fees/bills';
import { fenToYuan } from '../../money';
import type { ArrearsLadderRow, ArrearsStepRow } from '../../ports/cashierStore';
import type { HouseholdRow } from '../../ports/store';
import type { DemandLetterOutput, demandLetterInput } from '../../schemas/cashier';
import { dayOf, monthOf, toIso } from '../../time';
import { roomLabel } from '../../vocabulary';
import type { UseCaseContext } from '../context';
import { boundResidents, cashierHousehold, inboxMessage, namesOf, owedOf, periodsText, type Owed } from './scope';

/** 催缴函's stated basis. */
export const DEMAND_LETTER_BASIS =
  '依据《物业管理条例》及物业服务合同的约定，业主应当按时足额交纳物业服务费用。业主逾期不交纳的，物业服务企业可以催告其限期交纳；逾期仍不交纳的，可依法通过法律途径追缴。';

/**
 * cashier.demandLetter (R-FEE-7, the ladder's second step): due 3 months after the first reminder
 * without payment (before that, or with no reminder: ARREARS.NOT_DUE). Records the letter with when the
 * legal channel is due (3 months on), tells the bound residents in their message center, and answers
 * what the printable 催缴函 needs. Asked again while the ladder is open: the same letter (a reprint),
 * nothing recorded twice.
 */
export async function demandLetter(ctx: UseCaseContext, input: z.output<ReturnType<typeof demandLetterInput>>): Promise<Outcome<DemandLetterOutput>> {
  const h = await cashierHousehold(ctx, input.householdId);
  if (!h.ok) return h;
  const owed = owedOf(await ctx.tx.overdueBills({ householdId: h.data.id, beforePeriod: monthOf(ctx.now) }));
  if (!owed.bills.length) return fail('ARREARS.NOT_FOUND');
  const ladder = await ctx.tx.openLadder(h.data.id, { lock: true });
  if (ladder && ladder.letterAt !== null) {
    const steps = await ctx.tx.arrearsStepsOfLadders([ladder.id]);
    const letter = steps.filter((s) => s.step === 'demand_letter').at(-1);
    if (letter) return ok(await letterView(ctx, h.data, ladder, letter, owed, false));
  }
  if (!ladder || ladder.remindedAt === null || ladder.nextStep !== 'demand_letter' || ladder.nextDueAt === null || ladder.nextDueAt > ctx.now) return fail('ARREARS.NOT_DUE');
  const next = nextAfter('demand_letter', ctx.now);
  await ctx.tx.updateLadder(ladder.id, { letterAt: ctx.now, nextStep: next.step, nextDueAt: next.dueAt });
  const step: ArrearsStepRow = {
    id: ctx.ids.next('as'),
    ladderId: ladder.id,
    communityId: h.data.communityId,
    householdId: h.data.id,
    step: 'demand_letter',
    at: ctx.now,
    byUserId: ctx.caller!.userId,
    owedFen: owed.owedFen,
    periods: owed.periods,
    deadline: payByDeadline(ctx.now),
    nextStep: next.step,
    nextDueAt: next.dueAt,
  };
  await ctx.tx.insertArrearsStep(step);
  const view = await letterView(ctx, h.data, { ...ladder, letterAt: ctx.now, nextStep: next.step, nextDueAt: next.dueAt }, step, owed, true);
  const to = await boundResidents(ctx, h.data.id);
  const data = { householdId: h.data.id, periods: periodsText(owed.periods), amount: fenToYuan(owed.owedFen), deadline: view.deadlineDay, letterNo: view.letterNo };
  if (to.length) await ctx.tx.enqueue(to.map((u) => inboxMessage(ctx, u, 'fee.demandLetter', data)));
  return ok(view);
}

/** The letter's number: 催缴函 of the day it was issued and the household. */
export const letterNoOf = (householdId: string, at: number) => `CJ${dayOf(at).replace(/-/g, '')}-${householdId}`;

async function letterView(ctx: UseCaseContext, h: HouseholdRow, ladder: ArrearsLadderRow, letter: ArrearsStepRow, owed: Owed, created: boolean): Promise<DemandLetterOutput> {
  const names = await namesOf(ctx, [letter.byUserId]);
  const community = await ctx.tx.community(h.communityId);
  return {
    letterNo: letterNoOf(h.id, letter.at),
    communityName: community?.name ?? '',
    householdId: h.id,
    room: roomLabel(h.id),
    ownerName: h.ownerName,
    // What is owed now (a month paid since the letter is not asked again); the letter's own figure is in the step.
    owedFen: owed.owedFen,
    lines: owed.bills.flatMap((b) => b.lines.map((l) => ({ period: b.period, item: l.item, label: lineLabel(l.item), amountFen: l.amountFen }))),
    periods: owed.periods,
    remindedAt: toIso(ladder.remindedAt ?? letter.at),
    issuedAt: toIso(letter.at),
    issuedBy: letter.byUserId ? (names.get(letter.byUserId) ?? '') : '',
    deadlineDay: deadlineDay(letter.deadline ?? payByDeadline(letter.at)),
    basis: DEMAND_LETTER_BASIS,
    created,
    nextStep: ladder.nextStep,
    nextStepDueAt: ladder.nextDueAt === null ? null : toIso(ladder.nextDueAt),
  };
}
