import type { z } from 'zod';
import { requireAccess } from '../../access/requireAccess';
import { ok, type Outcome } from '../../errors';
import type { RefundRow } from '../../ports/feeStore';
import type { refundsInput, RefundView } from '../../schemas/fee';
import { toIso } from '../../time';
import type { UseCaseContext } from '../context';
import { householdText, ownHousehold } from './views';

/** A refund's status in the resident's words (the provider's states stay in the back office). */
export function refundStatusText(status: RefundRow['status']): string {
  switch (status) {
    case 'pending':
    case 'processing':
      return '退款处理中，款项将原路退回您的微信支付账户';
    case 'succeeded':
      return '已退款，款项已原路退回';
    case 'failed':
      return '退款暂未成功，物业工作人员会尽快与您联系';
  }
}

/** The short word on the refund's chip. */
const LABEL: Record<RefundRow['status'], string> = { pending: '退款中', processing: '退款中', succeeded: '已退款', failed: '未成功' };

export function refundView(r: RefundRow, communityName: string): RefundView {
  return {
    outRefundNo: r.outRefundNo,
    household: householdText(communityName, r.householdId),
    amountFen: r.amountFen,
    reason: r.reason,
    status: r.status === 'pending' ? 'processing' : r.status,
    statusLabel: LABEL[r.status],
    statusText: refundStatusText(r.status),
    requestedAt: toIso(r.createdAt),
    succeededAt: r.succeededAt === null ? null : toIso(r.succeededAt),
  };
}

/**
 * A resident's refunds (R-REN-10: a renovation deposit returned, less deductions), newest first: of one
 * of their households, or of all of them; another household's → HOUSEHOLD.NOT_FOUND (404). Who decided
 * it and the provider's ids stay with staff; the resident reads which refund, how much, why and where it is.
 */
export async function refunds(ctx: UseCaseContext, input: z.output<ReturnType<typeof refundsInput>>): Promise<Outcome<{ items: RefundView[] }>> {
  const pre = requireAccess(ctx.caller, 'fee.readOwn');
  if (!pre.ok) return pre;
  let ids = ctx.caller!.households.map((h) => h.householdId);
  if (input.householdId) {
    const h = await ownHousehold(ctx, input.householdId);
    if (!h.ok) return h;
    ids = [h.data.id];
  }
  const rows: RefundRow[] = [];
  for (const id of ids) rows.push(...(await ctx.tx.refundsOfHousehold(id)));
  // A household the caller holds in one community only: rows of another community's same id never show.
  const mine = new Set(ctx.caller!.households.map((h) => `${h.communityId}|${h.householdId}`));
  const own = rows.filter((r) => mine.has(`${r.communityId}|${r.householdId}`)).sort((a, b) => b.createdAt - a.createdAt || b.outRefundNo.localeCompare(a.outRefundNo));
  const names = new Map<string, string>();
  for (const c of new Set(own.map((r) => r.communityId))) names.set(c, (await ctx.tx.community(c))?.name ?? '');
  return ok({ items: own.map((r) => refundView(r, names.get(r.communityId) ?? '')) });
}
