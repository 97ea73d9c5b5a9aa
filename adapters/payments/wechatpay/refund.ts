import { z } from 'zod';
import { lazy } from '../../../core/schemas/lazy';
import type { ProviderRefund } from '../../../core/ports/payments';

const fen = lazy(() => z.number().int().min(0).max(Number.MAX_SAFE_INTEGER));

/** WeChat's out_refund_no: 1–64 of digits, letters and `_-|*@`. */
export const OUT_REFUND_NO = /^[0-9A-Za-z_\-|*@]{1,64}$/;

/**
 * A refund as WeChat Pay writes it (`POST /v3/refund/domestic/refunds`'s answer and
 * `GET /v3/refund/domestic/refunds/{out_refund_no}`): refund_id, out_refund_no, out_trade_no, status,
 * amount { total, refund, payer_total, payer_refund, currency }, success_time when SUCCESS. Fields we do
 * not use (channel, user_received_account, funds_account, promotion_detail…) are ignored.
 */
export const refundJson = lazy(() => z.object({
  refund_id: z.string().min(1),
  out_refund_no: z.string().min(1),
  out_trade_no: z.string().min(1),
  transaction_id: z.string().optional(),
  status: z.enum(['SUCCESS', 'CLOSED', 'PROCESSING', 'ABNORMAL']),
  success_time: z.string().optional(),
  create_time: z.string().optional(),
  amount: z.object({ total: fen(), refund: fen(), currency: z.string().min(1) }),
}));

/** The port's shape of a refund, or null when the JSON is not one. */
export function toProviderRefund(value: unknown): ProviderRefund | null {
  const parsed = refundJson().safeParse(value);
  if (!parsed.success) return null;
  const r = parsed.data;
  return { outRefundNo: r.out_refund_no, outTradeNo: r.out_trade_no, refundId: r.refund_id, status: r.status, refundFen: r.amount.refund, ...(r.success_time ? { successTime: r.success_time } : {}) };
}
