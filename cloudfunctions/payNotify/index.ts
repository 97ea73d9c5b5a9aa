import { handleNotification } from '../../core/usecases/fee/notify';
import { runtimeDeps } from '../_runtime/deps';
import { useWechatPay } from '../_runtime/wechatPay';

useWechatPay();

/** CloudBase's HTTP access service event (integration request). */
export interface HttpEvent {
  path?: string;
  httpMethod?: string;
  headers?: Record<string, string | string[] | undefined>;
  body?: string | null;
  isBase64Encoded?: boolean;
}

export interface HttpAnswer {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

const lowerCased = (h: HttpEvent['headers']): Record<string, string | undefined> =>
  Object.fromEntries(Object.entries(h ?? {}).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v[0] : v]));

/**
 * `payNotify` cloud function: WeChat Pay API v3 notifications through CloudBase's HTTP access service
 * (R-FEE-5). The raw body (decoded when base64) goes to the Payments port's check; a checked one is
 * settled in one transaction (core/usecases/fee/notify.ts). 204 when booked or nothing to book, 401
 * when refused, 5xx on failure (WeChat retries).
 */
export const main = async (event: HttpEvent, _context?: unknown): Promise<HttpAnswer> => {
  const deps = runtimeDeps();
  const json = { 'content-type': 'application/json; charset=utf-8' };
  try {
    if ((event?.httpMethod ?? 'POST').toUpperCase() !== 'POST') return { statusCode: 405, headers: json, body: JSON.stringify({ code: 'FAIL', message: 'method not allowed' }) };
    const raw = event?.body ?? '';
    const body = event?.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
    const answer = await handleNotification(deps, { headers: lowerCased(event?.headers), body });
    return { statusCode: answer.statusCode, headers: answer.body ? json : {}, body: answer.body };
  } catch (e) {
    deps.log.error({ fn: 'payNotify', err: e instanceof Error ? { name: e.name, message: e.message } : String(e) }, 'notification failed');
    return { statusCode: 500, headers: json, body: JSON.stringify({ code: 'FAIL', message: '系统繁忙' }) };
  }
};
