import { canonicalJson } from '../../api/canonical';
import { transition } from './transition';
import type { CaseEvent, CaseState } from './types';

/** An event the log holds that the state before it refuses: the log and the rules disagree. */
export class ReplayRefused extends Error {
  constructor(
    readonly caseId: string,
    readonly seq: number,
    readonly type: CaseEvent['type'],
  ) {
    super(`case ${caseId}: event log refuses ${type} at version ${seq - 1}`);
    this.name = 'ReplayRefused';
  }
}

/**
 * Pure: the state after `events`, applied in order to `prior` (undefined before the first event). The
 * events are the source of truth of a case (R-INT-4): the store writes only what this fold gives.
 */
export function foldEvents(prior: CaseState | undefined, events: readonly CaseEvent[]): CaseState | undefined {
  let state = prior;
  for (const e of events) {
    const r = transition(state, e);
    if (!r.ok) throw new ReplayRefused(state?.id ?? (e.type === 'submitted' ? e.case.id : '?'), (state?.version ?? 0) + 1, e.type);
    state = r.next;
  }
  return state;
}

/** A case's whole event log, replayed from nothing (to verify a stored row, and to rebuild it). */
export const replay = (events: readonly CaseEvent[]): CaseState | undefined => foldEvents(undefined, events);

/** Same state, whatever the key order (a state handed in against the store's own fold). */
export const sameState = (a: CaseState | undefined, b: CaseState | undefined): boolean => canonicalJson(a) === canonicalJson(b);
