import { KIND_LABELS, STATUS_LABELS, type CaseKind } from '../../vocabulary';
import type { CaseEvent, CaseEventType, CaseState, Effect } from './types';

export type TransitionResult = { ok: true; next: CaseState; effects: Effect[] } | { ok: false };

const refused: TransitionResult = { ok: false };

/** Which events each status accepts. `can` answers the workbench's "which buttons" question from this table. */
export const ALLOWED: Record<CaseState['status'] | 'none', readonly CaseEventType[]> = {
  none: ['submitted'],
  submitted: ['assigned', 'replied', 'cancelled'],
  processing: ['assigned', 'replied', 'cancelled'],
  resolved: [],
  closed: [],
  cancelled: [],
};

/** Kinds answered with a reply (案结事了); repairs, complaints, services and 售后 are worked, not answered. */
export const REPLY_KINDS: readonly CaseKind[] = ['consultation', 'suggestion', 'praise', 'help', 'other'];

/** The events a case accepts now: by status, and `replied` only for the kinds that are answered. */
export const allowedEvents = (state: CaseState | undefined): CaseEventType[] =>
  ALLOWED[state ? state.status : 'none'].filter((t) => t !== 'replied' || (state !== undefined && REPLY_KINDS.includes(state.kind)));

export const can = (state: CaseState | undefined, type: CaseEventType): boolean => allowedEvents(state).includes(type);

const title = (s: Pick<CaseState, 'kind' | 'id'>) => `${KIND_LABELS[s.kind]}工单`;

/** Pure: the next state and the effects of one event. Refused transitions change nothing. */
export function transition(state: CaseState | undefined, event: CaseEvent): TransitionResult {
  if (!can(state, event.type)) return refused;
  switch (event.type) {
    case 'submitted': {
      const next: CaseState = { ...event.case, status: 'submitted', updatedAt: event.at, version: 1, resolution: null, rating: null };
      const effects: Effect[] = [
        { type: 'notify', to: next.submittedBy, template: 'case.received', data: { caseId: next.id, kind: KIND_LABELS[next.kind] } },
        { type: 'notify', to: next.owner, template: 'case.new', data: { caseId: next.id, kind: KIND_LABELS[next.kind], householdId: next.householdId } },
      ];
      return { ok: true, next, effects };
    }
    case 'assigned': {
      const s = state as CaseState;
      const next: CaseState = { ...s, status: 'processing', owner: event.to, department: event.department, updatedAt: event.at, version: s.version + 1 };
      const effects: Effect[] = [{ type: 'notify', to: event.to, template: 'case.assigned', data: { caseId: s.id, kind: KIND_LABELS[s.kind], householdId: s.householdId } }];
      if (s.status !== 'processing') effects.push(statusNotice(next));
      return { ok: true, next, effects };
    }
    case 'replied': {
      const s = state as CaseState;
      const next: CaseState = { ...s, status: 'resolved', resolution: event.note, updatedAt: event.at, version: s.version + 1 };
      return { ok: true, next, effects: [{ type: 'notify', to: s.submittedBy, template: 'case.replied', data: { caseId: s.id, title: title(s), reply: event.note ?? '' } }] };
    }
    case 'cancelled': {
      const s = state as CaseState;
      const next: CaseState = { ...s, status: 'cancelled', updatedAt: event.at, version: s.version + 1 };
      const notified = event.by === s.submittedBy ? s.owner : s.submittedBy;
      return { ok: true, next, effects: [{ type: 'notify', to: notified, template: 'case.cancelled', data: { caseId: s.id, title: title(s) } }] };
    }
  }
}

const statusNotice = (s: CaseState): Effect => ({
  type: 'notify',
  to: s.submittedBy,
  template: 'case.status',
  data: { caseId: s.id, title: title(s), status: STATUS_LABELS[s.status] },
});

/** Replays a whole event log (used to verify the stored row and to rebuild it). */
export function replay(events: readonly CaseEvent[]): CaseState | undefined {
  let state: CaseState | undefined;
  for (const e of events) {
    const r = transition(state, e);
    if (!r.ok) throw new Error(`event log refuses ${e.type} at version ${state?.version ?? 0}`);
    state = r.next;
  }
  return state;
}
