/**
 * Raw HTTP/1.1 over node:net: the exact bytes a test writes reach the server (no client library
 * fixing up lengths, encodings or paths), and every byte the server answers comes back.
 */
import net from 'node:net';

export interface RawAnswer {
  /** Status of the first response; 0 when none came (connection reset, closed or timed out). */
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** Everything the server wrote on the connection. */
  raw: Buffer;
  /** How many responses the server wrote (a request must be answered exactly once). */
  responses: number;
  /** Why the wait ended: the server closed, the first response was complete, or the timeout. */
  ended: 'closed' | 'complete' | 'timeout' | 'error';
}

export interface RawOptions {
  /** Stop waiting after this long (default 5 s). */
  timeoutMs?: number;
  /** Resolve as soon as one complete response (by content-length) arrived, without waiting for close. */
  untilFirstResponse?: boolean;
}

function parseHead(raw: Buffer): { status: number; headers: Record<string, string>; bodyStart: number } | null {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const lines = raw.subarray(0, end).toString('latin1').split('\r\n');
  const m = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0]);
  const headers: Record<string, string> = {};
  for (const l of lines.slice(1)) {
    const i = l.indexOf(':');
    if (i > 0) headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
  }
  return { status: m ? Number(m[1]) : 0, headers, bodyStart: end + 4 };
}

/** Writes `bytes` (all of them, or in the given pieces) to host:port and collects the answer. */
export function rawHttp(port: number, bytes: string | Buffer | (string | Buffer)[], opts: RawOptions = {}): Promise<RawAnswer> {
  const pieces = Array.isArray(bytes) ? bytes : [bytes];
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const sock = net.connect(port, '127.0.0.1');
    const finish = (ended: RawAnswer['ended']) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      sock.destroy();
      const raw = Buffer.concat(chunks);
      const head = parseHead(raw);
      const responses = (raw.toString('latin1').match(/HTTP\/1\.[01] \d{3} /g) ?? []).length;
      resolve({
        status: head?.status ?? 0,
        headers: head?.headers ?? {},
        body: head ? raw.subarray(head.bodyStart) : Buffer.alloc(0),
        raw,
        responses,
        ended,
      });
    };
    const timer = setTimeout(() => finish('timeout'), opts.timeoutMs ?? 5000);
    sock.on('connect', () => {
      for (const p of pieces) sock.write(p);
    });
    sock.on('data', (d: Buffer) => {
      chunks.push(d);
      if (!opts.untilFirstResponse) return;
      const raw = Buffer.concat(chunks);
      const head = parseHead(raw);
      const length = head ? Number(head.headers['content-length'] ?? NaN) : NaN;
      if (head && Number.isFinite(length) && raw.length - head.bodyStart >= length) finish('complete');
    });
    sock.on('close', () => finish('closed'));
    sock.on('error', () => finish('error'));
  });
}

/** A request in origin form with the given head lines; Content-Length is the body's exact byte length unless given. */
export function request(method: string, target: string, opts: { headers?: Record<string, string | number>; body?: string | Buffer; close?: boolean } = {}): Buffer {
  const body = opts.body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(opts.body) ? opts.body : Buffer.from(opts.body, 'utf8');
  const headers: Record<string, string | number> = { host: 'localhost', ...opts.headers };
  if (!Object.keys(headers).some((k) => k.toLowerCase() === 'content-length' || k.toLowerCase() === 'transfer-encoding') && (body.length || method === 'POST')) headers['content-length'] = body.length;
  if (opts.close !== false) headers.connection = 'close';
  const head = `${method} ${target} HTTP/1.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n')}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}

/** The parsed JSON envelope of an answer, or null. */
export const envelopeOf = (a: RawAnswer): any => {
  try {
    return JSON.parse(a.body.toString('utf8'));
  } catch {
    return null;
  }
};

/** GET /health on a fresh connection: 200 while the server is up. */
export async function healthStatus(port: number): Promise<number> {
  return (await rawHttp(port, request('GET', '/health'), { timeoutMs: 3000 })).status;
}
