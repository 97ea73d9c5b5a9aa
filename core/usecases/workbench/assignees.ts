import type { z } from 'zod';
import { ok, type Outcome } from '../../errors';
import { caseActions } from '../../access/caseActions';
import { assigneeRoles, DISPATCH_ROLE } from '../../access/assignees';
import { ROLE_LABELS, staffTitle, type StaffRole } from '../../vocabulary';
import type { workbenchGetInput } from '../../schemas/workbench';
import type { UseCaseContext } from '../context';
import { loadCase } from '../case/loadCase';
import { onDutyNow } from '../case/onDutyNow';

export interface Assignee {
  id: string;
  name: string;
  role: StaffRole;
  roleLabel: string;
  /** 前台 · 客服中心 */
  title: string;
  /** On duty now: named by the duty rota for this shift, else the community's default on-duty technician. */
  onDuty: boolean;
  /** Responsible for the case now (转交) or holding its work order (派单). */
  current: boolean;
}

/**
 * Who this case can go to, as core decides (pages never filter roles): `assign` — colleagues of the
 * case's community whose role can handle it to its end (core/access/assignees.ts); `dispatch` — its
 * technicians, the one on duty first. Each list is empty unless the caller may take that action now.
 */
export async function assignees(ctx: UseCaseContext, input: z.output<ReturnType<typeof workbenchGetInput>>): Promise<Outcome<{ assign: Assignee[]; dispatch: Assignee[] }>> {
  const loaded = await loadCase(ctx, input.id, 'workbench.read');
  if (!loaded.ok) return loaded;
  const s = loaded.data;
  const actions = caseActions(ctx.caller, s);
  const rows = await ctx.tx.staffOfCommunity(s.communityId);
  const duty = actions.includes('dispatch') ? await onDutyNow(ctx.tx, s.communityId, ctx.now, rows) : null;
  const names = Object.fromEntries((await ctx.tx.usersByIds([...new Set(rows.map((r) => r.userId))])).map((u) => [u.id, u.name]));
  const pick = (roles: readonly StaffRole[], current: string | null) => {
    const seen = new Set<string>();
    return [...rows]
      .sort((a, b) => roles.indexOf(a.role) - roles.indexOf(b.role))
      .filter((r) => roles.includes(r.role) && !seen.has(r.userId) && seen.add(r.userId))
      .map((r) => ({ id: r.userId, name: names[r.userId] ?? r.userId, role: r.role, roleLabel: ROLE_LABELS[r.role], title: staffTitle(r.role), onDuty: r.role === DISPATCH_ROLE && r.userId === duty?.id, current: r.userId === current }));
  };
  const assign = actions.includes('assign') ? pick(assigneeRoles(s), s.owner) : [];
  const dispatch = actions.includes('dispatch') ? pick([DISPATCH_ROLE], s.work.technician).sort((a, b) => Number(b.onDuty) - Number(a.onDuty)) : [];
  return ok({ assign, dispatch });
}
