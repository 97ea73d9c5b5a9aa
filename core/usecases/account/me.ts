import { requireAccess } from '../../access/requireAccess';
import { permissionsOf } from '../../access/permissionsOf';
import type { Permission } from '../../access/policy';
import { ok, type Outcome } from '../../errors';
import { maskPhone } from '../../domain/privacy';
import type { UseCaseContext } from '../context';

export interface MeView {
  id: string;
  name: string;
  roles: string[];
  households: { id: string; relation: string; communityId: string }[];
  pendingBindings: { id: string; householdId: string; status: string }[];
  phone: string;
  /** What this user may open, from the permission table (workbench sections, menus). */
  permissions: Permission[];
}

/** Who am I: roles, bound households, permissions (contract: `account.me` → `{ id, roles, households }`). */
export async function me(ctx: UseCaseContext, _input: Record<string, never>): Promise<Outcome<MeView>> {
  const access = requireAccess(ctx.caller, 'account.me');
  if (!access.ok) return access;
  const c = ctx.caller!;
  const [user, bindings] = await Promise.all([ctx.tx.userById(c.userId), ctx.tx.bindingsOfUser(c.userId)]);
  const roles = [...new Set([...c.staff.map((s) => s.role), ...(c.households.length ? ['resident'] : [])])];
  return ok({
    id: c.userId,
    name: c.name,
    roles,
    households: c.households.map((h) => ({ id: h.householdId, relation: h.relation, communityId: h.communityId })),
    pendingBindings: bindings.filter((b) => b.status !== 'approved').map((b) => ({ id: b.id, householdId: b.householdId, status: b.status })),
    phone: maskPhone(user?.phone),
    permissions: permissionsOf(c),
  });
}
