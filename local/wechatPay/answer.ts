/** The stand-in's shared context (keys, orders and refunds, clock) and its signed answers, used by the order and refund endpoints. */
import type { ServerResponse } from 'node:http';
import type { Clock } from '../../core/ports/clock';
import { nonceStr } from '../../adapters/payments/wechatpay/sign';
import { signedHeaders } from '../../adapters/payments/wechatpay/wechatSide';
import type { SandboxKeys } from './keys';
import type { SandboxOrders } from './orders';

export interface SandboxContext {
  keys: () => SandboxKeys;
  orders: SandboxOrders;
  clock: Clock;
}

/** An answer as WeChat Pay gives it: JSON (or nothing, for 204), signed with WeChat Pay's key. */
export function answer(ctx: SandboxContext, res: ServerResponse, status: number, body?: object) {
  const text = body === undefined ? '' : JSON.stringify(body);
  const keys = ctx.keys();
  const headers = signedHeaders({ privateKey: keys.wechatPrivateKey, serial: keys.publicKeyId }, text, ctx.clock.now());
  res.writeHead(status, { ...(text ? { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)) } : {}), 'request-id': nonceStr(24), ...headers });
  res.end(text);
}

