import type { z } from 'zod';
import { ok, type Outcome } from '../../errors';
import { maskPhone } from '../../domain/privacy';
import type { staffInput } from '../../schemas/setupStaff';
import type { StaffRole } from '../../vocabulary';
import { toIso } from '../../time';
import type { UseCaseContext } from '../context';
import { communityFor } from './scope';
import { inviteView, roleList } from './staffViews';

/**
 * 员工管理: the staff of one of the manager's communities (roles, on-duty flag), the invitations made to
 * it, and former staff (deactivated: their names stay on past cases). Nothing of another community.
 */
export async function setupStaffList(ctx: UseCaseContext, input: z.output<ReturnType<typeof staffInput>>) {
  const scope = communityFor(ctx.caller, 'setup.staff', input.communityId);
  if (!scope.ok) return scope;
  const { communityId } = scope.data;
  const [rows, invites, former] = await Promise.all([ctx.tx.staffOfCommunity(communityId), ctx.tx.invitesOfCommunities([communityId]), ctx.tx.formerStaffOf([communityId])]);
  const users = await ctx.tx.usersByIds([...new Set([...rows.map((r) => r.userId), ...former.map((f) => f.userId), ...former.map((f) => f.deactivatedBy)])]);
  const byId = new Map(users.map((u) => [u.id, u]));
  const members = new Map<string, { roles: StaffRole[]; onDuty: boolean }>();
  for (const r of rows) {
    const m = members.get(r.userId) ?? { roles: [], onDuty: false };
    m.roles.push(r.role);
    m.onDuty ||= r.role === 'technician' && r.onDuty;
    members.set(r.userId, m);
  }
  const result = {
    communityId,
    members: [...members.entries()]
      .map(([id, m]) => ({ id, name: byId.get(id)?.name ?? id, phone: maskPhone(byId.get(id)?.phone), roles: roleList(m.roles), onDuty: m.onDuty, self: id === ctx.caller!.userId }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN') || (a.id < b.id ? -1 : 1)),
    invitations: invites.map((i) => inviteView(i, ctx.now)),
    former: former.map((f) => ({ id: f.userId, name: byId.get(f.userId)?.name ?? f.userId, roles: roleList(f.roles), deactivatedAt: toIso(f.deactivatedAt), deactivatedBy: byId.get(f.deactivatedBy)?.name ?? f.deactivatedBy })),
  };
  return ok(result) as Outcome<typeof result>;
}
