/**
 * The Payments port for the fee suites that drive the money path in-process (no HTTP to the stand-in):
 * WeChat Pay API v3's real crypto with the local stand-in's RSA keys (local/wechatPay/keys.ts
 * loadSandboxKeys): notifications are AEAD_AES_256_GCM encrypted with the APIv3 key and RSA-SHA256 signed
 * with WeChat Pay's key under its `PUB_KEY_ID_…`, and checked by the adapter's own
 * checkTransactionNotification; the client's paySign is the adapter's jsapiPayParams. Orders and refunds
 * live in memory, with the stand-in's rules (a refund never more than the order still holds; the same
 * out_refund_no again is the same refund). The keys are generated once per machine into
 * `$TMPDIR/wuye-test-wxpay` (WUYE_TEST_WXPAY_DIR overrides), so the suites — and the race and crash
 * suites' child processes — share them and stay fast.
 */
import os from 'node:os';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { isoAt } from '../../core/shanghai';
import type { NotificationCheck, Payments, PaymentOrder, ProviderRefund, ProviderTransaction, RawNotification, RefundState, TradeState } from '../../core/ports/payments';
import { loadSandboxKeys, SANDBOX_APPID, SANDBOX_MCHID, type SandboxKeys } from '../../local/wechatPay/keys';
import { checkTransactionNotification } from '../../adapters/payments/wechatpay/notification';
import { verificationKeys, type VerificationKeys } from '../../adapters/payments/wechatpay/verifier';
import { encryptedNotification } from '../../adapters/payments/wechatpay/wechatSide';
import { jsapiPayParams } from '../../adapters/payments/wechatpay/jsapiParams';
import { nonceStr } from '../../adapters/payments/wechatpay/sign';

export const TEST_MCHID = SANDBOX_MCHID;
export const TEST_APPID = SANDBOX_APPID;

let cached: { keys: SandboxKeys; verify: VerificationKeys } | null = null;
/** The shared test keys (the stand-in's format), generated on first use. */
export function testKeys(): { keys: SandboxKeys; verify: VerificationKeys } {
  if (cached) return cached;
  const dir = process.env.WUYE_TEST_WXPAY_DIR ?? path.join(os.tmpdir(), 'wuye-test-wxpay');
  const keys = loadSandboxKeys(dir);
  cached = { keys, verify: verificationKeys({ publicKeys: [{ id: keys.publicKeyId, pem: keys.wechatPublicKeyPem }] }) };
  return cached;
}

/** A refund the in-memory provider holds. */
export interface TestRefund {
  outRefundNo: string;
  outTradeNo: string;
  refundId: string;
  refundFen: number;
  totalFen: number;
  status: RefundState;
  successTime?: string;
}

export interface TestPayments extends Payments {
  /** Orders the provider holds: what createJsapiOrder made, with their state. */
  orders: Map<string, PaymentOrder & { state: TradeState; transactionId?: string; successTime?: string }>;
  refunds: Map<string, TestRefund>;
  /** Calls the provider received, by kind (refund requests counted, queries counted). */
  calls: { refund: number; queryRefund: number };
  /** The resident pays: the provider marks the order SUCCESS (what the notification and queries then report). */
  pay(outTradeNo: string, at?: number): ProviderTransaction;
  /** A notification of a transaction as WeChat Pay sends it (signed, encrypted) at `at` (ms). */
  notification(t: ProviderTransaction, at: number, opts?: { forge?: boolean; serial?: string }): RawNotification;
  /** The provider's back office ends a refund (SUCCESS, CLOSED, ABNORMAL) before anyone asks. */
  refundOutcome(outRefundNo: string, status: RefundState, at?: number): void;
}

/**
 * A payment notification as WeChat Pay sends it. `forge`: signed with another key (the merchant's, which
 * WeChat never uses): the signature check must refuse it.
 */
export function notificationOf(t: ProviderTransaction, at: number, opts: { forge?: boolean; serial?: string } = {}): RawNotification {
  const { keys } = testKeys();
  const resource = {
    mchid: t.mchid,
    appid: t.appid,
    out_trade_no: t.outTradeNo,
    ...(t.transactionId ? { transaction_id: t.transactionId } : {}),
    trade_type: 'JSAPI',
    trade_state: t.tradeState,
    trade_state_desc: t.tradeState === 'SUCCESS' ? '支付成功' : '未支付',
    bank_type: 'OTHERS',
    ...(t.successTime ? { success_time: t.successTime } : {}),
    amount: { total: t.totalFen, payer_total: t.payerTotalFen ?? t.totalFen, currency: t.currency, payer_currency: t.currency },
    payer: { openid: t.payerOpenid ?? '' },
  };
  const signer = { privateKey: opts.forge ? keys.merchantPrivateKey : keys.wechatPrivateKey, serial: opts.serial ?? keys.publicKeyId };
  return encryptedNotification(signer, keys.apiV3Key, { resource, eventType: t.tradeState === 'SUCCESS' ? 'TRANSACTION.SUCCESS' : 'TRANSACTION.OTHER' }, at);
}

/** The adapter's own check (RSA signature by serial, 5-minute window, SIGNTEST probes, AES-256-GCM). */
export function checkNotificationOf(raw: RawNotification, now: number): NotificationCheck {
  const { keys, verify } = testKeys();
  try {
    return checkTransactionNotification(raw, now, verify, keys.apiV3Key);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
}

/** A refusal as the adapter throws it (WechatPayError's shape: WeChat's code and HTTP status). */
class Refused extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
  ) {
    super(`refund: ${status} ${code}`);
  }
}

export function testPayments(): TestPayments {
  const { keys } = testKeys();
  const orders: TestPayments['orders'] = new Map();
  const refunds: TestPayments['refunds'] = new Map();
  const calls = { refund: 0, queryRefund: 0 };
  const txn = (o: PaymentOrder & { state: TradeState; transactionId?: string; successTime?: string }): ProviderTransaction => ({
    mchid: keys.mchid,
    appid: keys.appid,
    outTradeNo: o.outTradeNo,
    transactionId: o.transactionId,
    tradeState: o.state,
    totalFen: o.totalFen,
    currency: 'CNY',
    successTime: o.successTime,
    payerOpenid: o.payerOpenid,
  });
  const view = (r: TestRefund): ProviderRefund => ({ outRefundNo: r.outRefundNo, outTradeNo: r.outTradeNo, refundId: r.refundId, status: r.status, refundFen: r.refundFen, ...(r.successTime ? { successTime: r.successTime } : {}) });
  return {
    mchid: keys.mchid,
    appid: keys.appid,
    orders,
    refunds,
    calls,
    async createJsapiOrder(order) {
      const cur = orders.get(order.outTradeNo) ?? { ...order, state: 'NOTPAY' as TradeState };
      if (cur.state === 'SUCCESS') throw new Refused('ORDERPAID', 400);
      if (cur.state === 'CLOSED') throw new Refused('ORDER_CLOSED', 400);
      orders.set(order.outTradeNo, cur);
      const prepay = `wx${createHash('sha256').update(order.outTradeNo).digest('hex').slice(0, 34)}`;
      return { prepayId: prepay, params: jsapiPayParams(keys.appid, prepay, keys.merchantPrivateKey, Math.floor(Date.now() / 1000), nonceStr()) };
    },
    async queryOrder(no) {
      const o = orders.get(no);
      return o && txn(o);
    },
    async closeOrder(no) {
      const o = orders.get(no);
      if (o && o.state === 'NOTPAY') o.state = 'CLOSED';
    },
    async refund(q) {
      calls.refund++;
      const before = refunds.get(q.outRefundNo);
      if (before) {
        if (before.outTradeNo !== q.outTradeNo || before.refundFen !== q.refundFen) throw new Refused('INVALID_REQUEST', 400);
        return view(before);
      }
      const o = orders.get(q.outTradeNo);
      if (!o) throw new Refused('RESOURCE_NOT_EXISTS', 404);
      if (o.state !== 'SUCCESS') throw new Refused('INVALID_REQUEST', 400);
      if (q.totalFen !== o.totalFen) throw new Refused('PARAM_ERROR', 400);
      const held = o.totalFen - [...refunds.values()].filter((r) => r.outTradeNo === q.outTradeNo && (r.status === 'SUCCESS' || r.status === 'PROCESSING')).reduce((s, r) => s + r.refundFen, 0);
      if (q.refundFen > held) throw new Refused('INVALID_REQUEST', 400);
      const r: TestRefund = { outRefundNo: q.outRefundNo, outTradeNo: q.outTradeNo, refundId: `50${randomBytes(12).toString('hex')}`, refundFen: q.refundFen, totalFen: q.totalFen, status: 'PROCESSING' };
      refunds.set(r.outRefundNo, r);
      return view(r);
    },
    async queryRefund(no) {
      calls.queryRefund++;
      const r = refunds.get(no);
      if (!r) return undefined;
      if (r.status === 'PROCESSING') Object.assign(r, { status: 'SUCCESS', successTime: isoAt(Date.now()) });
      return view(r);
    },
    checkNotification: checkNotificationOf,
    pay(no, at = Date.now()) {
      const o = orders.get(no);
      if (!o) throw new Error(`no order ${no}`);
      o.state = 'SUCCESS';
      o.transactionId ??= `4200${Array.from(randomBytes(12), (b) => b % 10).join('')}`;
      o.successTime ??= isoAt(at);
      return txn(o);
    },
    notification: (t, at, opts) => notificationOf(t, at, opts),
    refundOutcome(no, status, at = Date.now()) {
      const r = refunds.get(no);
      if (!r) throw new Error(`no refund ${no}`);
      Object.assign(r, { status, ...(status === 'SUCCESS' ? { successTime: isoAt(at) } : {}) });
    },
  };
}
