import { fenToYuan } from '../../money';
import type { RefundRow } from '../../ports/feeStore';
import type { ProviderRefund, RefundRequest } from '../../ports/payments';
import type { Deps } from '../../ports/runtime';
import type { OutboxMessage, Tx } from '../../ports/store';
import type { IdSource } from '../../ports/clock';
import { parseIso } from '../../time';

/** One refund is asked about at most this often (a PROCESSING one until the money is back). */
export const REFUND_RECHECK_MS = 60_000;
const BATCH = 50;

export interface RefundDeliveryResult {
  /** Refunds the provider was asked about this tick. */
  asked: number;
  succeeded: number;
  failed: number;
}

/**
 * WeChat's refusals that asking again will not change (the refund is wrong, not the moment): the refund
 * fails and staff hear of it. Anything else — no answer, 5xx, SYSTEM_ERROR, FREQUENCY_LIMITED,
 * NOT_ENOUGH (the merchant's balance, topped up by staff) — is asked again on a later tick.
 */
function refusal(e: unknown): string | null {
  const { code, status } = (e ?? {}) as { code?: unknown; status?: unknown };
  if (typeof code !== 'string' || typeof status !== 'number') return null;
  if (status < 400 || status >= 500 || status === 429) return null;
  if (code === 'NOT_ENOUGH' || code === 'FREQUENCY_LIMITED' || code === 'SYSTEM_ERROR' || code === 'SIGN_ERROR') return null;
  return code;
}

/**
 * The refund job (R-REN-10, R-FEE-5), run by the `sla` timer after the reconciliation: every refund
 * decided and committed (requestRefund, status 'pending') is asked of WeChat Pay
 * (`POST /v3/refund/domestic/refunds`, idempotent on out_refund_no: a crash after the provider heard of
 * it but before we wrote its answer asks again and gets the same refund); a 'processing' one is queried
 * (`GET …/refunds/{out_refund_no}`) until it ends. SUCCESS: 'succeeded' with the provider's success
 * time (the cashier's day book reads it), and the payer is told once — which refund, how much, why;
 * CLOSED / ABNORMAL or a refusal: 'failed', and the community's 收费员 and 经理 are alerted. Provider
 * calls happen outside the transactions; each outcome is written under the refund's lock, from the
 * status it was read in, so two sweeps at once record it once.
 */
export async function deliverRefunds(deps: Deps, at?: number): Promise<RefundDeliveryResult> {
  const payments = deps.payments;
  const out: RefundDeliveryResult = { asked: 0, succeeded: 0, failed: 0 };
  if (!payments) return out;
  const now = at ?? deps.clock.now();
  const due = await deps.store.transaction((tx) => tx.refundsDue(now - REFUND_RECHECK_MS, BATCH));
  for (const r of due) {
    out.asked++;
    try {
      const order = await deps.store.transaction((tx) => tx.order(r.outTradeNo));
      if (!order) throw new Error(`refund ${r.outRefundNo}: order ${r.outTradeNo} not found`);
      const request: RefundRequest = { outTradeNo: r.outTradeNo, outRefundNo: r.outRefundNo, reason: r.reason, refundFen: r.amountFen, totalFen: order.totalFen };
      let answer: ProviderRefund | undefined;
      try {
        // Pending: never asked, or asked without its answer written (a crash): the same out_refund_no again.
        // Processing: queried; one the provider does not know (never reached it) is asked for again.
        answer = r.status === 'processing' ? await payments.queryRefund(r.outRefundNo) : undefined;
        answer ??= await payments.refund(request);
      } catch (e) {
        const code = refusal(e);
        if (code === null) throw e;
        const failed = await deps.store.transaction((tx) => record(tx, deps.ids, now, deps.clock.now(), r, { kind: 'refused', code }));
        if (failed === 'failed') out.failed++;
        continue;
      }
      if (answer.refundFen !== r.amountFen || answer.outTradeNo !== r.outTradeNo) throw new Error(`refund ${r.outRefundNo}: the provider reports ${answer.refundFen} fen of ${answer.outTradeNo}`);
      const moved = await deps.store.transaction((tx) => record(tx, deps.ids, now, deps.clock.now(), r, { kind: 'answer', refund: answer }));
      if (moved === 'succeeded') out.succeeded++;
      if (moved === 'failed') out.failed++;
    } catch (e) {
      deps.log.error({ fn: 'sla', job: 'refunds', outRefundNo: r.outRefundNo, err: e instanceof Error ? e.message : String(e) }, 'refund delivery failed');
      await deps.store.transaction((tx) => tx.updateRefund(r.outRefundNo, r.status, { checkedAt: now })).catch(() => undefined);
    }
  }
  if (out.succeeded || out.failed) deps.afterCommit?.();
  return out;
}

type Outcome = { kind: 'answer'; refund: ProviderRefund } | { kind: 'refused'; code: string };

/**
 * Writes what the provider said, once: answers the status the refund moved to (null: unchanged or moved
 * by another sweep). `now`: the sweep's tick (when it was asked); `sentAt`: the platform's time of the messages.
 */
async function record(tx: Tx, ids: IdSource, now: number, sentAt: number, seen: RefundRow, o: Outcome): Promise<RefundRow['status'] | null> {
  const cur = await tx.refund(seen.outRefundNo, { lock: true });
  if (!cur || cur.status === 'succeeded' || cur.status === 'failed') return null;
  const refundId = o.kind === 'answer' ? o.refund.refundId : cur.refundId;
  if (o.kind === 'answer' && o.refund.status === 'SUCCESS') {
    const t = o.refund.successTime ? parseIso(o.refund.successTime) : NaN;
    const succeededAt = Number.isFinite(t) ? t : now;
    if (!(await tx.updateRefund(cur.outRefundNo, cur.status, { status: 'succeeded', refundId, succeededAt, checkedAt: now }))) return null;
    const order = await tx.order(cur.outTradeNo);
    const to = order?.payerUserId;
    if (to) await tx.enqueue([message(ids, sentAt, to, 'fee.refunded', dataOf(cur))]);
    return 'succeeded';
  }
  if (o.kind === 'answer' && o.refund.status === 'PROCESSING') {
    await tx.updateRefund(cur.outRefundNo, cur.status, { status: 'processing', refundId, checkedAt: now });
    return cur.status === 'processing' ? null : 'processing';
  }
  const why = o.kind === 'answer' ? o.refund.status : o.code;
  if (!(await tx.updateRefund(cur.outRefundNo, cur.status, { status: 'failed', refundId, checkedAt: now }))) return null;
  const staff = (await tx.staffOfCommunity(cur.communityId)).filter((s) => s.role === 'cashier' || s.role === 'manager');
  const to = [...new Set(staff.map((s) => s.userId))];
  if (to.length) await tx.enqueue(to.map((u) => message(ids, sentAt, u, 'fee.refundFailed', { ...dataOf(cur), provider: why })));
  return 'failed';
}

const dataOf = (r: RefundRow): Record<string, string> => ({ householdId: r.householdId, outRefundNo: r.outRefundNo, outTradeNo: r.outTradeNo, amount: fenToYuan(r.amountFen), reason: r.reason });

const message = (ids: IdSource, now: number, to: string, template: OutboxMessage['template'], data: Record<string, string>): OutboxMessage => ({ id: ids.next('ob'), channel: 'inbox', to, template, data, createdAt: now });
