import type { z } from 'zod';
import { ok, type Outcome } from '../../errors';
import type { BillRow, PayOrderRow } from '../../ports/feeStore';
import type { Tx } from '../../ports/store';
import type { billsInput, BillView } from '../../schemas/fee';
import type { UseCaseContext } from '../context';
import { billView, byPeriod, ownHousehold } from './views';

/** Orders still payable (pending, not expired) among those holding these bills, by out_trade_no. */
export async function liveOrders(tx: Tx, bills: BillRow[], now: number): Promise<Map<string, PayOrderRow>> {
  const live = new Map<string, PayOrderRow>();
  for (const no of new Set(bills.filter((b) => b.status === 'unpaid' && b.orderNo).map((b) => b.orderNo!))) {
    const o = await tx.order(no);
    if (o && o.status === 'pending' && o.expiresAt > now) live.set(no, o);
  }
  return live;
}

/** Orders still payable (pending, not expired) among those holding these bills. */
export async function liveOrdersOf(tx: Tx, bills: BillRow[], now: number): Promise<Set<string>> {
  return new Set((await liveOrders(tx, bills, now)).keys());
}

/** A resident's household bills by month (R-FEE-1): unpaid and paid, oldest first; another household's → 404. */
export async function bills(ctx: UseCaseContext, input: z.output<ReturnType<typeof billsInput>>): Promise<Outcome<{ items: BillView[]; unpaidFen: number }>> {
  const h = await ownHousehold(ctx, input.householdId);
  if (!h.ok) return h;
  const rows = (await ctx.tx.billsOfHousehold(h.data.id)).sort(byPeriod);
  const orders = await liveOrders(ctx.tx, rows, ctx.now);
  const live = new Set(orders.keys());
  const items = rows.filter((b) => !input.status || b.status === input.status).map((b) => billView(b, ctx.now, live, { userId: ctx.caller!.userId, orders }));
  const unpaidFen = rows.filter((b) => b.status === 'unpaid').reduce((t, b) => t + b.totalFen, 0);
  return ok({ items, unpaidFen });
}
