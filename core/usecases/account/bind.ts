import type { z } from 'zod';
import { requireAccess } from '../../access/requireAccess';
import { fail, ok, type Outcome } from '../../errors';
import { RELATION_LABELS } from '../../schemas/common';
import type { bindInput } from '../../schemas/account';
import type { BindingRow } from '../../ports/store';
import { outboxOf } from '../../domain/case/commit';
import { approvesAutomatically, PHONE_CHECK_LABELS, phoneCheckOf } from '../../domain/binding';
import { ownerLimitReached, pendingLimitReached } from '../../domain/bindingLimits';
import type { UseCaseContext } from '../context';
import { verifyPhone } from './verifyPhone';

/**
 * R-ACC-1: a resident asks to bind to a household. Approved at once only for the owner whose
 * WeChat-verified phone (the getPhoneNumber code, exchanged here) and name match the register;
 * everything else waits for the front desk, who is notified and sees whether the phone was verified.
 * A verified phone replaces a different typed one: the request carries what was proven.
 */
export async function bind(ctx: UseCaseContext, input: z.output<ReturnType<typeof bindInput>>): Promise<Outcome<{ id: string; status: BindingRow['status']; phoneVerified: boolean }>> {
  const access = requireAccess(ctx.caller, 'account.bind');
  if (!access.ok) return access;
  const c = ctx.caller!;
  const household = await householdOfCode(ctx, input.householdId);
  if (!household) return fail('HOUSEHOLD.NOT_FOUND');
  const own = await ctx.tx.bindingsOfUser(c.userId);
  if (own.some((b) => b.householdId === household.id && b.status !== 'rejected')) return fail('BINDING.CONFLICT');
  if (pendingLimitReached(own)) return fail('BINDING.PENDING_LIMIT');
  const householdClaims = input.relation === 'owner' ? await ctx.tx.bindingsOfHousehold(household.id) : [];
  // Refused whatever the code proves: checked before the one-time code is spent.
  if (input.relation === 'owner' && ownerLimitReached(householdClaims, true)) return fail('BINDING.OWNER_LIMIT');

  const exchange = await verifyPhone(ctx.phone, input.phoneCode);
  const phoneCheck = phoneCheckOf(exchange);
  const phone = exchange?.ok ? exchange.phone : input.phone;
  const auto = approvesAutomatically(household, { name: input.name, relation: input.relation, phone, phoneCheck });
  if (input.relation === 'owner' && ownerLimitReached(householdClaims, auto)) return fail('BINDING.OWNER_LIMIT');

  const row: BindingRow = {
    id: ctx.ids.next('b'),
    userId: c.userId,
    householdId: household.id,
    communityId: household.communityId,
    name: input.name,
    phone,
    relation: input.relation,
    status: auto ? 'approved' : 'pending',
    phoneCheck,
    createdAt: ctx.now,
    decidedAt: auto ? ctx.now : null,
    decidedBy: auto ? 'system' : null,
    reason: auto ? '微信验证的手机号与房屋档案登记的业主信息一致，自动通过' : null,
  };
  await ctx.tx.insertBinding(row);

  if (auto) {
    await ctx.tx.enqueue(outboxOf(ctx, [{ type: 'notify', to: c.userId, template: 'binding.approved', data: { householdId: household.id } }]));
  } else {
    const community = await ctx.tx.community(household.communityId);
    const desk = community?.responsible.customer_service;
    if (desk) {
      await ctx.tx.enqueue(
        outboxOf(ctx, [
          {
            type: 'notify',
            to: desk,
            template: 'binding.pending',
            data: { householdId: household.id, relation: RELATION_LABELS[input.relation], bindingId: row.id, phoneCheck: PHONE_CHECK_LABELS[phoneCheck] },
          },
        ]),
      );
    }
  }
  return ok({ id: row.id, status: row.status, phoneVerified: phoneCheck === 'verified' });
}

/**
 * The household a resident names: by its id, or — a room code typed as on the door (`3-1-301`) — the
 * one imported household with that room when only one community has it (core/domain/community/register.ts).
 */
async function householdOfCode(ctx: UseCaseContext, code: string) {
  const byId = await ctx.tx.household(code);
  if (byId) return byId;
  const m = /^(\d{1,3})-(\d{1,2})-(\d{3,4})$/.exec(code);
  if (!m) return undefined;
  const rooms = await ctx.tx.householdsByRoom(m[1], m[2], m[3], 2);
  return rooms.length === 1 ? rooms[0] : undefined;
}
