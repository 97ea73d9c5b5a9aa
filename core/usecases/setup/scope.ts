import type { Caller } from '../../access/caller';
import { POLICY, type Permission } from '../../access/policy';
import { requireAccess } from '../../access/requireAccess';
import { fail, ok, type Outcome } from '../../errors';

/** The communities where the caller holds a role the permission allows (never another community: ASVS 8.4.1). */
export function communitiesFor(caller: Caller, permission: Permission): string[] {
  const who = POLICY[permission] as readonly string[];
  return [...new Set(caller.staff.filter((s) => who.includes(s.role)).map((s) => s.communityId))].sort();
}

/**
 * The one community a setup action works on: the one named (it must be one of the caller's for this
 * permission, else COMMUNITY.NOT_FOUND exactly as for a community that does not exist), or the caller's
 * only one. Checks the permission first (401/403).
 */
export function communityFor(caller: Caller | null, permission: Permission, communityId: string | undefined): Outcome<{ caller: Caller; communityId: string }> {
  const access = requireAccess(caller, permission);
  if (!access.ok) return access;
  const mine = communitiesFor(caller!, permission);
  if (communityId !== undefined) {
    const inside = requireAccess(caller, permission, { communityId, notFound: 'COMMUNITY.NOT_FOUND' });
    return inside.ok ? ok({ caller: caller!, communityId }) : inside;
  }
  if (mine.length === 1) return ok({ caller: caller!, communityId: mine[0] });
  return fail('INPUT.INVALID', { communityId: '您负责多个小区，请选择小区' });
}
