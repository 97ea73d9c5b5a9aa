import type { KeyObject } from 'node:crypto';
import type { Clock } from '../../../core/ports/clock';
import type { PaymentOrder, Payments, ProviderRefund, ProviderTransaction, RefundRequest } from '../../../core/ports/payments';
import { isoAt } from '../../../core/shanghai';
import { jsapiPayParams } from './jsapiParams';
import { checkTransactionNotification } from './notification';
import { authorization, nonceStr, type MerchantSigner } from './sign';
import { toProviderTransaction } from './transaction';
import { OUT_REFUND_NO, toProviderRefund } from './refund';
import { checkSigned, type VerificationKeys } from './verifier';

export interface WechatPayConfig {
  mchid: string;
  appid: string;
  /** The merchant API certificate's serial number (`serial_no` of every request). */
  merchantSerial: string;
  merchantPrivateKey: KeyObject;
  /** The APIv3 key's bytes (32 in production). */
  apiV3Key: Buffer;
  keys: VerificationKeys;
  /** Where WeChat Pay sends the payment notification (`notify_url`). */
  notifyUrl: string;
  /** `https://api.mch.weixin.qq.com` (no trailing slash), or the local stand-in. */
  baseUrl: string;
  timeoutMs?: number;
}

/**
 * A call WeChat Pay refused or that could not be completed: `code` is WeChat's (`ORDERPAID`,
 * `SIGN_ERROR`…) or ours (`NETWORK`, `ANSWER_SIGNATURE`, `ANSWER_MALFORMED`). The message carries no
 * key, no signature and no body beyond WeChat's own error message.
 */
export class WechatPayError extends Error {
  override name = 'WechatPayError';
  constructor(
    readonly code: string,
    readonly status: number | null,
    message: string,
  ) {
    super(message);
  }
}

const OUT_TRADE_NO = /^[0-9A-Za-z_\-|*]{6,32}$/;

/**
 * The Payments port over WeChat Pay API v3 (JSAPI, direct merchant), with node's fetch and node:crypto:
 * every request signed with the merchant key, every 2xx answer's signature verified (other answers when
 * they carry one) with the key its `Wechatpay-Serial` names, timestamps within 5 minutes.
 */
export function wechatPayments(config: WechatPayConfig, clock: Clock): Payments {
  const signer: MerchantSigner = { mchid: config.mchid, serial: config.merchantSerial, privateKey: config.merchantPrivateKey };
  const timeoutMs = config.timeoutMs ?? 10_000;

  async function call(method: 'GET' | 'POST', pathAndQuery: string, body?: object): Promise<{ status: number; json: Record<string, unknown> | null }> {
    const text = body ? JSON.stringify(body) : '';
    const auth = authorization(signer, method, pathAndQuery, text, Math.floor(clock.now() / 1000), nonceStr());
    let res: Response;
    let raw: string;
    try {
      res = await fetch(config.baseUrl + pathAndQuery, {
        method,
        headers: { authorization: auth, accept: 'application/json', 'user-agent': 'wuye-wechatpay/1 (node)', ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: text } : {}),
        signal: AbortSignal.timeout(timeoutMs),
      });
      raw = await res.text();
    } catch (e) {
      throw new WechatPayError('NETWORK', null, `WeChat Pay unreachable: ${e instanceof Error ? e.name : 'error'}`);
    }
    const headers: Record<string, string> = {};
    res.headers.forEach((v, k) => (headers[k.toLowerCase()] = v));
    const ok = res.status >= 200 && res.status < 300;
    if (ok || headers['wechatpay-signature']) {
      const signed = checkSigned(config.keys, headers, raw, clock.now());
      if (!signed.ok) throw new WechatPayError('ANSWER_SIGNATURE', res.status, `WeChat Pay answer refused: ${signed.reason}`);
    }
    let json: Record<string, unknown> | null = null;
    if (raw) {
      try {
        const v: unknown = JSON.parse(raw);
        json = v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
      } catch {
        json = null;
      }
    }
    return { status: res.status, json };
  }

  const failure = (what: string, status: number, json: Record<string, unknown> | null) => {
    const code = typeof json?.code === 'string' ? json.code : 'HTTP_' + status;
    const message = typeof json?.message === 'string' ? json.message.slice(0, 200) : '';
    return new WechatPayError(code, status, `${what}: ${status} ${code}${message ? ` ${message}` : ''}`);
  };

  const orderPath = (outTradeNo: string) => {
    if (!OUT_TRADE_NO.test(outTradeNo)) throw new WechatPayError('OUT_TRADE_NO', null, 'out_trade_no must be 6–32 of [0-9A-Za-z_-|*]');
    return `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}`;
  };

  const refundAnswer = (what: string, status: number, json: Record<string, unknown> | null, outRefundNo: string): ProviderRefund => {
    const r = toProviderRefund(json);
    if (!r) throw new WechatPayError('ANSWER_MALFORMED', status, `${what}: the answer is not a refund`);
    if (r.outRefundNo !== outRefundNo) throw new WechatPayError('ANSWER_MALFORMED', status, `${what}: the answer names another refund`);
    return r;
  };

  return {
    mchid: config.mchid,
    appid: config.appid,

    async createJsapiOrder(order: PaymentOrder) {
      orderPath(order.outTradeNo);
      if (!Number.isSafeInteger(order.totalFen) || order.totalFen < 1) throw new WechatPayError('AMOUNT', null, 'amount.total must be a positive integer (fen)');
      const body = {
        appid: config.appid,
        mchid: config.mchid,
        description: order.description,
        out_trade_no: order.outTradeNo,
        time_expire: isoAt(order.expiresAt),
        ...(order.attach ? { attach: order.attach } : {}),
        notify_url: config.notifyUrl,
        amount: { total: order.totalFen, currency: 'CNY' },
        payer: { openid: order.payerOpenid },
      };
      const { status, json } = await call('POST', '/v3/pay/transactions/jsapi', body);
      const prepayId = json?.prepay_id;
      if (status !== 200) throw failure('JSAPI order', status, json);
      if (typeof prepayId !== 'string' || !prepayId) throw new WechatPayError('ANSWER_MALFORMED', status, 'JSAPI order: no prepay_id in the answer');
      const params = jsapiPayParams(config.appid, prepayId, config.merchantPrivateKey, Math.floor(clock.now() / 1000), nonceStr());
      return { prepayId, params };
    },

    async queryOrder(outTradeNo: string): Promise<ProviderTransaction | undefined> {
      const { status, json } = await call('GET', `${orderPath(outTradeNo)}?mchid=${encodeURIComponent(config.mchid)}`);
      if (status === 404 && json?.code === 'ORDER_NOT_EXIST') return undefined;
      if (status !== 200) throw failure('order query', status, json);
      const t = toProviderTransaction(json);
      if (!t) throw new WechatPayError('ANSWER_MALFORMED', status, 'order query: the answer is not a transaction');
      if (t.outTradeNo !== outTradeNo || t.mchid !== config.mchid) throw new WechatPayError('ANSWER_MALFORMED', status, 'order query: the answer names another order');
      return t;
    },

    async closeOrder(outTradeNo: string) {
      const { status, json } = await call('POST', `${orderPath(outTradeNo)}/close`, { mchid: config.mchid });
      if (status !== 204 && status !== 200) throw failure('close order', status, json);
    },

    async refund(r: RefundRequest): Promise<ProviderRefund> {
      orderPath(r.outTradeNo);
      if (!OUT_REFUND_NO.test(r.outRefundNo)) throw new WechatPayError('OUT_REFUND_NO', null, 'out_refund_no must be 1–64 of [0-9A-Za-z_-|*@]');
      if (!Number.isSafeInteger(r.refundFen) || r.refundFen < 1 || !Number.isSafeInteger(r.totalFen) || r.refundFen > r.totalFen) {
        throw new WechatPayError('AMOUNT', null, 'amount.refund must be a positive integer (fen), at most amount.total');
      }
      const body = {
        out_trade_no: r.outTradeNo,
        out_refund_no: r.outRefundNo,
        ...(r.reason ? { reason: [...r.reason].slice(0, 80).join('') } : {}),
        amount: { refund: r.refundFen, total: r.totalFen, currency: 'CNY' },
      };
      const { status, json } = await call('POST', '/v3/refund/domestic/refunds', body);
      if (status !== 200) throw failure('refund', status, json);
      return refundAnswer('refund', status, json, r.outRefundNo);
    },

    async queryRefund(outRefundNo: string): Promise<ProviderRefund | undefined> {
      if (!OUT_REFUND_NO.test(outRefundNo)) throw new WechatPayError('OUT_REFUND_NO', null, 'out_refund_no must be 1–64 of [0-9A-Za-z_-|*@]');
      const { status, json } = await call('GET', `/v3/refund/domestic/refunds/${encodeURIComponent(outRefundNo)}`);
      if (status === 404 && json?.code === 'RESOURCE_NOT_EXISTS') return undefined;
      if (status !== 200) throw failure('refund query', status, json);
      return refundAnswer('refund query', status, json, outRefundNo);
    },

    checkNotification(raw, now) {
      try {
        return checkTransactionNotification(raw, now, config.keys, config.apiV3Key);
      } catch {
        return { ok: false, reason: 'malformed' };
      }
    },
  };
}
