import type { IncomingMessage, ServerResponse } from 'node:http';
import type { IdSource } from '../core/ports/clock';
import { sendError } from './http';
import { flatHeaders, readRaw } from './rawBody';

/**
 * CloudBase's HTTP access service, played locally: a request on an HTTP route reaches the function as
 * an event `{ path, httpMethod, headers, queryStringParameters, body, isBase64Encoded }` (the body as
 * it came: text, or base64 when it is not valid UTF-8) and the function answers `{ statusCode, headers,
 * body, isBase64Encoded }`. No caller identity travels with it (WeChat Pay is no signed-in user).
 */
export interface HttpEvent {
  path: string;
  httpMethod: string;
  headers: Record<string, string>;
  queryStringParameters: Record<string, string>;
  body: string;
  isBase64Encoded: boolean;
}
export interface HttpResult {
  statusCode: number;
  headers?: Record<string, string>;
  body?: string;
  isBase64Encoded?: boolean;
}
export type HttpFunction = (event: HttpEvent, context: unknown) => Promise<HttpResult>;

/** The HTTP routes of the local platform and the function each one reaches (contract §2: `POST /pay/notify` → `payNotify`). */
export const HTTP_ROUTES: Record<string, string> = { '/pay/notify': 'payNotify' };

const MAX_BODY_BYTES = 1024 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Routes one request to its HTTP function; FUNCTION.NOT_FOUND when the function is not deployed. */
export async function routeHttpFunction(req: IncomingMessage, res: ServerResponse, p: string, fn: HttpFunction | undefined, ids: IdSource) {
  if (!fn) return sendError(res, 'FUNCTION.NOT_FOUND');
  const raw = await readRaw(req, MAX_BODY_BYTES);
  if (raw === null) return sendError(res, 'INPUT.INVALID', { _: '请求内容过大或未完整送达' });
  let body: string;
  let isBase64Encoded = false;
  try {
    body = utf8.decode(raw);
  } catch {
    body = raw.toString('base64');
    isBase64Encoded = true;
  }
  const url = new URL(req.url ?? '/', 'http://local');
  const event: HttpEvent = {
    path: p,
    httpMethod: req.method ?? 'GET',
    headers: flatHeaders(req),
    queryStringParameters: Object.fromEntries(url.searchParams),
    body,
    isBase64Encoded,
  };
  const out = await fn(event, { environment: '{}', request_id: ids.next('req') });
  const payload = out.body === undefined ? Buffer.alloc(0) : Buffer.from(out.body, out.isBase64Encoded ? 'base64' : 'utf8');
  res.writeHead(out.statusCode, { ...(out.headers ?? {}), 'content-length': String(payload.length) });
  res.end(payload);
}
