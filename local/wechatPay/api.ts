import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { parseIso } from '../../core/time';
import { messageOf, nonceStr, parseAuthorization, rsaVerify } from '../../adapters/payments/wechatpay/sign';
import { MAX_SKEW_MS } from '../../adapters/payments/wechatpay/verifier';
import { readRaw } from '../rawBody';
import type { SandboxOrder } from './orders';
import { answer, type SandboxContext } from './answer';
import { createRefund, queryRefund } from './refunds';

export type { SandboxContext } from './answer';

/** Where the stand-in serves WeChat Pay's API on the local platform: `<platform>/local/wxpay/v3/pay/…`. */
export const WXPAY_PREFIX = '/local/wxpay';
const PREPAY_LIFE_MS = 2 * 3_600_000;

const jsapiOrder = z.object({
  appid: z.string().min(1).max(32),
  mchid: z.string().min(1).max(32),
  description: z.string().min(1).refine((s) => Buffer.byteLength(s, 'utf8') <= 127, 'description ≤ 127 bytes'),
  out_trade_no: z.string().regex(/^[0-9A-Za-z_\-|*]{6,32}$/),
  time_expire: z.iso.datetime({ offset: true }).optional(),
  attach: z.string().max(128).optional(),
  notify_url: z.url({ protocol: /^https?$/ }),
  amount: z.object({ total: z.number().int().min(1), currency: z.literal('CNY').optional() }),
  payer: z.object({ openid: z.string().min(1).max(128) }),
});

const error = (code: string, message: string) => ({ code, message });

/** The transaction as `GET …/out-trade-no/{no}` shows it (and as the notification's resource holds it). */
export function transactionOf(o: SandboxOrder) {
  const paid = o.trade_state === 'SUCCESS';
  return {
    appid: o.appid,
    mchid: o.mchid,
    out_trade_no: o.out_trade_no,
    ...(paid ? { transaction_id: o.transaction_id, trade_type: 'JSAPI', bank_type: 'OTHERS', success_time: o.success_time } : {}),
    trade_state: o.trade_state,
    trade_state_desc: { SUCCESS: '支付成功', NOTPAY: '订单未支付', CLOSED: '订单已关闭' }[o.trade_state],
    ...(o.attach ? { attach: o.attach } : {}),
    payer: { openid: o.payer.openid },
    amount: { total: o.amount.total, ...(paid ? { payer_total: o.amount.total } : {}), currency: 'CNY', payer_currency: 'CNY' },
  };
}

/**
 * WeChat Pay API v3's JSAPI order endpoints, played locally: `POST /v3/pay/transactions/jsapi`,
 * `GET /v3/pay/transactions/out-trade-no/{no}?mchid=`, `POST …/{no}/close`, and the refunds
 * (`POST /v3/refund/domestic/refunds`, `GET /v3/refund/domestic/refunds/{out_refund_no}`). Every request's
 * `Authorization` is verified with the merchant's public key (401 SIGN_ERROR otherwise), every answer
 * signed. Answers true when the path was one of these.
 */
export async function wxpayApi(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse, p: string): Promise<boolean> {
  if (!p.startsWith(`${WXPAY_PREFIX}/`)) return false;
  await handle(ctx, req, res);
  return true;
}

async function handle(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const raw = await readRaw(req, 64 * 1024);
  if (raw === null) return answer(ctx, res, 400, error('PARAM_ERROR', '请求体过大或不完整'));
  const body = raw.toString('utf8');
  const url = req.url ?? '';
  const pathAndQuery = url.slice(WXPAY_PREFIX.length);
  const keys = ctx.keys();

  // The merchant's signature: scheme, mchid, serial, time window, then RSA over the exact request.
  const auth = parseAuthorization(req.headers.authorization);
  const now = ctx.clock.now();
  const signed =
    auth &&
    auth.mchid === keys.mchid &&
    auth.serial.toUpperCase() === keys.merchantSerial &&
    /^\d{1,12}$/.test(auth.timestamp) &&
    Math.abs(now - Number(auth.timestamp) * 1000) <= MAX_SKEW_MS &&
    rsaVerify(keys.merchantPublicKey, messageOf(req.method ?? '', pathAndQuery, auth.timestamp, auth.nonce, body), auth.signature);
  if (!signed) return answer(ctx, res, 401, error('SIGN_ERROR', '签名错误'));

  const path = pathAndQuery.split('?')[0];
  const query = new URLSearchParams(pathAndQuery.split('?')[1] ?? '');
  if (req.method === 'POST' && path === '/v3/pay/transactions/jsapi') return createOrder(ctx, res, body, now);
  if (req.method === 'POST' && path === '/v3/refund/domestic/refunds') return createRefund(ctx, res, body, now);
  const rf = /^\/v3\/refund\/domestic\/refunds\/([^/]+)$/.exec(path);
  if (rf && req.method === 'GET') {
    let outRefundNo: string;
    try {
      outRefundNo = decodeURIComponent(rf[1]);
    } catch {
      return answer(ctx, res, 400, error('PARAM_ERROR', '退款单号格式有误'));
    }
    return queryRefund(ctx, res, outRefundNo, now);
  }

  const m = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)(\/close)?$/.exec(path);
  if (!m) return answer(ctx, res, 404, error('NOT_FOUND', '请求的资源不存在'));
  let outTradeNo: string;
  try {
    outTradeNo = decodeURIComponent(m[1]);
  } catch {
    return answer(ctx, res, 400, error('PARAM_ERROR', '商户订单号格式有误'));
  }
  const order = ctx.orders.get(outTradeNo);
  if (req.method === 'GET' && !m[2]) {
    if (query.get('mchid') !== keys.mchid) return answer(ctx, res, 400, error('PARAM_ERROR', 'mchid 与请求方不符'));
    if (!order) return answer(ctx, res, 404, error('ORDER_NOT_EXIST', '订单不存在'));
    return answer(ctx, res, 200, transactionOf(order));
  }
  if (req.method === 'POST' && m[2]) {
    const mchid = (() => {
      try {
        return (JSON.parse(body) as { mchid?: unknown }).mchid;
      } catch {
        return undefined;
      }
    })();
    if (mchid !== keys.mchid) return answer(ctx, res, 400, error('PARAM_ERROR', 'mchid 与请求方不符'));
    if (!order) return answer(ctx, res, 404, error('ORDER_NOT_EXIST', '订单不存在'));
    if (order.trade_state === 'SUCCESS') return answer(ctx, res, 400, error('ORDERPAID', '订单已支付'));
    ctx.orders.put({ ...order, trade_state: 'CLOSED' });
    return answer(ctx, res, 204);
  }
  return answer(ctx, res, 405, error('METHOD_NOT_ALLOWED', '请求方法不支持'));
}

function createOrder(ctx: SandboxContext, res: ServerResponse, body: string, now: number) {
  const keys = ctx.keys();
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return answer(ctx, res, 400, error('PARAM_ERROR', '请求体不是有效的 JSON'));
  }
  const parsed = jsapiOrder.safeParse(json);
  if (!parsed.success) return answer(ctx, res, 400, error('PARAM_ERROR', `参数错误：${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`));
  const o = parsed.data;
  if (o.mchid !== keys.mchid) return answer(ctx, res, 400, error('MCH_NOT_EXISTS', '商户号不存在'));
  if (o.appid !== keys.appid) return answer(ctx, res, 400, error('APPID_MCHID_NOT_MATCH', 'appid 和 mch_id 不匹配'));
  const expiresAt = o.time_expire ? parseIso(o.time_expire) : now + PREPAY_LIFE_MS;
  const existing = ctx.orders.get(o.out_trade_no);
  if (existing) {
    if (existing.trade_state === 'SUCCESS') return answer(ctx, res, 400, error('ORDERPAID', '该订单已支付'));
    if (existing.trade_state === 'CLOSED') return answer(ctx, res, 400, error('ORDER_CLOSED', '订单已关闭'));
    const same =
      existing.amount.total === o.amount.total && existing.payer.openid === o.payer.openid && existing.description === o.description && existing.notify_url === o.notify_url;
    if (!same) return answer(ctx, res, 400, error('INVALID_REQUEST', '商户订单号重复'));
    return answer(ctx, res, 200, { prepay_id: existing.prepay_id });
  }
  const order: SandboxOrder = {
    appid: o.appid,
    mchid: o.mchid,
    description: o.description,
    out_trade_no: o.out_trade_no,
    ...(o.time_expire ? { time_expire: o.time_expire } : {}),
    expiresAt,
    ...(o.attach ? { attach: o.attach } : {}),
    notify_url: o.notify_url,
    amount: { total: o.amount.total, currency: 'CNY' },
    payer: { openid: o.payer.openid },
    prepay_id: `wx${nonceStr(34)}`,
    trade_state: 'NOTPAY',
    createdAt: now,
  };
  ctx.orders.put(order);
  return answer(ctx, res, 200, { prepay_id: order.prepay_id });
}
