import { postJson } from '../wechat/http';

export { errcodeOf } from '../wechat/http';

/**
 * One JSON POST that carries the push's idempotency key as an `Idempotency-Key` header (WeChat and the
 * robot ignore it; a proxy or a test server may dedupe by it). Answers the parsed JSON object, or null
 * when the server could not be reached, timed out, answered non-2xx or not JSON: the outcome is then
 * unknown and the push is retried with the same key. Nothing here logs (URLs carry tokens and keys).
 */
export const postKeyed = (url: string, body: unknown, key: string, timeoutMs: number) => postJson(url, body, timeoutMs, { 'idempotency-key': key });
