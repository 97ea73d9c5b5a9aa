import type { z } from 'zod';
import { isStaff } from '../../access/caller';
import { requireAccess } from '../../access/requireAccess';
import { POLICY } from '../../access/policy';
import { ok, type Outcome } from '../../errors';
import { maskPhone } from '../../domain/privacy';
import { RELATION_LABELS } from '../../schemas/common';
import type { bindingsInput } from '../../schemas/account';
import type { BindingRow } from '../../ports/store';
import { toIso } from '../../time';
import { PHONE_CHECK_LABELS } from '../../domain/binding';
import type { UseCaseContext } from '../context';
import { badCursor, bindingCursor, PAGE_LIMITS } from '../../domain/pageCursor';

export const bindingView = (b: BindingRow) => ({
  id: b.id,
  householdId: b.householdId,
  name: b.name,
  phone: maskPhone(b.phone),
  relation: b.relation,
  relationLabel: RELATION_LABELS[b.relation],
  status: b.status,
  /** Whether the phone was proven through WeChat (R-ACC-1): the front desk sees 已验证 / 未验证. */
  phoneVerified: b.phoneCheck === 'verified',
  phoneCheck: b.phoneCheck,
  phoneCheckLabel: PHONE_CHECK_LABELS[b.phoneCheck],
  createdAt: toIso(b.createdAt),
  decidedAt: b.decidedAt ? toIso(b.decidedAt) : null,
  reason: b.reason,
});

/**
 * Staff: the binding requests of their communities (pending first, a page at a time), phones masked (R-ACC-5), each
 * saying whether its phone was verified through WeChat.
 * A resident: their own requests.
 */
export async function bindings(
  ctx: UseCaseContext,
  input: z.output<ReturnType<typeof bindingsInput>>,
): Promise<Outcome<{ items: ReturnType<typeof bindingView>[]; cursor?: string | null }>> {
  const c = ctx.caller;
  if (c && !isStaff(c)) {
    // A resident's own requests: a handful (the pending limit bounds them), one page.
    const own = await ctx.tx.bindingsOfUser(c.userId);
    return ok({ items: own.filter((b) => !input.status || b.status === input.status).map(bindingView) });
  }
  const access = requireAccess(c, 'binding.review');
  if (!access.ok) return access;
  const after = input.cursor === undefined ? undefined : bindingCursor.decode('b', input.cursor);
  if (after === null) return badCursor();
  const reviewers = POLICY['binding.review'] as readonly string[];
  const communities = c!.staff.filter((s) => reviewers.includes(s.role)).map((s) => s.communityId);
  const page = await ctx.tx.bindingsInCommunities(communities, { status: input.status, limit: PAGE_LIMITS.bindings, after });
  return ok({ items: page.items.map(bindingView), cursor: page.next ? bindingCursor.encode('b', page.next) : null });
}
