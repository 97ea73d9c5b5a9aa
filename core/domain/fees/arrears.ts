import { addMonths, at, dayOf, monthOf, monthRange, wallClock } from '../../shanghai';

/**
 * Arrears (催缴, R-FEE-7), the rules in one place.
 *
 * OVERDUE: a monthly bill (source 'monthly', cashier.issueBills) is overdue once its billed month has
 * ended unpaid: from the first Shanghai midnight of the next month on (the 2026-10 bill, unpaid on
 * 2026-11-01 00:00 +08:00, is overdue). A household is in arrears while it has at least one overdue
 * bill; what it owes is the sum of those bills (integer fen, R-FEE-4); `months` counts them. Bills of
 * other sources (renovation fees, paid before works begin) are not part of the ladder.
 *
 * THE LADDER, one per arrears episode of a household:
 *   1. reminder (缴费提醒): due as soon as the household is in arrears; sends the resident's message
 *      center the amount, the months and a pay-by deadline (REMINDER_PAY_WITHIN_DAYS days on);
 *   2. demand letter (催缴函): due DEMAND_LETTER_AFTER_MONTHS calendar months after the FIRST reminder
 *      without payment (a reminder sent again does not move it);
 *   3. legal channel (法律途径): due LEGAL_AFTER_MONTHS calendar months after the demand letter without
 *      payment (long-term refusal); the sweep records it when due.
 * Every step is recorded with when the next is due. Paying every overdue bill ends the ladder; a later
 * arrears starts a new one from step 1.
 */
export const DEMAND_LETTER_AFTER_MONTHS = 3;
export const LEGAL_AFTER_MONTHS = 3;
export const REMINDER_PAY_WITHIN_DAYS = 15;

export type ArrearsStep = 'reminder' | 'demand_letter' | 'legal';
export const ARREARS_STEPS: readonly ArrearsStep[] = ['reminder', 'demand_letter', 'legal'];
export const ARREARS_STEP_LABELS: Record<ArrearsStep, string> = { reminder: '缴费提醒', demand_letter: '催缴函', legal: '法律途径' };

/** Whether a bill of `period` is overdue at `now` (its month has ended). */
export const isOverdue = (period: string, now: number) => period < monthOf(now);

/** The first instant a bill of `period` is overdue: the next month's first Shanghai midnight. */
export const overdueFrom = (period: string) => monthRange(addMonths(period, 1)).from;

/** The same Shanghai wall time `n` calendar months later (the day clamped to the month's last: 31 Aug + 3 → 30 Nov). */
export function monthsLater(ms: number, n: number): number {
  const w = wallClock(ms);
  const month = addMonths(`${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}`, n);
  const { from, to } = monthRange(month);
  const daysIn = Math.round((to - from) / 86_400_000);
  const day = `${month}-${String(Math.min(w.day, daysIn)).padStart(2, '0')}`;
  return at(day, w.hour, w.minute) + w.second * 1000 + (ms % 1000);
}

/** The pay-by deadline a reminder or letter given at `now` names: the end of the Shanghai day 15 days on (exclusive instant). */
export const payByDeadline = (now: number) => at(dayOf(now + REMINDER_PAY_WITHIN_DAYS * 86_400_000)) + 86_400_000;
/** The day a deadline instant closes, as people say it: the last day one may still pay. */
export const deadlineDay = (deadline: number) => dayOf(deadline - 1);

/** What a ladder says is next: after the steps taken so far. */
export function nextAfter(step: ArrearsStep, takenAt: number): { step: ArrearsStep | null; dueAt: number | null } {
  if (step === 'reminder') return { step: 'demand_letter', dueAt: monthsLater(takenAt, DEMAND_LETTER_AFTER_MONTHS) };
  if (step === 'demand_letter') return { step: 'legal', dueAt: monthsLater(takenAt, LEGAL_AFTER_MONTHS) };
  return { step: null, dueAt: null };
}
