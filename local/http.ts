import type { IncomingMessage, ServerResponse } from 'node:http';
import { ERROR_MESSAGES, type ErrorCode, httpStatusOf } from '../core/errors';

export const MAX_JSON_BYTES = 256 * 1024;
/** A body past this is not even drained: the connection is cut (Node's request timeout bounds the rest). */
const MAX_DRAIN_BYTES = 16 * 1024 * 1024;

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

export function sendError(res: ServerResponse, code: ErrorCode, fields?: Record<string, string>, headers?: Record<string, string>) {
  const error = fields ? { code, message: ERROR_MESSAGES[code], fields } : { code, message: ERROR_MESSAGES[code] };
  sendJson(res, httpStatusOf(code), { ok: false, error }, headers);
}

export type JsonBody = { ok: true; value: unknown } | { ok: false; fields: Record<string, string> };

/** HTML forms can send these cross-site without a preflight; a JSON endpoint never accepts them. */
const FORM_TYPES = /^\s*(multipart\/form-data|application\/x-www-form-urlencoded)\b/i;
// ignoreBOM: a leading byte-order mark stays in the text, so JSON.parse refuses it (the fuzz's raw-text case) instead of the decoder dropping it silently.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Reads the rest of a refused body without keeping it, so the answer reaches the client on a live connection. */
export function discard(req: IncomingMessage) {
  let seen = 0;
  req.on('data', (c: Buffer) => {
    seen += c.length;
    if (seen > MAX_DRAIN_BYTES) req.destroy();
  });
  req.on('error', () => undefined);
  req.resume();
}

/**
 * Reads a JSON body: at most MAX_JSON_BYTES, strictly UTF-8 (an invalid byte is refused, never replaced
 * with U+FFFD), not a form encoding. Resolves (never rejects) — also when the client goes away mid-body.
 */
export function readJson(req: IncomingMessage): Promise<JsonBody> {
  const refuse = (why: string): JsonBody => ({ ok: false, fields: { _: why } });
  if (FORM_TYPES.test(req.headers['content-type'] ?? '')) {
    discard(req);
    return Promise.resolve(refuse('请以 JSON 格式提交'));
  }
  const tooLarge = refuse(`请求内容过大（不超过 ${MAX_JSON_BYTES / 1024} KB）`);
  if (Number(req.headers['content-length'] ?? 0) > MAX_JSON_BYTES) {
    discard(req);
    return Promise.resolve(tooLarge);
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (out: JsonBody) => {
      if (done) return;
      done = true;
      resolve(out);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_JSON_BYTES) return void chunks.push(chunk);
      req.off('data', onData);
      chunks.length = 0;
      discard(req);
      finish(tooLarge);
    };
    req.on('data', onData);
    req.on('error', () => finish(refuse('请求未完整送达')));
    req.on('close', () => finish(refuse('请求未完整送达')));
    req.on('end', () => {
      if (done) return;
      let text: string;
      try {
        text = utf8.decode(Buffer.concat(chunks));
      } catch {
        return finish(refuse('请求内容不是有效的 UTF-8 文本'));
      }
      try {
        finish({ ok: true, value: JSON.parse(text || 'null') });
      } catch {
        finish(refuse('请求内容不是有效的 JSON'));
      }
    });
  });
}

/**
 * The path of a request target in origin form (`/a/b?q` → `/a/b`), still percent-encoded; null for
 * anything else (`*`, absolute form, empty), which no route of this server answers.
 */
export function pathOf(target: string | undefined): string | null {
  if (!target || target[0] !== '/') return null;
  const end = target.search(/[?#]/);
  return end < 0 ? target : target.slice(0, end);
}

/** decodeURIComponent that answers null for a malformed escape (`%`, `%ZZ`, a broken UTF-8 sequence). */
export function decodePath(p: string): string | null {
  try {
    return decodeURIComponent(p);
  } catch {
    return null;
  }
}
