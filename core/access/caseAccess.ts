import type { CaseReach } from '../ports/store';
import type { Caller } from './caller';
import { CASE_READ, type CaseReadRule } from './policy';

/** What of a case the caller may see (R-ACC-5). `masked`: 张* and 138****5678. */
export interface CaseFields {
  phone: 'full' | 'masked';
  name: 'full' | 'masked';
  content: boolean;
  photos: boolean;
}

/** The parts of a case that decide who reads it. */
export interface CaseRef {
  communityId: string;
  householdId: string;
  category: string | null;
  owner: string;
  work: { technician: string | null };
  /** A complaint about a staff member is never theirs to read (R-CMP). */
  complaint?: { aboutStaff: string | null } | null;
}

/** `detail`: one case (workbench.get, case.get, the answer to an action); `list`: a queue or list row. */
export type CaseShape = 'detail' | 'list';

const HOUSEHOLD: CaseFields = { phone: 'full', name: 'full', content: true, photos: true };
const NOTHING: CaseFields = { phone: 'masked', name: 'masked', content: false, photos: false };

/** Whether a role's rule reaches this case for this staff member. */
function reaches(rule: CaseReadRule, userId: string, c: CaseRef): boolean {
  if (rule.scope === 'community') return true;
  return c.owner === userId || (rule.scope.workOrders && c.work.technician === userId) || (c.category !== null && rule.scope.categories.includes(c.category));
}

/** Whoever handles the case: its responsible person or the technician on its work order. */
const handles = (userId: string, c: CaseRef) => c.owner === userId || c.work.technician === userId;

/**
 * The fields of a case the caller may see, from THE table (`CASE_READ` in policy.ts); `null` when the
 * case is outside the caller's reach (answer CASE.NOT_FOUND, never list it). A resident of the case's
 * household sees their own case whole; staff by the roles they hold in the case's community (the most
 * any of them allows). Lists never show a full phone (R-ACC-5).
 */
export function caseFieldsFor(caller: Caller | null, c: CaseRef, shape: CaseShape): CaseFields | null {
  if (!caller) return null;
  const own = caller.households.some((h) => h.householdId === c.householdId && h.communityId === c.communityId);
  let fields: CaseFields | null = own ? HOUSEHOLD : null;
  for (const s of caller.staff) {
    if (s.communityId !== c.communityId) continue;
    if (c.complaint?.aboutStaff === caller.userId) continue;
    const rule = CASE_READ[s.role];
    if (!reaches(rule, caller.userId, c)) continue;
    const contact = rule.contact === 'full' || handles(caller.userId, c) ? 'full' : 'masked';
    fields = union(fields, { phone: contact, name: contact, content: rule.content, photos: rule.photos });
  }
  if (!fields) return null;
  return shape === 'list' ? { ...fields, phone: 'masked' } : fields;
}

/**
 * Fields for a case the caller reached through an allowed action or their own list; should the case be
 * out of reach after all, nothing personal is shown.
 */
export const caseFieldsOf = (caller: Caller | null, c: CaseRef, shape: CaseShape = 'detail'): CaseFields => caseFieldsFor(caller, c, shape) ?? NOTHING;

function union(a: CaseFields | null, b: CaseFields): CaseFields {
  if (!a) return b;
  const full = (x: 'full' | 'masked', y: 'full' | 'masked') => (x === 'full' || y === 'full' ? 'full' : 'masked');
  return { phone: full(a.phone, b.phone), name: full(a.name, b.name), content: a.content || b.content, photos: a.photos || b.photos };
}

/**
 * The same reach as a store filter, for lists: per community where the caller is staff, every case
 * (a `community` role) or the cases they handle or that are routed to their roles.
 */
export function caseReachOf(caller: Caller): CaseReach[] {
  const byCommunity = new Map<string, CaseReach>();
  for (const s of caller.staff) {
    const rule = CASE_READ[s.role];
    const r = byCommunity.get(s.communityId) ?? { communityId: s.communityId, all: false, owner: caller.userId, technician: null, categories: [] };
    if (rule.scope === 'community') r.all = true;
    else {
      if (rule.scope.workOrders) r.technician = caller.userId;
      r.categories = [...new Set([...r.categories, ...rule.scope.categories])];
    }
    byCommunity.set(s.communityId, r);
  }
  return [...byCommunity.values()];
}
