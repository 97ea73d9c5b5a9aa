import type { StaffRow, Tx } from '../../ports/store';
import type { CaseState } from '../../domain/case/types';
import type { OwnerRoles } from '../../domain/case/view';
import type { StaffRole } from '../../vocabulary';

/** Display names of the users a case mentions. */
export async function namesOf(tx: Tx, ids: string[]): Promise<Record<string, string>> {
  const users = await tx.usersByIds([...new Set(ids)]);
  return Object.fromEntries(users.map((u) => [u.id, u.name]));
}

/** Seniority when someone holds several roles in one community: the title they are known by. */
const RANK: StaffRole[] = ['manager', 'supervisor', 'frontdesk', 'technician', 'renovation_officer', 'cashier'];

/**
 * The role each case's responsible person holds in the case's community (key `community:user`): their
 * department on the case follows from it (张敏 前台 · 客服中心), not from the case's own department.
 */
export async function ownerRolesOf(tx: Tx, cases: Pick<CaseState, 'owner' | 'communityId'>[]): Promise<OwnerRoles> {
  const owners = [...new Set(cases.map((s) => s.owner))];
  return rolesFromStaff((await Promise.all(owners.map((id) => tx.staffOfUser(id)))).flat());
}

/** The senior role of each (community, user) among staff rows already read (key `community:user`). */
export function rolesFromStaff(rows: StaffRow[]): OwnerRoles {
  const out: OwnerRoles = {};
  for (const r of rows) {
    const key = `${r.communityId}:${r.userId}`;
    if (!out[key] || RANK.indexOf(r.role) < RANK.indexOf(out[key])) out[key] = r.role;
  }
  return out;
}
