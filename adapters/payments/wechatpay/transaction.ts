import { z } from 'zod';
import { lazy } from '../../../core/schemas/lazy';
import type { ProviderTransaction } from '../../../core/ports/payments';

const TRADE_STATES = ['SUCCESS', 'REFUND', 'NOTPAY', 'CLOSED', 'REVOKED', 'USERPAYING', 'PAYERROR'] as const;
const fen = lazy(() => z.number().int().min(0).max(Number.MAX_SAFE_INTEGER));
/** '' counts as absent (WeChat leaves some fields empty rather than out). */
const optionalText = lazy(() =>
  z
    .string()
    .optional()
    .transform((s) => (s ? s : undefined)),
);

/**
 * A transaction as WeChat Pay writes it: the decrypted resource of a TRANSACTION.* notification, or the
 * answer of `GET /v3/pay/transactions/out-trade-no/{no}`. Fields we do not use (trade_type, bank_type,
 * promotion_detail…) are ignored.
 */
export const transactionJson = lazy(() => z.object({
  mchid: z.string().min(1),
  appid: z.string().min(1),
  out_trade_no: z.string().min(1),
  transaction_id: optionalText(),
  trade_state: z.enum(TRADE_STATES),
  amount: z.object({ total: fen(), payer_total: fen().optional(), currency: z.string().min(1) }),
  success_time: optionalText(),
  payer: z.object({ openid: optionalText() }).optional(),
  attach: optionalText(),
}));

/** The port's shape of a transaction, or null when the JSON is not one. */
export function toProviderTransaction(value: unknown): ProviderTransaction | null {
  const parsed = transactionJson().safeParse(value);
  if (!parsed.success) return null;
  const t = parsed.data;
  const out: ProviderTransaction = { mchid: t.mchid, appid: t.appid, outTradeNo: t.out_trade_no, tradeState: t.trade_state, totalFen: t.amount.total, currency: t.amount.currency };
  if (t.transaction_id) out.transactionId = t.transaction_id;
  if (t.amount.payer_total !== undefined) out.payerTotalFen = t.amount.payer_total;
  if (t.success_time) out.successTime = t.success_time;
  if (t.payer?.openid) out.payerOpenid = t.payer.openid;
  if (t.attach) out.attach = t.attach;
  return out;
}
