/**
 * A test implementation of the Payments port (core/ports/payments.ts), for the fee suites until the
 * WeChat Pay v3 adapter and its local stand-in are merged: real crypto, simpler keys. Notifications are
 * AEAD_AES_256_GCM encrypted (as WeChat Pay does) and signed with HMAC-SHA256 over
 * `timestamp\nnonce\nbody\n` (WeChat uses RSA; the check's shape — serial, 5-minute window, SIGNTEST
 * probes, decrypt — is the same). Keys are derived from a fixed test phrase: several processes share them.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isoAt } from '../../core/shanghai';
import type { NotificationCheck, Payments, PaymentOrder, ProviderTransaction, RawNotification, TradeState } from '../../core/ports/payments';

const KEY = createHash('sha256').update('wuye test payments (not a secret)').digest();
const MAC = createHash('sha256').update('wuye test payments mac (not a secret)').digest();
export const TEST_SERIAL = 'PUB_KEY_ID_TEST0001';
export const TEST_MCHID = '1900000001';
export const TEST_APPID = 'wx_local_test';

export interface TestPayments extends Payments {
  /** Orders the provider holds: what createJsapiOrder made, with their state. */
  orders: Map<string, PaymentOrder & { state: TradeState; transactionId?: string; successTime?: string }>;
  /** The resident pays: the provider marks the order SUCCESS (what the notification and queries then report). */
  pay(outTradeNo: string, at?: number): ProviderTransaction;
  /** A notification of a transaction as WeChat Pay sends it (signed, encrypted) at `at` (ms). */
  notification(t: ProviderTransaction, at: number, opts?: { forge?: boolean; serial?: string }): RawNotification;
}

export function notificationOf(t: ProviderTransaction, at: number, opts: { forge?: boolean; serial?: string } = {}): RawNotification {
  const plain = JSON.stringify({
    mchid: t.mchid,
    appid: t.appid,
    out_trade_no: t.outTradeNo,
    transaction_id: t.transactionId,
    trade_state: t.tradeState,
    success_time: t.successTime,
    amount: { total: t.totalFen, payer_total: t.payerTotalFen ?? t.totalFen, currency: t.currency },
    payer: { openid: t.payerOpenid },
  });
  const nonce = randomBytes(6).toString('hex');
  const ad = 'transaction';
  const c = createCipheriv('aes-256-gcm', KEY, nonce);
  c.setAAD(Buffer.from(ad));
  const ciphertext = Buffer.concat([c.update(plain, 'utf8'), c.final(), c.getAuthTag()]).toString('base64');
  const body = JSON.stringify({ id: `EV-${randomBytes(6).toString('hex')}`, create_time: new Date(at).toISOString(), event_type: t.tradeState === 'SUCCESS' ? 'TRANSACTION.SUCCESS' : 'TRANSACTION.OTHER', resource_type: 'encrypt-resource', resource: { algorithm: 'AEAD_AES_256_GCM', ciphertext, nonce, associated_data: ad, original_type: 'transaction' } });
  const ts = String(Math.floor(at / 1000));
  const hnonce = randomBytes(8).toString('hex');
  let signature = createHmac('sha256', MAC).update(`${ts}\n${hnonce}\n${body}\n`).digest('base64');
  if (opts.forge) signature = createHmac('sha256', Buffer.alloc(32)).update(`${ts}\n${hnonce}\n${body}\n`).digest('base64');
  return { headers: { 'wechatpay-serial': opts.serial ?? TEST_SERIAL, 'wechatpay-timestamp': ts, 'wechatpay-nonce': hnonce, 'wechatpay-signature': signature, 'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048' }, body };
}

export function checkNotificationOf(raw: RawNotification, now: number): NotificationCheck {
  const h = raw.headers;
  const ts = h['wechatpay-timestamp'];
  const nonce = h['wechatpay-nonce'];
  const sig = h['wechatpay-signature'];
  if (!ts || !nonce || !sig) return { ok: false, reason: 'malformed' };
  if (h['wechatpay-serial'] !== TEST_SERIAL) return { ok: false, reason: 'unknown_serial' };
  if (sig.startsWith('WECHATPAY/SIGNTEST/')) return { ok: false, reason: 'probe' };
  const want = createHmac('sha256', MAC).update(`${ts}\n${nonce}\n${raw.body}\n`).digest();
  const got = Buffer.from(sig, 'base64');
  if (got.length !== want.length || !timingSafeEqual(got, want)) return { ok: false, reason: 'signature' };
  if (Math.abs(now - Number(ts) * 1000) > 5 * 60_000) return { ok: false, reason: 'stale' };
  try {
    const body = JSON.parse(raw.body);
    const r = body.resource;
    const buf = Buffer.from(r.ciphertext, 'base64');
    const d = createDecipheriv('aes-256-gcm', KEY, r.nonce);
    d.setAAD(Buffer.from(r.associated_data ?? ''));
    d.setAuthTag(buf.subarray(buf.length - 16));
    const p = JSON.parse(Buffer.concat([d.update(buf.subarray(0, buf.length - 16)), d.final()]).toString('utf8'));
    const transaction: ProviderTransaction = {
      mchid: p.mchid,
      appid: p.appid,
      outTradeNo: p.out_trade_no,
      transactionId: p.transaction_id,
      tradeState: p.trade_state,
      totalFen: p.amount.total,
      payerTotalFen: p.amount.payer_total,
      currency: p.amount.currency,
      successTime: p.success_time,
      payerOpenid: p.payer?.openid,
    };
    return { ok: true, id: body.id, eventType: body.event_type, transaction };
  } catch {
    return { ok: false, reason: 'decrypt' };
  }
}

export function testPayments(): TestPayments {
  const orders: TestPayments['orders'] = new Map();
  const txn = (o: PaymentOrder & { state: TradeState; transactionId?: string; successTime?: string }): ProviderTransaction => ({
    mchid: TEST_MCHID,
    appid: TEST_APPID,
    outTradeNo: o.outTradeNo,
    transactionId: o.transactionId,
    tradeState: o.state,
    totalFen: o.totalFen,
    currency: 'CNY',
    successTime: o.successTime,
    payerOpenid: o.payerOpenid,
  });
  return {
    mchid: TEST_MCHID,
    appid: TEST_APPID,
    orders,
    async createJsapiOrder(order) {
      const cur = orders.get(order.outTradeNo) ?? { ...order, state: 'NOTPAY' as TradeState };
      orders.set(order.outTradeNo, cur);
      const prepay = `wx_prepay_${createHash('sha256').update(order.outTradeNo).digest('hex').slice(0, 20)}`;
      return { prepayId: prepay, params: { appId: TEST_APPID, timeStamp: '0', nonceStr: randomBytes(8).toString('hex'), package: `prepay_id=${prepay}`, signType: 'RSA', paySign: 'test' } };
    },
    async queryOrder(no) {
      const o = orders.get(no);
      return o && txn(o);
    },
    async closeOrder(no) {
      const o = orders.get(no);
      if (o && o.state === 'NOTPAY') o.state = 'CLOSED';
    },
    checkNotification: checkNotificationOf,
    pay(no, at = Date.now()) {
      const o = orders.get(no);
      if (!o) throw new Error(`no order ${no}`);
      o.state = 'SUCCESS';
      o.transactionId ??= `4200${randomBytes(8).toString('hex')}`;
      o.successTime ??= isoAt(at);
      return txn(o);
    },
    notification: (t, at, opts) => notificationOf(t, at, opts),
  };
}
