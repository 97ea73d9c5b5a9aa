import { requireAccess } from '../../access/requireAccess';
import { ok, type Outcome } from '../../errors';
import { ROLE_LABELS, type StaffRole } from '../../schemas/common';
import { POLICY } from '../../access/policy';

const ASSIGNERS = POLICY['workbench.assign'] as readonly string[];
import type { UseCaseContext } from '../context';
import { onDutyNow } from '../case/onDutyNow';

/** Colleagues a case can be assigned to, in the caller's communities. */
export async function staffList(ctx: UseCaseContext, input: { role?: StaffRole }): Promise<Outcome<{ items: { id: string; name: string; role: StaffRole; roleLabel: string; onDuty: boolean }[] }>> {
  const access = requireAccess(ctx.caller, 'workbench.assign');
  if (!access.ok) return access;
  const communities = [...new Set(ctx.caller!.staff.filter((s) => ASSIGNERS.includes(s.role)).map((s) => s.communityId))];
  const staffOf = await Promise.all(communities.map((id) => ctx.tx.staffOfCommunity(id)));
  // On duty now (rota for this shift, else the default), per community: a technician of two communities may be on duty in one.
  const duty = await Promise.all(communities.map((id, i) => onDutyNow(ctx.tx, id, ctx.now, staffOf[i])));
  const onDuty = (r: { communityId: string; userId: string; role: StaffRole }) => r.role === 'technician' && duty[communities.indexOf(r.communityId)]?.id === r.userId;
  const rows = staffOf.flat().filter((r) => !input.role || r.role === input.role);
  const names = Object.fromEntries((await ctx.tx.usersByIds(rows.map((r) => r.userId))).map((u) => [u.id, u.name]));
  return ok({ items: rows.map((r) => ({ id: r.userId, name: names[r.userId] ?? r.userId, role: r.role, roleLabel: ROLE_LABELS[r.role], onDuty: onDuty(r) })) });
}
