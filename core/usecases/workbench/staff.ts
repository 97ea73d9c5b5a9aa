import { requireAccess } from '../../access/requireAccess';
import { ok, type Outcome } from '../../errors';
import { ROLE_LABELS, type StaffRole } from '../../schemas/common';
import { POLICY } from '../../access/policy';

const ASSIGNERS = POLICY['workbench.assign'] as readonly string[];
import type { UseCaseContext } from '../context';

/** Colleagues a case can be assigned to, in the caller's communities. */
export async function staffList(ctx: UseCaseContext, input: { role?: StaffRole }): Promise<Outcome<{ items: { id: string; name: string; role: StaffRole; roleLabel: string; onDuty: boolean }[] }>> {
  const access = requireAccess(ctx.caller, 'workbench.assign');
  if (!access.ok) return access;
  const communities = [...new Set(ctx.caller!.staff.filter((s) => ASSIGNERS.includes(s.role)).map((s) => s.communityId))];
  const rows = (await Promise.all(communities.map((id) => ctx.tx.staffOfCommunity(id)))).flat().filter((r) => !input.role || r.role === input.role);
  const names = Object.fromEntries((await ctx.tx.usersByIds(rows.map((r) => r.userId))).map((u) => [u.id, u.name]));
  return ok({ items: rows.map((r) => ({ id: r.userId, name: names[r.userId] ?? r.userId, role: r.role, roleLabel: ROLE_LABELS[r.role], onDuty: r.onDuty })) });
}
