import type { z } from 'zod';
import { requireAccess } from '../../access/requireAccess';
import { fail, ok, type Outcome } from '../../errors';
import type { receiptInput, receiptsInput, ReceiptListItem, ReceiptOutput } from '../../schemas/fee';
import type { UseCaseContext } from '../context';
import { ownHousehold, receiptListItem, receiptView } from './views';

/** A resident's receipts (R-FEE-6), newest first: of one of their households, or of all of them. */
export async function receipts(ctx: UseCaseContext, input: z.output<ReturnType<typeof receiptsInput>>): Promise<Outcome<{ items: ReceiptListItem[] }>> {
  const pre = requireAccess(ctx.caller, 'fee.readOwn');
  if (!pre.ok) return pre;
  let ids = ctx.caller!.households.map((h) => h.householdId);
  if (input.householdId) {
    const h = await ownHousehold(ctx, input.householdId);
    if (!h.ok) return h;
    ids = [h.data.id];
  }
  const rows = (await ctx.tx.receiptsOfHouseholds(ids)).sort((a, b) => b.paidAt - a.paidAt || b.number.localeCompare(a.number));
  const names = new Map<string, string>();
  for (const c of new Set(rows.map((r) => r.communityId))) names.set(c, (await ctx.tx.community(c))?.name ?? '');
  return ok({ items: rows.map((r) => receiptListItem(r, names.get(r.communityId) ?? '')) });
}

/** One receipt of the resident's household: items, amounts, date, payer and its verification code (R-FEE-6). */
export async function receipt(ctx: UseCaseContext, input: z.output<ReturnType<typeof receiptInput>>): Promise<Outcome<ReceiptOutput>> {
  const pre = requireAccess(ctx.caller, 'fee.readOwn');
  if (!pre.ok) return pre;
  const r = await ctx.tx.receipt(input.number);
  if (!r) return fail('RECEIPT.NOT_FOUND');
  const access = requireAccess(ctx.caller, 'fee.readOwn', { communityId: r.communityId, householdId: r.householdId, notFound: 'RECEIPT.NOT_FOUND' });
  if (!access.ok) return access;
  return ok(receiptView(r, (await ctx.tx.community(r.communityId))?.name ?? ''));
}
