import { requireAccess } from '../../access/requireAccess';
import { fail, ok, type Outcome } from '../../errors';
import { lineLabel } from '../../domain/fees/bills';
import type { BillRow, PayOrderRow, ReceiptRow } from '../../ports/feeStore';
import type { HouseholdRow } from '../../ports/store';
import type { BillView, ReceiptListItem, ReceiptOutput } from '../../schemas/fee';
import { toIso } from '../../time';
import { roomLabel } from '../../vocabulary';
import type { UseCaseContext } from '../context';

/** Bills are shown oldest month first (what is owed longest comes first). */
export const byPeriod = (a: BillRow, b: BillRow) => a.period.localeCompare(b.period) || a.id.localeCompare(b.id);

/** An order this close to its time_expire is not resumed (WeChat's cashier would close under the resident). */
export const RESUME_MARGIN_MS = 60_000;

/**
 * 继续支付: the caller's own order, still pending and payable for more than a minute, may be opened again
 * (same out_trade_no, parameters signed anew; WeChat answers the same prepay_id). Another member of the
 * household's order is theirs to finish.
 */
export const resumableBy = (o: PayOrderRow, userId: string, now: number): boolean => o.status === 'pending' && o.expiresAt > now + RESUME_MARGIN_MS && o.payerUserId === userId;

/** What the bills page needs to offer 继续支付: the live orders holding the bills, and who is asking. */
export interface ResumeContext {
  userId: string;
  orders: Map<string, PayOrderRow>;
}

export function billView(b: BillRow, now: number, liveOrders: Set<string> = new Set(), resume?: ResumeContext): BillView {
  const holder = b.status === 'unpaid' && b.orderNo !== null && resume ? resume.orders.get(b.orderNo) : undefined;
  const canResume = !!holder && resumableBy(holder, resume!.userId, now);
  return {
    id: b.id,
    householdId: b.householdId,
    period: b.period,
    lines: b.lines.map((l) => ({ ...l, label: lineLabel(l.item) })),
    totalFen: b.totalFen,
    status: b.status,
    paying: b.status === 'unpaid' && b.orderNo !== null && liveOrders.has(b.orderNo),
    canResume,
    resumeBillIds: canResume ? holder!.billIds : [],
    paidAt: b.paidAt === null ? null : toIso(b.paidAt),
    receiptNumber: b.receiptNumber,
  };
}

/**
 * The household a resident acts on: one of their own (R-ACC-1); anything else — another household,
 * one that does not exist — is HOUSEHOLD.NOT_FOUND alike, so nothing tells them apart.
 */
export async function ownHousehold(ctx: UseCaseContext, householdId: string, permission: 'fee.readOwn' | 'fee.pay' = 'fee.readOwn'): Promise<Outcome<HouseholdRow>> {
  const pre = requireAccess(ctx.caller, permission);
  if (!pre.ok) return pre;
  const mine = ctx.caller!.households.find((h) => h.householdId === householdId);
  if (!mine) return fail('HOUSEHOLD.NOT_FOUND');
  const h = await ctx.tx.household(householdId);
  if (!h) return fail('HOUSEHOLD.NOT_FOUND');
  const access = requireAccess(ctx.caller, permission, { communityId: h.communityId, householdId: h.id, notFound: 'HOUSEHOLD.NOT_FOUND' });
  return access.ok ? ok(h) : access;
}

export const householdText = (communityName: string, householdId: string) => `${communityName} ${roomLabel(householdId)}`;

export function receiptListItem(r: ReceiptRow, communityName: string): ReceiptListItem {
  return { number: r.number, totalFen: r.totalFen, paidAt: toIso(r.paidAt), household: householdText(communityName, r.householdId), status: r.status };
}

/** What the receipt shows (R-FEE-6): number, household, items, amounts, date, payer, verification code. */
export function receiptView(r: ReceiptRow, communityName: string): ReceiptOutput {
  return {
    number: r.number,
    communityName,
    household: householdText(communityName, r.householdId),
    items: r.items.map((i) => ({ ...i, label: lineLabel(i.item) })),
    totalFen: r.totalFen,
    paidAt: toIso(r.paidAt),
    payer: r.payerName,
    code: r.code,
    status: r.status,
    voidReason: r.voidReason,
  };
}
