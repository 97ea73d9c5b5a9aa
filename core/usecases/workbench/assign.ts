import type { z } from 'zod';
import { fail, type Outcome } from '../../errors';
import type { assignInput } from '../../schemas/workbench';
import { commitCaseEvent } from '../../domain/case/commit';
import type { CaseView } from '../../domain/case/view';
import type { UseCaseContext } from '../context';
import { loadCase, viewAfter } from '../case/loadCase';
import { assigneeRoles } from '../../access/assignees';
import { ROLE_LABELS } from '../../vocabulary';

/** Hands a case to a staff member of its community: one responsible person at every moment (R-INT-5). */
export async function assign(ctx: UseCaseContext, input: z.output<ReturnType<typeof assignInput>>): Promise<Outcome<CaseView>> {
  const loaded = await loadCase(ctx, input.id, 'workbench.assign');
  if (!loaded.ok) return loaded;
  const s = loaded.data;
  // A complaint is never handed to the staff member it is about.
  if (s.complaint?.aboutStaff === input.to) return fail('CASE.ABOUT_STAFF');
  const staff = (await ctx.tx.staffOfCommunity(s.communityId)).filter((m) => m.userId === input.to);
  const target = staff.length ? await ctx.tx.userById(input.to) : undefined;
  if (!target) return fail('USER.NOT_FOUND');
  // Only to someone whose role can handle the case (the list `workbench.assignees` offers): a technician
  // is reached by 派单, and nobody is made responsible for a case they cannot finish.
  const role = staff.map((m) => m.role).find((r) => assigneeRoles(s).includes(r));
  if (!role) return fail('INPUT.INVALID', { to: `该同事的岗位不能办理此工单，请转交给${assigneeRoles(s).map((r) => ROLE_LABELS[r]).join('、')}` });

  const c = ctx.caller!;
  const next = await commitCaseEvent(ctx, s, {
    type: 'assigned',
    at: ctx.now,
    by: c.userId,
    byName: c.name,
    note: input.note ?? null,
    to: target.id,
    toName: target.name,
    toRole: role,
    department: input.department ?? s.department,
  });
  return viewAfter(ctx, next);
}
