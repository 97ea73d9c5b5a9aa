import type { Deps } from '../../ports/runtime';
import { settle } from './settle';

/** An order still unpaid this long after creation is asked about (the notification may be lost). */
export const RECONCILE_AFTER_MS = 5 * 60_000;
/** One order is asked about at most this often. */
export const RECHECK_MS = 60_000;
const BATCH = 50;

export interface ReconcileResult {
  checked: number;
  settled: number;
  closed: number;
}

/**
 * The reconciliation (R-FEE-5), run by the `sla` timer: orders still pending 5 minutes after creation
 * are queried at the provider (`GET /v3/pay/transactions/out-trade-no/…`); SUCCESS ones are settled
 * through the notification's own code path (`settle`); expired ones are closed at the provider and
 * here, and their bills freed for another payment. Provider calls happen outside the transactions.
 */
export async function reconcilePayments(deps: Deps, at?: number): Promise<ReconcileResult> {
  const payments = deps.payments;
  const out: ReconcileResult = { checked: 0, settled: 0, closed: 0 };
  if (!payments) return out;
  const now = at ?? deps.clock.now();
  const due = await deps.store.transaction((tx) => tx.pendingOrders(now - RECONCILE_AFTER_MS, now - RECHECK_MS, BATCH));
  for (const o of due) {
    out.checked++;
    try {
      const t = await payments.queryOrder(o.outTradeNo);
      if (t && t.tradeState === 'SUCCESS') {
        const r = await deps.store.transaction((tx) => settle({ tx, now: deps.clock.now(), ids: deps.ids, merchant: { mchid: payments.mchid, appid: payments.appid } }, t, 'query'));
        if (r.kind === 'settled') out.settled++;
        continue;
      }
      if (o.expiresAt <= now) {
        if (t) await payments.closeOrder(o.outTradeNo);
        const closed = await deps.store.transaction(async (tx) => {
          const cur = await tx.order(o.outTradeNo, { lock: true });
          if (!cur || cur.status !== 'pending') return false;
          await tx.updateOrder(o.outTradeNo, 'pending', { status: 'closed', checkedAt: now });
          await tx.holdBills(o.billIds, o.outTradeNo, null);
          return true;
        });
        if (closed) out.closed++;
        continue;
      }
      await deps.store.transaction((tx) => tx.updateOrder(o.outTradeNo, 'pending', { checkedAt: now }));
    } catch (e) {
      deps.log.error({ fn: 'sla', job: 'reconcile', outTradeNo: o.outTradeNo, err: e instanceof Error ? e.message : String(e) }, 'reconciliation of an order failed');
    }
  }
  if (out.settled) deps.afterCommit?.();
  return out;
}
