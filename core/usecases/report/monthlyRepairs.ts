import type { z } from 'zod';
import { ok, type Outcome } from '../../errors';
import { REPAIR_CATEGORIES, STATUS_LABELS, isRepairCategory, roomLabel, type CaseStatus } from '../../vocabulary';
import { clocksRun } from '../../domain/case/deadlines';
import type { monthlyInput } from '../../schemas/report';
import type { CaseEvent } from '../../domain/case/types';
import { communitySlas } from '../../domain/case/commit';
import { agreedWindow } from '../../domain/case/deadlines';
import type { UseCaseContext } from '../context';
import { rate, reportScope } from './scope';

/**
 * R-REP-7: the month's repair and callback summary (每月汇总、统计、分析), computed from the event log:
 * counts by category, on-time arrival rate, callback rate and timeliness, rework rate, average rating.
 */
export async function monthlyRepairs(ctx: UseCaseContext, input: z.output<ReturnType<typeof monthlyInput>>) {
  const scope = reportScope(ctx, input.month);
  if (!scope.ok) return scope;
  const { communities, from, to } = scope.data;
  const cases = await ctx.tx.casesCreatedBetween(communities, ['repair', 'service'], from, to);
  const slas = await communitySlas(ctx, communities);
  // Every case's log in a few statements (Tx.caseHistories), not one read per case.
  const logs = new Map((await ctx.tx.caseHistories(cases.map((s) => s.id))).map((h) => [h.state.id, h.events]));

  const byCategory: Record<string, { label: string; count: number }> = {};
  const attention: AttentionCase[] = [];
  let arrivals = 0, onTime = 0, late = 0, early = 0, completed = 0, callbacks = 0, callbacksOnTime = 0, reworked = 0, ratingSum = 0, rated = 0, emergencies = 0;
  for (const s of cases) {
    const key = s.category ?? 'other_repair';
    byCategory[key] ??= { label: isRepairCategory(key) ? REPAIR_CATEGORIES[key].label : key, count: 0 };
    byCategory[key].count++;
    if (s.emergency) emergencies++;
    const events: CaseEvent[] = logs.get(s.id) ?? [];
    const submitted = events[0];
    const firstArrival = events.find((e) => e.type === 'arrived');
    const arrivalDue = submitted.type === 'submitted' ? submitted.arrivalDue ?? null : null;
    const missed = events.some((e) => e.type === 'breached' && e.deadline === 'arrival');
    let wasLate = false;
    if (firstArrival) {
      arrivals++;
      // Before the agreed window is early, not on time (R-REP-4; core/domain/case/deadlines.ts `arrivalVerdict`).
      const window = submitted.type === 'submitted' ? agreedWindow({ ...submitted.case, work: { reworks: 0 } }) : null;
      if (window && firstArrival.at < window.from) early++;
      else if (!missed && (arrivalDue === null || firstArrival.at <= arrivalDue + pausedBefore(events, firstArrival.at))) onTime++;
      else {
        late++;
        wasLate = true;
      }
    } else if (missed) {
      late++;
      wasLate = true;
    }
    const completions = events.filter((e) => e.type === 'completed');
    if (completions.length) {
      completed++;
      const cb = events.find((e) => e.type === 'callback');
      if (cb) {
        callbacks++;
        const leak = isRepairCategory(s.category) && REPAIR_CATEGORIES[s.category].leak;
        const done = completions.filter((e) => e.at <= cb.at).pop()!;
        const sla = slas.get(s.communityId)!;
        if (cb.at - done.at <= (leak ? sla.leakCallbackMs : sla.callbackMs)) callbacksOnTime++;
      }
      if (events.some((e) => (e.type === 'confirmed' && !e.ok) || (e.type === 'callback' && e.outcome === 'problem'))) reworked++;
    }
    // The cases behind the figures, by the number people read out (工单编号): what to follow up one by one.
    const reasons: Attention[] = [];
    if (wasLate) reasons.push('late');
    if (completions.length && !events.some((e) => e.type === 'callback')) reasons.push('uncalled');
    if (events.some((e) => (e.type === 'confirmed' && !e.ok) || (e.type === 'callback' && e.outcome === 'problem'))) reasons.push('reworked');
    if (clocksRun(s)) reasons.push('open');
    if (reasons.length)
      attention.push({
        id: s.id,
        number: s.number,
        categoryLabel: byCategory[key].label,
        room: roomLabel(s.householdId),
        status: s.status,
        statusLabel: STATUS_LABELS[s.status],
        reasons,
        reasonLabels: reasons.map((x) => ATTENTION_LABELS[x]),
      });
    const r = events.find((e) => e.type === 'rated');
    if (r && r.type === 'rated') {
      rated++;
      ratingSum += r.stars;
    }
  }
  return ok({
    month: input.month,
    total: cases.length,
    emergencies,
    byCategory: Object.entries(byCategory)
      .map(([category, v]) => ({ category, ...v }))
      .sort((a, b) => b.count - a.count),
    arrival: { arrived: arrivals, onTime, late, early, onTimeRate: rate(onTime, onTime + late + early) },
    callback: { completed, called: callbacks, onTime: callbacksOnTime, rate: rate(callbacks, completed), onTimeRate: rate(callbacksOnTime, callbacks) },
    rework: { reworked, rate: rate(reworked, completed) },
    rating: { count: rated, average: rated ? Math.round((10 * ratingSum) / rated) / 10 : null },
    attention: attention.sort((a, b) => a.number.localeCompare(b.number)),
  }) as Outcome<MonthlyRepairs>;
}

function pausedBefore(events: CaseEvent[], until: number): number {
  let total = 0;
  let since: number | null = null;
  for (const e of events) {
    if (e.at > until) break;
    if ((e.type === 'paused' || e.type === 'quoted') && since === null) since = e.at;
    if ((e.type === 'resumed' || e.type === 'quoteAccepted' || e.type === 'quoteDeclined') && since !== null) {
      total += e.at - since;
      since = null;
    }
  }
  return total + (since !== null ? until - since : 0);
}

type Attention = 'late' | 'uncalled' | 'reworked' | 'open';
const ATTENTION_LABELS: Record<Attention, string> = { late: '未按时到场', uncalled: '完工未回访', reworked: '返工', open: '未办结' };

/** A case the month's figures count against (late, not called back, reworked, still open), by its number. */
export interface AttentionCase {
  id: string;
  number: string;
  categoryLabel: string;
  room: string;
  status: CaseStatus;
  statusLabel: string;
  reasons: Attention[];
  reasonLabels: string[];
}

export interface MonthlyRepairs {
  month: string;
  total: number;
  emergencies: number;
  byCategory: { category: string; label: string; count: number }[];
  /** `early`: on site before the agreed window, not on time (counted in the rate's denominator). */
  arrival: { arrived: number; onTime: number; late: number; early: number; onTimeRate: number | null };
  callback: { completed: number; called: number; onTime: number; rate: number | null; onTimeRate: number | null };
  rework: { reworked: number; rate: number | null };
  rating: { count: number; average: number | null };
  /** The cases behind the late, uncalled, reworked and open figures, by number. */
  attention: AttentionCase[];
}
