import { requireAccess } from '../../access/requireAccess';
import { fail, ok, type Outcome } from '../../errors';
import { overdueFrom } from '../../domain/fees/arrears';
import type { BillRow, ReceiptRow } from '../../ports/feeStore';
import type { HouseholdRow, OutboxMessage } from '../../ports/store';
import type { CashierReceipt } from '../../schemas/cashier';
import { toIso } from '../../time';
import { roomLabel } from '../../vocabulary';
import type { UseCaseContext } from '../context';

/**
 * A household the cashier acts on: one of a community where the caller is 收费员 or 经理; any other —
 * another community's, one that does not exist — is HOUSEHOLD.NOT_FOUND alike (nothing tells them apart).
 */
export async function cashierHousehold(ctx: UseCaseContext, householdId: string): Promise<Outcome<HouseholdRow>> {
  const pre = requireAccess(ctx.caller, 'cashier.bill');
  if (!pre.ok) return pre;
  const h = await ctx.tx.household(householdId);
  if (!h) return fail('HOUSEHOLD.NOT_FOUND');
  const access = requireAccess(ctx.caller, 'cashier.bill', { communityId: h.communityId, notFound: 'HOUSEHOLD.NOT_FOUND' });
  return access.ok ? ok(h) : access;
}

/** What a household owes in overdue bills (R-FEE-7): the sum, the months, and since when. */
export interface Owed {
  bills: BillRow[];
  owedFen: number;
  periods: string[];
  overdueSince: number;
}
export function owedOf(bills: BillRow[]): Owed {
  const sorted = [...bills].sort((a, b) => a.period.localeCompare(b.period) || a.id.localeCompare(b.id));
  const periods = [...new Set(sorted.map((b) => b.period))];
  return { bills: sorted, owedFen: sorted.reduce((s, b) => s + b.totalFen, 0), periods, overdueSince: periods.length ? overdueFrom(periods[0]) : 0 };
}

/** The household's residents whose binding is approved: who a reminder goes to. */
export async function boundResidents(ctx: Pick<UseCaseContext, 'tx'>, householdId: string): Promise<string[]> {
  const rows = await ctx.tx.bindingsOfHousehold(householdId);
  return [...new Set(rows.filter((b) => b.status === 'approved').map((b) => b.userId))].sort();
}

export const inboxMessage = (ctx: Pick<UseCaseContext, 'ids' | 'now'>, to: string, template: OutboxMessage['template'], data: Record<string, string>): OutboxMessage => ({
  id: ctx.ids.next('ob'),
  channel: 'inbox',
  to,
  template,
  data,
  createdAt: ctx.now,
});

/** Periods as the messages say them: 2026-10、2026-11. */
export const periodsText = (periods: string[]) => periods.join('、');

/** A receipt as the cashier's workbench shows it; `void` allowed while it is issued (R-FEE-6). */
export function cashierReceipt(r: ReceiptRow, names: Map<string, string>): CashierReceipt {
  return {
    number: r.number,
    householdId: r.householdId,
    room: roomLabel(r.householdId),
    totalFen: r.totalFen,
    paidAt: toIso(r.paidAt),
    payer: r.payerName,
    outTradeNo: r.outTradeNo,
    status: r.status,
    voidReason: r.voidReason,
    voidedBy: r.voidedBy === null ? null : (names.get(r.voidedBy) ?? ''),
    voidedAt: r.voidedAt === null ? null : toIso(r.voidedAt),
    allowed: { void: r.status === 'issued' },
  };
}

/** Names of staff by id (who voided, who took a step). */
export async function namesOf(ctx: Pick<UseCaseContext, 'tx'>, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  const users = wanted.length ? await ctx.tx.usersByIds(wanted) : [];
  return new Map(users.map((u) => [u.id, u.name]));
}
