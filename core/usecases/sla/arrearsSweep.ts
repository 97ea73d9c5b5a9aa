import { ARREARS_STEP_LABELS, type ArrearsStep } from '../../domain/fees/arrears';
import type { ArrearsLadderRow } from '../../ports/cashierStore';
import type { Deps } from '../../ports/runtime';
import type { Tx } from '../../ports/store';
import { monthOf, wallClock } from '../../time';
import { roomLabel } from '../../vocabulary';
import { owedOf } from '../cashier/scope';

const BATCH = 200;

/**
 * Households newly in arrears are looked for once a day, on the 09:00 (Shanghai) tick: the cashier's
 * morning list. Every other tick only ends paid ladders and tells steps that came due.
 */
export const isArrearsDigestTick = (at: number) => {
  const w = wallClock(at);
  return w.hour === 9 && w.minute === 0;
};

export interface ArrearsSweepResult {
  /** Ladders opened for households newly in arrears (their reminder is due). */
  opened: number;
  /** Ladders ended because the household paid every overdue bill. */
  closed: number;
  /** Steps newly due, each told to the community's cashier once. */
  notified: number;
}

/**
 * The arrears job of the `sla` sweep (R-FEE-7): ends the ladders of households that paid; on the
 * morning tick (isArrearsDigestTick) opens one for each household newly in arrears (its reminder is
 * due; a reminder sent earlier opens it itself); then, on every tick, for every ladder whose next step has come
 * due — the reminder, the demand letter 3 months after the reminder, the legal channel 3 months after the
 * letter (recorded as a step by the sweep) — tells the community's 收费员 (or, with none, its 经理) once,
 * one message per community per run. "Once" is the ladder's `notified_step`, set by a conditional update:
 * a sweep that runs late, twice, or on two instances at once tells each step once.
 */
export async function runArrearsSweep(deps: Pick<Deps, 'store' | 'clock' | 'ids'>, at?: number, opts: { open?: boolean } = {}): Promise<ArrearsSweepResult> {
  const now = at ?? deps.clock.now();
  const open = opts.open ?? isArrearsDigestTick(now);
  const before = monthOf(now);
  return deps.store.transaction(async (tx) => {
    let closed = 0;
    for (const l of await tx.laddersSettled(before, BATCH)) if (await tx.updateLadder(l.id, { closedAt: now })) closed++;

    let opened = 0;
    for (const o of open ? await tx.overdueWithoutLadder(before, BATCH) : []) {
      const owed = owedOf(await tx.overdueBills({ householdId: o.householdId, beforePeriod: before }));
      if (!owed.bills.length) continue;
      const row: ArrearsLadderRow = {
        id: deps.ids.next('al'),
        communityId: o.communityId,
        householdId: o.householdId,
        openedAt: now,
        closedAt: null,
        nextStep: 'reminder',
        nextDueAt: Math.min(owed.overdueSince, now),
        notifiedStep: null,
        remindedAt: null,
        letterAt: null,
        legalAt: null,
      };
      if (await tx.insertLadder(row)) opened++;
    }

    const told = new Map<string, { householdId: string; step: ArrearsStep }[]>();
    for (const l of await tx.laddersDue(now, BATCH)) {
      const step = l.nextStep!;
      if (!(await tx.markLadderNotified(l.id, step))) continue;
      if (step === 'legal') await recordLegal(tx, deps, l, now, before);
      told.set(l.communityId, [...(told.get(l.communityId) ?? []), { householdId: l.householdId, step }]);
    }
    let notified = 0;
    for (const [communityId, due] of told) {
      notified += due.length;
      const staff = await tx.staffOfCommunity(communityId);
      const cashiers = staff.filter((s) => s.role === 'cashier').map((s) => s.userId);
      const to = [...new Set(cashiers.length ? cashiers : staff.filter((s) => s.role === 'manager').map((s) => s.userId))].sort();
      const list = due.map((d) => `${roomLabel(d.householdId)}（${ARREARS_STEP_LABELS[d.step]}）`).join('、');
      if (to.length) await tx.enqueue(to.map((u) => ({ id: deps.ids.next('ob'), channel: 'inbox' as const, to: u, template: 'fee.arrearsDue' as const, data: { communityId, list, count: String(due.length) }, createdAt: now })));
    }
    return { opened, closed, notified };
  });
}

/** Long-term refusal: the legal channel's step, recorded by the sweep when due (the manager decides what follows). */
async function recordLegal(tx: Tx, deps: Pick<Deps, 'ids'>, l: ArrearsLadderRow, now: number, before: string) {
  const owed = owedOf(await tx.overdueBills({ householdId: l.householdId, beforePeriod: before }));
  await tx.updateLadder(l.id, { legalAt: now, nextStep: null, nextDueAt: null });
  await tx.insertArrearsStep({
    id: deps.ids.next('as'),
    ladderId: l.id,
    communityId: l.communityId,
    householdId: l.householdId,
    step: 'legal',
    at: now,
    byUserId: null,
    owedFen: owed.owedFen,
    periods: owed.periods,
    deadline: null,
    nextStep: null,
    nextDueAt: null,
  });
}
