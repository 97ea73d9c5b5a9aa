import type { IncomingMessage } from 'node:http';
import { discard } from './http';

/**
 * The request body's exact bytes (signatures cover them byte for byte), at most `limit`; null when it
 * is larger or the client went away mid-body. Never rejects.
 */
export function readRaw(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  if (Number(req.headers['content-length'] ?? 0) > limit) {
    discard(req);
    return Promise.resolve(null);
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (out: Buffer | null) => {
      if (done) return;
      done = true;
      resolve(out);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      chunks.length = 0;
      discard(req);
      finish(null);
    };
    req.on('data', onData);
    req.on('error', () => finish(null));
    req.on('close', () => finish(null));
    req.on('end', () => finish(Buffer.concat(chunks)));
  });
}

/** Header values as one string each (a repeated header joined with ", "), names lower-case. */
export function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}
