import type { ServerResponse } from 'node:http';
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { isoAt } from '../../core/shanghai';
import { answer, type SandboxContext } from './answer';
import type { SandboxRefund } from './orders';

/** `POST /local/wxpay/v3/refund/domestic/refunds`'s body as WeChat Pay reads it. */
const refundRequest = z.object({
  transaction_id: z.string().optional(),
  out_trade_no: z.string().regex(/^[0-9A-Za-z_\-|*]{6,32}$/),
  out_refund_no: z.string().regex(/^[0-9A-Za-z_\-|*@]{1,64}$/),
  reason: z.string().max(80).optional(),
  notify_url: z.url({ protocol: /^https?$/ }).optional(),
  funds_account: z.string().optional(),
  amount: z.object({ refund: z.number().int().min(1), total: z.number().int().min(1), currency: z.literal('CNY') }),
});

const error = (code: string, message: string) => ({ code, message });

/** A refund as `GET /v3/refund/domestic/refunds/{no}` and the create call show it. */
export function refundOf(r: SandboxRefund) {
  return {
    refund_id: r.refund_id,
    out_refund_no: r.out_refund_no,
    transaction_id: r.transaction_id,
    out_trade_no: r.out_trade_no,
    channel: 'ORIGINAL',
    user_received_account: '支付用户零钱',
    ...(r.success_time ? { success_time: r.success_time } : {}),
    create_time: r.create_time,
    status: r.status,
    funds_account: 'AVAILABLE',
    amount: { total: r.amount.total, refund: r.amount.refund, payer_total: r.amount.total, payer_refund: r.amount.refund, settlement_refund: r.amount.refund, settlement_total: r.amount.total, discount_refund: 0, currency: 'CNY' },
    promotion_detail: [],
  };
}

/** What an order still holds: paid less its refunds that did not fail (CLOSED and ABNORMAL ones gave the money back to the order). */
const refundable = (ctx: SandboxContext, outTradeNo: string, total: number) =>
  total - ctx.orders.refundsOf(outTradeNo).filter((r) => r.status === 'SUCCESS' || r.status === 'PROCESSING').reduce((s, r) => s + r.amount.refund, 0);

/**
 * WeChat Pay's refund request, played locally: only a paid order is refunded, `amount.total` must be
 * what it paid, the refund never more than it still holds after earlier refunds; the same out_refund_no
 * again answers the same refund (never a second one). A new refund starts PROCESSING, and is SUCCESS
 * the first time it is queried (the money reaches the payer's 零钱) unless an outcome was set through
 * `POST /local/pay/refund` (tests play ABNORMAL and CLOSED with it).
 */
export function createRefund(ctx: SandboxContext, res: ServerResponse, body: string, now: number) {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return answer(ctx, res, 400, error('PARAM_ERROR', '请求体不是有效的 JSON'));
  }
  const parsed = refundRequest.safeParse(json);
  if (!parsed.success) return answer(ctx, res, 400, error('PARAM_ERROR', `参数错误：${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`));
  const q = parsed.data;
  const existing = ctx.orders.refund(q.out_refund_no);
  if (existing) {
    const same = existing.out_trade_no === q.out_trade_no && existing.amount.refund === q.amount.refund && existing.amount.total === q.amount.total;
    if (!same) return answer(ctx, res, 400, error('INVALID_REQUEST', '退款单号重复，且与原退款请求参数不一致'));
    return answer(ctx, res, 200, refundOf(existing));
  }
  const order = ctx.orders.get(q.out_trade_no);
  if (!order) return answer(ctx, res, 404, error('RESOURCE_NOT_EXISTS', '订单不存在'));
  if (order.trade_state !== 'SUCCESS') return answer(ctx, res, 400, error('INVALID_REQUEST', '订单未支付，不能退款'));
  if (q.amount.total !== order.amount.total) return answer(ctx, res, 400, error('PARAM_ERROR', '订单金额与原订单不一致'));
  if (q.amount.refund > refundable(ctx, q.out_trade_no, order.amount.total)) return answer(ctx, res, 400, error('INVALID_REQUEST', '申请退款金额超过订单可退金额'));
  const refund: SandboxRefund = {
    refund_id: `50${Array.from({ length: 27 }, () => randomInt(10)).join('')}`,
    out_refund_no: q.out_refund_no,
    out_trade_no: q.out_trade_no,
    transaction_id: order.transaction_id ?? '',
    ...(q.reason ? { reason: q.reason } : {}),
    status: 'PROCESSING',
    amount: { total: q.amount.total, refund: q.amount.refund, currency: 'CNY' },
    create_time: isoAt(now),
    createdAt: now,
  };
  ctx.orders.putRefund(refund);
  return answer(ctx, res, 200, refundOf(refund));
}

/** `GET …/refunds/{no}`: a PROCESSING refund has gone through by the time anyone asks. */
export function queryRefund(ctx: SandboxContext, res: ServerResponse, outRefundNo: string, now: number) {
  const r = ctx.orders.refund(outRefundNo);
  if (!r) return answer(ctx, res, 404, error('RESOURCE_NOT_EXISTS', '退款单不存在'));
  if (r.status === 'PROCESSING') {
    const done: SandboxRefund = { ...r, status: 'SUCCESS', success_time: isoAt(now) };
    ctx.orders.putRefund(done);
    return answer(ctx, res, 200, refundOf(done));
  }
  return answer(ctx, res, 200, refundOf(r));
}

/** `POST /local/pay/refund {"outRefundNo","status"}`: the stand-in's back office decides a refund's outcome (tests). */
export function setRefundOutcome(ctx: SandboxContext, outRefundNo: string, status: SandboxRefund['status'], now: number): SandboxRefund | undefined {
  const r = ctx.orders.refund(outRefundNo);
  if (!r) return undefined;
  const next: SandboxRefund = { ...r, status, ...(status === 'SUCCESS' ? { success_time: isoAt(now) } : {}) };
  ctx.orders.putRefund(next);
  return next;
}
