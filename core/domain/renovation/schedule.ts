import { WORKING, transition, type RenovationEvent, type RenovationState } from './state';

/** Who a missed inspection escalates to (R-ESC-2/3) and how long after the first rung the second comes. */
export interface RenoLadder {
  supervisor: { id: string; name: string } | null;
  manager: { id: string; name: string } | null;
  /** From the supervisor's rung to the manager's (the community's managerAfter − supervisorAfter). */
  managerGapMs: number;
}

/**
 * Pure: when the sweep must next look at the application (the projection's next_due_at): the next
 * inspection's due time (R-REN-8) — or, once missed and escalated to the supervisor, the manager's rung —
 * and the deadline of every violation notice still open (R-REN-9). Null once the work is accepted.
 */
export function nextDueAtOf(s: RenovationState, managerGapMs: number): number | null {
  if (!WORKING.includes(s.status)) return null;
  const times: number[] = [];
  if (s.inspectionDueAt !== null) {
    if (s.inspectionEscalation === 0) times.push(s.inspectionDueAt);
    else if (s.inspectionEscalation === 1) times.push(s.inspectionDueAt + managerGapMs);
  }
  for (const v of s.violations) if (v.status === 'open') times.push(v.deadline);
  return times.length ? Math.min(...times) : null;
}

/**
 * Pure: the sweep's steps due now (R-REN-8, R-REN-9, R-ESC-5). A missed inspection escalates once per
 * rung to the supervisor, then (the manager's rung later) to the manager; an ignored violation notice is
 * marked: a written report to the authority is due. Each step is a state change under the version, so a
 * sweep that runs twice, late or concurrently records each once. Events are stamped at the tick, or at
 * the last event when that is later (the record stays in time order).
 */
export function sweepSteps(s: RenovationState, now: number, ladder: RenoLadder): { next: RenovationState; events: RenovationEvent[] } {
  const at = Math.max(now, s.updatedAt);
  const sys = { at, by: 'system', byName: '系统' };
  const events: RenovationEvent[] = [];
  let state = s;
  const push = (e: RenovationEvent) => {
    const r = transition(state, e);
    if (!r.ok) return;
    state = r.next;
    events.push(e);
  };
  if (WORKING.includes(state.status) && state.inspectionDueAt !== null) {
    const dueAt = state.inspectionDueAt;
    if (state.inspectionEscalation === 0 && now >= dueAt) {
      const to = ladder.supervisor ?? ladder.manager;
      if (to) push({ type: 'inspection_escalated', ...sys, dueAt, level: ladder.supervisor ? 1 : 2, to: to.id, toName: to.name });
    }
    if (state.inspectionEscalation === 1 && now >= dueAt + ladder.managerGapMs && ladder.manager) {
      push({ type: 'inspection_escalated', ...sys, dueAt, level: 2, to: ladder.manager.id, toName: ladder.manager.name });
    }
  }
  for (const v of state.violations) {
    if (v.status === 'open' && now >= v.deadline) push({ type: 'violation_overdue', ...sys, violationId: v.id });
  }
  return { next: state, events };
}
