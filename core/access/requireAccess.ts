import { fail, type Failure } from '../errors';
import type { MaybeCaller } from './caller';
import { POLICY, type Permission } from './policy';

/** The object acted on: its community and, for household objects, the household. */
export interface AccessObject {
  communityId: string;
  householdId?: string;
  /** Which error to answer when the caller may not see the object (never reveal that it exists). */
  notFound: Failure['code'];
}

export type AccessResult = { ok: true } | { ok: false; error: Failure };

const allowed: AccessResult = { ok: true };

/**
 * Opens every use case. Without an object it checks the role alone (e.g. "may open the queue");
 * with one it also checks ownership: another household's or another community's object is NOT_FOUND.
 */
export function requireAccess(caller: MaybeCaller, permission: Permission, object?: AccessObject): AccessResult {
  if (!caller) return fail('AUTH.UNAUTHENTICATED');
  const who = POLICY[permission];
  if (who.includes('anyone')) return allowed;

  if (who.includes('resident')) {
    if (caller.households.length === 0) return fail('HOUSEHOLD.NOT_BOUND');
    if (!object) return allowed;
    const mine = caller.households.some((h) => h.householdId === object.householdId && h.communityId === object.communityId);
    return mine ? allowed : fail(object.notFound);
  }

  const staffRoles = caller.staff.filter((s) => who.includes(s.role));
  if (staffRoles.length === 0) return fail('AUTH.FORBIDDEN');
  if (!object) return allowed;
  if (staffRoles.some((s) => s.communityId === object.communityId)) return allowed;
  // Standing in the object's community without the role: forbidden. No standing there: not found.
  return caller.staff.some((s) => s.communityId === object.communityId) ? fail('AUTH.FORBIDDEN') : fail(object.notFound);
}
