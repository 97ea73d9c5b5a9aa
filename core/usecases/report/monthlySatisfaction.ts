import { CALLBACK_METHOD_LABELS, DEPARTMENT_LABELS, KIND_LABELS, type CallbackMethod, type CaseKind, type Department } from '../../vocabulary';
import type { CaseEvent, CaseState } from '../../domain/case/types';
import { toIso } from '../../time';
import type { UseCaseContext } from '../context';
import { namesOf } from '../case/names';
import { rate, type ReportScope } from './scope';

/** R-SAT-2: a rating at or below this opens a follow-up for the supervisor. */
export const LOW_STARS = 2;

/** Satisfaction of one department or staff member in the month. */
export interface SatisfactionRow {
  key: string;
  label: string;
  ratings: number;
  average: number | null;
  low: number;
  callbacks: number;
  problems: number;
}

/** A follow-up opened in the month (R-SAT-2): a low rating, or a callback that found a problem. */
export interface FollowUpItem {
  id: string;
  number: string;
  kindLabel: string;
  source: 'rating' | 'callback';
  sourceLabel: string;
  reason: string;
  at: string;
}

/** R-SAT-3: the month's ratings and callbacks (by when they were given), per department and staff member. */
export interface MonthlySatisfaction {
  asOf: string;
  ratings: { count: number; average: number | null; low: number; distribution: { stars: number; count: number }[] };
  callbacks: { count: number; satisfied: number; problem: number; satisfiedRate: number | null; byMethod: { method: string; label: string; count: number }[] };
  followUps: { count: number; items: FollowUpItem[] };
  byDepartment: SatisfactionRow[];
  byStaff: SatisfactionRow[];
}

interface Acc {
  label: string;
  stars: number;
  ratings: number;
  low: number;
  callbacks: number;
  problems: number;
}

/** Who handled the case when the event came: the last technician dispatched, else the last assignee, else its first owner. */
function handlerAt(s: CaseState, events: CaseEvent[], at: number): { id: string; name: string | null } {
  let who: { id: string; name: string | null } | null = null;
  let worker: { id: string; name: string | null } | null = null;
  for (const e of events) {
    if (e.at > at) break;
    if (e.type === 'dispatched') worker = { id: e.to, name: e.toName };
    if (e.type === 'assigned') who = { id: e.to, name: e.toName };
  }
  const first = events[0]?.type === 'submitted' ? events[0].case.owner : s.owner;
  return worker ?? who ?? { id: first, name: null };
}

const average = (sum: number, n: number) => (n ? Math.round((10 * sum) / n) / 10 : null);
const row = (key: string, a: Acc): SatisfactionRow => ({ key, label: a.label, ratings: a.ratings, average: average(a.stars, a.ratings), low: a.low, callbacks: a.callbacks, problems: a.problems });
const rows = (m: Map<string, Acc>) => [...m.entries()].map(([k, a]) => row(k, a)).sort((a, b) => b.ratings + b.callbacks - (a.ratings + a.callbacks) || a.key.localeCompare(b.key));

/** The ratings (R-SAT-1) and callbacks (R-SAT-2) given in the month on the scope's cases, with the follow-ups they opened. */
export async function satisfactionSummary(ctx: UseCaseContext, scope: ReportScope): Promise<MonthlySatisfaction> {
  const found = await ctx.tx.caseEventsBetween(scope.communities, ['rated', 'callback'], scope.from, scope.to);
  const histories = new Map((await ctx.tx.caseHistories(found.map((f) => f.caseId))).map((h) => [h.state.id, h]));
  const distribution = [5, 4, 3, 2, 1].map((stars) => ({ stars, count: 0 }));
  const methods = new Map<string, number>();
  const departments = new Map<string, Acc>();
  const staff = new Map<string, Acc>();
  const items: FollowUpItem[] = [];
  let starSum = 0, rated = 0, called = 0, satisfied = 0, problem = 0;
  const handlers: { acc: Acc; id: string | null }[] = [];
  for (const { caseId, event } of found) {
    const h = histories.get(caseId);
    if (!h) continue;
    const s = h.state;
    const dep = departments.get(s.department) ?? { label: DEPARTMENT_LABELS[s.department as Department] ?? s.department, stars: 0, ratings: 0, low: 0, callbacks: 0, problems: 0 };
    departments.set(s.department, dep);
    const who = handlerAt(s, h.events, event.at);
    const person = staff.get(who.id) ?? { label: who.name ?? '', stars: 0, ratings: 0, low: 0, callbacks: 0, problems: 0 };
    if (!person.label) handlers.push({ acc: person, id: who.id });
    staff.set(who.id, person);
    const base = { id: s.id, number: s.number, kindLabel: KIND_LABELS[s.kind as CaseKind] ?? s.kind, at: toIso(event.at) };
    if (event.type === 'rated') {
      const low = event.stars <= LOW_STARS;
      rated++;
      starSum += event.stars;
      distribution[5 - event.stars].count++;
      for (const a of [dep, person]) {
        a.ratings++;
        a.stars += event.stars;
        if (low) a.low++;
      }
      if (low) items.push({ ...base, source: 'rating', sourceLabel: '低分评价', reason: `住户评价 ${event.stars} 星${event.note ? `：${event.note}` : ''}` });
    } else if (event.type === 'callback') {
      called++;
      methods.set(event.method, (methods.get(event.method) ?? 0) + 1);
      const bad = event.outcome === 'problem';
      if (bad) problem++;
      else satisfied++;
      for (const a of [dep, person]) {
        a.callbacks++;
        if (bad) a.problems++;
      }
      if (bad) items.push({ ...base, source: 'callback', sourceLabel: '回访发现问题', reason: `回访发现问题${event.note ? `：${event.note}` : ''}` });
    }
  }
  // Staff known only by id (a case's first owner): their names from the user records.
  const names = await namesOf(ctx.tx, handlers.map((x) => x.id!));
  for (const x of handlers) x.acc.label = names[x.id!] ?? x.id!;
  return {
    asOf: toIso(scope.asOf),
    ratings: { count: rated, average: average(starSum, rated), low: distribution[3].count + distribution[4].count, distribution },
    callbacks: {
      count: called,
      satisfied,
      problem,
      satisfiedRate: rate(satisfied, called),
      byMethod: [...methods.entries()].map(([method, count]) => ({ method, label: CALLBACK_METHOD_LABELS[method as CallbackMethod] ?? method, count })).sort((a, b) => a.method.localeCompare(b.method)),
    },
    followUps: { count: items.length, items },
    byDepartment: rows(departments),
    byStaff: rows(staff),
  };
}
