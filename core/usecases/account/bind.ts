import type { z } from 'zod';
import { requireAccess } from '../../access/requireAccess';
import { fail, ok, type Outcome } from '../../errors';
import { RELATION_LABELS } from '../../schemas/common';
import type { bindInput } from '../../schemas/account';
import type { BindingRow } from '../../ports/store';
import { outboxOf } from '../../domain/case/commit';
import type { UseCaseContext } from '../context';

/** Register matches when the owner's name and phone are both on the household register (一户一档). */
const matchesRegister = (h: { ownerName: string; ownerPhone: string }, input: { name: string; phone: string; relation: string }) =>
  input.relation === 'owner' && h.ownerPhone === input.phone && h.ownerName === input.name;

/**
 * R-ACC-1: a resident asks to bind to a household. Approved at once when the register matches,
 * otherwise pending for the front desk, who is notified.
 */
export async function bind(ctx: UseCaseContext, input: z.output<typeof bindInput>): Promise<Outcome<{ id: string; status: BindingRow['status'] }>> {
  const access = requireAccess(ctx.caller, 'account.bind');
  if (!access.ok) return access;
  const c = ctx.caller!;
  const household = await ctx.tx.household(input.householdId);
  if (!household) return fail('HOUSEHOLD.NOT_FOUND');
  const existing = (await ctx.tx.bindingsOfUser(c.userId)).find((b) => b.householdId === household.id && b.status !== 'rejected');
  if (existing) return fail('BINDING.CONFLICT');

  const auto = matchesRegister(household, input);
  const row: BindingRow = {
    id: ctx.ids.next('b'),
    userId: c.userId,
    householdId: household.id,
    communityId: household.communityId,
    name: input.name,
    phone: input.phone,
    relation: input.relation,
    status: auto ? 'approved' : 'pending',
    createdAt: ctx.now,
    decidedAt: auto ? ctx.now : null,
    decidedBy: auto ? 'system' : null,
    reason: auto ? '与房屋档案登记的业主信息一致，自动通过' : null,
  };
  await ctx.tx.insertBinding(row);

  if (auto) {
    await ctx.tx.enqueue(outboxOf(ctx, [{ type: 'notify', to: c.userId, template: 'binding.approved', data: { householdId: household.id } }]));
  } else {
    const community = await ctx.tx.community(household.communityId);
    const desk = community?.responsible.customer_service;
    if (desk) {
      await ctx.tx.enqueue(
        outboxOf(ctx, [{ type: 'notify', to: desk, template: 'binding.pending', data: { householdId: household.id, relation: RELATION_LABELS[input.relation], bindingId: row.id } }]),
      );
    }
  }
  return ok({ id: row.id, status: row.status });
}
