import { can } from '../domain/case/transition';
import type { CaseEventType, CaseState } from '../domain/case/types';
import { fail, type Failure } from '../errors';
import { rolesIn, type Caller, type MaybeCaller } from './caller';
import { POLICY, type Permission } from './policy';
import { requireAccess } from './requireAccess';

/** The caller's part in the case's work order, beyond the role (without it the use case answers 403). */
type Part = 'holdsWorkOrder' | 'notTheTechnician' | 'deskOrHoldsWorkOrder';

const holds = (c: Caller, s: CaseState) => s.work.technician === c.userId;

const PARTS: Record<Part, (c: Caller, s: CaseState, permission: Permission) => boolean> = {
  /** Arrival, quote, completion: only the technician on the work order. */
  holdsWorkOrder: holds,
  /** R-REP-6: the callback is never made by the technician who did the work; R-CMP-3: nor by a complaint's handler. */
  notTheTechnician: (c, s) => !holds(c, s) && s.complaint?.handler !== c.userId,
  /** The desk pauses any case of its community; a technician only the work order he holds. */
  deskOrHoldsWorkOrder: (c, s, p) => holds(c, s) || rolesIn(c, s.communityId).some((r) => r !== 'technician' && POLICY[p].includes(r)),
};

/**
 * Every action on one case, named as the API names it (`case.*` for residents, `workbench.*` for
 * staff): the row of the permission table it needs, the event it records, and the caller's part.
 */
export const CASE_ACTIONS = {
  cancel: { permission: 'case.cancelOwn', event: 'cancelled' },
  urge: { permission: 'case.actOwn', event: 'urged' },
  acceptQuote: { permission: 'case.actOwn', event: 'quoteAccepted' },
  declineQuote: { permission: 'case.actOwn', event: 'quoteDeclined' },
  confirm: { permission: 'case.actOwn', event: 'confirmed' },
  rate: { permission: 'case.actOwn', event: 'rated' },
  assign: { permission: 'workbench.assign', event: 'assigned' },
  reply: { permission: 'workbench.reply', event: 'replied' },
  dispatch: { permission: 'workbench.dispatch', event: 'dispatched' },
  arrive: { permission: 'workbench.work', event: 'arrived', part: 'holdsWorkOrder' },
  quote: { permission: 'workbench.work', event: 'quoted', part: 'holdsWorkOrder' },
  complete: { permission: 'workbench.work', event: 'completed', part: 'holdsWorkOrder' },
  callback: { permission: 'workbench.callback', event: 'callback', part: 'notTheTechnician' },
  pause: { permission: 'workbench.pause', event: 'paused', part: 'deskOrHoldsWorkOrder' },
  resume: { permission: 'workbench.pause', event: 'resumed', part: 'deskOrHoldsWorkOrder' },
  closeUnresolvable: { permission: 'workbench.closeUnresolvable', event: 'closedUnresolvable' },
  classify: { permission: 'workbench.classify', event: 'classified' },
  contact: { permission: 'workbench.reply', event: 'contacted' },
  markInvalid: { permission: 'workbench.reply', event: 'markedInvalid' },
  close: { permission: 'workbench.reply', event: 'closed' },
} as const satisfies Record<string, { permission: Permission; event: CaseEventType; part?: Part }>;

export type CaseAction = keyof typeof CASE_ACTIONS;
const ACTION_NAMES = Object.keys(CASE_ACTIONS) as CaseAction[];

/** Residents' permissions are checked against the case's household, staff ones against its community. */
const objectOf = (s: CaseState, permission: Permission) => ({
  communityId: s.communityId,
  ...(permission.startsWith('case.') ? { householdId: s.householdId } : {}),
  notFound: 'CASE.NOT_FOUND' as const,
});

/** The part check alone (role and object are `requireAccess`'s): 403 when the caller has no part in it. */
export function partRefusal(caller: Caller, s: CaseState, action: CaseAction): { ok: false; error: Failure } | null {
  const a: { permission: Permission; part?: Part } = CASE_ACTIONS[action];
  return a.part && !PARTS[a.part](caller, s, a.permission) ? fail('AUTH.FORBIDDEN') : null;
}

/**
 * What this caller may do on this case now: the permission table × the transition table × the caller's
 * part. The pages show exactly these (an urge also waits for `nextUrgeAt`).
 */
export function caseActions(caller: MaybeCaller, s: CaseState): CaseAction[] {
  if (!caller) return [];
  return ACTION_NAMES.filter((name) => {
    const a = CASE_ACTIONS[name];
    return can(s, a.event) && requireAccess(caller, a.permission, objectOf(s, a.permission)).ok && !partRefusal(caller, s, name);
  });
}
