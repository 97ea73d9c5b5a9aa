import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomInt, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { isoAt } from '../../core/shanghai';
import { encryptedNotification } from '../../adapters/payments/wechatpay/wechatSide';
import { readJson, sendError, sendJson } from '../http';
import { transactionOf, type SandboxContext } from './api';
import { refundOf, setRefundOutcome } from './refunds';

const NOTIFY_TIMEOUT_MS = 10_000;

/** What the product's notify endpoint answered (status 0: it could not be reached). */
export interface NotifyOutcome {
  status: number;
  body: string;
}

/**
 * The stand-in's cashier: `POST /local/pay/confirm {"outTradeNo"}` pays an unpaid, unexpired order
 * (trade_state SUCCESS, a transaction_id, success_time now) and sends the order's notify_url a
 * TRANSACTION.SUCCESS notification encrypted with the APIv3 key and signed with WeChat Pay's key, over
 * real HTTP. Confirming a paid order sends the same notification again (same id, as WeChat's retries
 * do): retries and duplicates are the product's to survive. Answers what the notify endpoint answered.
 */
export async function confirmPayment(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse) {
  const body = await readJson(req);
  const parsed = z.object({ outTradeNo: z.string().min(1).max(32) }).safeParse(body.ok ? body.value : null);
  if (!parsed.success) return sendError(res, 'INPUT.INVALID', body.ok ? { outTradeNo: '请提供商户订单号' } : body.fields);
  const now = ctx.clock.now();
  let order = ctx.orders.get(parsed.data.outTradeNo);
  if (!order) return sendJson(res, 404, { ok: false, error: { code: 'ORDER_NOT_EXIST', message: '很抱歉，未找到该支付订单' } });
  if (order.trade_state === 'CLOSED') return sendJson(res, 409, { ok: false, error: { code: 'ORDER_CLOSED', message: '您好，该订单已关闭，请重新发起支付' } });
  if (order.trade_state === 'NOTPAY') {
    if (now > order.expiresAt) return sendJson(res, 409, { ok: false, error: { code: 'ORDER_EXPIRED', message: '您好，该订单已超过支付时限，请重新发起支付' } });
    order = {
      ...order,
      trade_state: 'SUCCESS',
      transaction_id: `4200${Array.from({ length: 24 }, () => randomInt(10)).join('')}`,
      success_time: isoAt(now),
      notification_id: randomUUID(),
    };
    ctx.orders.put(order);
  }
  const notify = await sendNotification(ctx, order.notify_url, order.notification_id!, transactionOf(order), now);
  return sendJson(res, 200, { ok: true, data: { outTradeNo: order.out_trade_no, tradeState: order.trade_state, transactionId: order.transaction_id, notify } });
}

/** One delivery of a payment notification, as WeChat Pay makes it. */
export async function sendNotification(ctx: SandboxContext, notifyUrl: string, id: string, resource: object, now: number): Promise<NotifyOutcome> {
  const keys = ctx.keys();
  const raw = encryptedNotification({ privateKey: keys.wechatPrivateKey, serial: keys.publicKeyId }, keys.apiV3Key, { id, resource }, now);
  try {
    const res = await fetch(notifyUrl, {
      method: 'POST',
      headers: { ...(raw.headers as Record<string, string>), 'user-agent': 'Mozilla/4.0 (local wechatpay stand-in)' },
      body: raw.body,
      signal: AbortSignal.timeout(NOTIFY_TIMEOUT_MS),
    });
    return { status: res.status, body: (await res.text()).slice(0, 2000) };
  } catch (e) {
    return { status: 0, body: e instanceof Error ? e.name : 'error' };
  }
}

/**
 * The stand-in's back office: `POST /local/pay/refund {"outRefundNo","status"}` decides how a refund
 * ends (SUCCESS, CLOSED, ABNORMAL), as WeChat's bank side would: tests play a refund that fails.
 */
export async function refundOutcome(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse) {
  const body = await readJson(req);
  const parsed = z.object({ outRefundNo: z.string().min(1).max(64), status: z.enum(['SUCCESS', 'CLOSED', 'ABNORMAL', 'PROCESSING']) }).safeParse(body.ok ? body.value : null);
  if (!parsed.success) return sendError(res, 'INPUT.INVALID', body.ok ? { outRefundNo: '请提供退款单号和结果' } : body.fields);
  const r = setRefundOutcome(ctx, parsed.data.outRefundNo, parsed.data.status, ctx.clock.now());
  if (!r) return sendJson(res, 404, { ok: false, error: { code: 'RESOURCE_NOT_EXISTS', message: '很抱歉，未找到该退款单' } });
  return sendJson(res, 200, { ok: true, data: refundOf(r) });
}
