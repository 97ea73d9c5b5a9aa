/**
 * The payment provider: WeChat Pay API v3, JSAPI orders for the mini-program (R-FEE-5). Amounts are
 * integer fen and always come from the server's bills, never from the client. The adapter
 * (adapters/payments/wechatpay/) signs requests and checks answers with node:crypto; locally it talks
 * over real HTTP to the local platform's stand-in for WeChat Pay (local/wechatPay/).
 */

/** An order to create at the provider (`POST /v3/pay/transactions/jsapi`). */
export interface PaymentOrder {
  /** Unique per order, 6–32 characters of [0-9A-Za-z_-|*] (WeChat's out_trade_no). */
  outTradeNo: string;
  /** What the resident sees in WeChat's bill, at most 127 bytes (e.g. 示例花园 1-1-101 物业费 2026-10至2026-11). */
  description: string;
  totalFen: number;
  /** The payer's OPENID under this mini-program (from the platform, never the payload). */
  payerOpenid: string;
  /** When the order stops being payable (`time_expire`), ms. */
  expiresAt: number;
  /** Echoed back in the notification (`attach`, ≤ 128 bytes); optional. */
  attach?: string;
}

/** What `Taro.requestPayment` needs: paySign is RSA-SHA256 over `appId\ntimeStamp\nnonceStr\npackage\n`. */
export interface JsapiPayParams {
  appId: string;
  timeStamp: string;
  nonceStr: string;
  /** `prepay_id=…` */
  package: string;
  signType: 'RSA';
  paySign: string;
}

export type TradeState = 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR';

/** A transaction as the provider reports it: a decrypted notification resource or an order query's answer. */
export interface ProviderTransaction {
  mchid: string;
  appid: string;
  outTradeNo: string;
  /** WeChat's transaction_id (absent while NOTPAY). */
  transactionId?: string;
  tradeState: TradeState;
  /** amount.total, fen. */
  totalFen: number;
  /** amount.payer_total, fen, when reported. */
  payerTotalFen?: number;
  /** amount.currency ('CNY'). */
  currency: string;
  /** success_time as sent (RFC 3339 with offset), when paid. */
  successTime?: string;
  payerOpenid?: string;
  attach?: string;
}

/**
 * A notification after the adapter's checks: signature over `timestamp\nnonce\nbody\n` with the key the
 * `Wechatpay-Serial` header names (WeChat Pay public key `PUB_KEY_ID_…` or a platform certificate),
 * timestamp within 5 minutes of `now`, not a `WECHATPAY/SIGNTEST/` probe, AEAD_AES_256_GCM decrypted.
 * Refused ones say why (for the log; the answer to WeChat is a 4xx/5xx either way).
 */
export type NotificationCheck =
  | { ok: true; id: string; eventType: string; transaction: ProviderTransaction }
  | { ok: false; reason: 'malformed' | 'unknown_serial' | 'signature' | 'stale' | 'probe' | 'decrypt' };

/** The notification as it reaches the HTTP endpoint: header names lower-cased, the raw body unparsed. */
export interface RawNotification {
  headers: Record<string, string | undefined>;
  body: string;
}

/** A refund to ask of the provider (`POST /v3/refund/domestic/refunds`): the money goes back the way it came. */
export interface RefundRequest {
  /** The paid order (out_trade_no). */
  outTradeNo: string;
  /** Ours, 1–64 of [0-9A-Za-z_-|*@]; the same out_refund_no again refunds once (WeChat answers the same refund). */
  outRefundNo: string;
  /** Shown to the payer in WeChat's refund message (≤ 80 characters). */
  reason: string;
  /** amount.refund, fen. */
  refundFen: number;
  /** amount.total: what the order paid, fen. */
  totalFen: number;
}

/** SUCCESS: the money is back; PROCESSING: under way; CLOSED / ABNORMAL: it did not go through (staff act). */
export type RefundState = 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL';

/** A refund as the provider reports it (the create answer or a query). */
export interface ProviderRefund {
  outRefundNo: string;
  outTradeNo: string;
  /** WeChat's refund_id. */
  refundId: string;
  status: RefundState;
  /** amount.refund, fen. */
  refundFen: number;
  /** success_time as sent (RFC 3339 with offset), when SUCCESS. */
  successTime?: string;
}

export interface Payments {
  readonly mchid: string;
  readonly appid: string;
  /** Creates (or, for the same outTradeNo, re-creates: WeChat answers the same prepay_id) the order and signs the client's parameters. */
  createJsapiOrder(order: PaymentOrder): Promise<{ prepayId: string; params: JsapiPayParams }>;
  /** `GET /v3/pay/transactions/out-trade-no/{outTradeNo}?mchid=…`; undefined when the provider has no such order (ORDER_NOT_EXIST). */
  queryOrder(outTradeNo: string): Promise<ProviderTransaction | undefined>;
  /** `POST /v3/pay/transactions/out-trade-no/{outTradeNo}/close` (an expired or abandoned order). */
  closeOrder(outTradeNo: string): Promise<void>;
  /** `POST /v3/refund/domestic/refunds`: asks for a refund (or, for the same outRefundNo, answers the same refund). */
  refund(request: RefundRequest): Promise<ProviderRefund>;
  /** `GET /v3/refund/domestic/refunds/{outRefundNo}`; undefined when the provider has no such refund (RESOURCE_NOT_EXISTS). */
  queryRefund(outRefundNo: string): Promise<ProviderRefund | undefined>;
  /** Verifies and decrypts a notification at platform time `now` (ms). Never throws for bad input. */
  checkNotification(raw: RawNotification, now: number): NotificationCheck;
}
