import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CloudStorage } from '../core/ports/files';
import { discard, sendError, sendJson } from './http';

/** The local stand-in's environment id: the `cloud://local-env.<bucket>/…` ids it hands out. */
export const LOCAL_CLOUD_ENV = 'local-env';
const BUCKET = '6c6f-local-env-1300000000';
/** CloudBase storage takes far larger files; the local stand-in keeps to 20 MB (the 5 MB rule is file.register's). */
const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** A cloudPath the stand-in stores: a few plain segments and an extension (no `..`, no escapes). */
const CLOUD_PATH = /^(?:[A-Za-z0-9_-]{1,64}\/){0,4}[A-Za-z0-9_-]{1,64}\.[a-z]{2,5}$/;

export interface LocalCloud extends CloudStorage {
  /** `PUT /local/cloud/upload/<cloudPath>` and `GET /local/cloud/file/<cloudPath>?t=&sign=`; false: not its path. */
  route(req: IncomingMessage, res: ServerResponse, p: string, signedIn: boolean): Promise<boolean>;
}

/**
 * The local platform's CloudBase storage: what `Taro.cloud.uploadFile` and `getTempFileURL` do, on disk.
 * Any signed-in user may upload to any path (as in CloudBase: who may register what is file.register's
 * check, by the path's OPENID prefix); an upload answers `{ fileID: "cloud://local-env.<bucket>/<path>" }`;
 * temporary URLs are signed with a per-start secret and expire by the platform clock.
 */
export function localCloudStorage(dir: string, now: () => number): LocalCloud {
  const secret = randomBytes(32);
  const sign = (p: string, until: number) => createHmac('sha256', secret).update(`${p}\n${until}`).digest('base64url');
  const pathOf = (cloudId: string) => {
    const prefix = `cloud://${LOCAL_CLOUD_ENV}.${BUCKET}/`;
    if (!cloudId.startsWith(prefix)) return null;
    const p = cloudId.slice(prefix.length);
    return CLOUD_PATH.test(p) ? p : null;
  };
  const fileOf = (p: string) => path.join(dir, ...p.split('/'));

  async function upload(req: IncomingMessage, res: ServerResponse, cloudPath: string) {
    if (Number(req.headers['content-length'] ?? 0) > MAX_UPLOAD_BYTES) {
      discard(req);
      return sendError(res, 'FILE.TOO_LARGE');
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const whole = await new Promise<boolean>((resolve) => {
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_UPLOAD_BYTES) return void (req.destroy(), resolve(false));
        chunks.push(c);
      });
      req.on('end', () => resolve(true));
      req.on('error', () => resolve(false));
      req.on('aborted', () => resolve(false));
    });
    if (!whole) return res.headersSent || res.destroyed ? undefined : sendError(res, 'FILE.TOO_LARGE');
    const file = fileOf(cloudPath);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(`${file}.tmp`, Buffer.concat(chunks));
    await fs.rename(`${file}.tmp`, file);
    return sendJson(res, 200, { ok: true, data: { fileID: `cloud://${LOCAL_CLOUD_ENV}.${BUCKET}/${cloudPath}` } });
  }

  async function serve(req: IncomingMessage, res: ServerResponse, cloudPath: string) {
    const q = new URL(req.url ?? '/', 'http://local').searchParams;
    const until = Number(q.get('t'));
    const given = Buffer.from(q.get('sign') ?? '');
    const wanted = Buffer.from(sign(cloudPath, until));
    const valid = Number.isSafeInteger(until) && until > now() && given.length === wanted.length && timingSafeEqual(given, wanted);
    if (!valid) return sendError(res, 'FILE.NOT_FOUND');
    const bytes = await fs.readFile(fileOf(cloudPath)).catch(() => null);
    if (!bytes) return sendError(res, 'FILE.NOT_FOUND');
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length, 'cache-control': 'private, max-age=60' });
    res.end(bytes);
  }

  return {
    envId: LOCAL_CLOUD_ENV,
    async inspect(cloudId, bytes) {
      const p = pathOf(cloudId);
      if (!p) return undefined;
      const fh = await fs.open(fileOf(p), 'r').catch(() => null);
      if (!fh) return undefined;
      try {
        const { size } = await fh.stat();
        const head = Buffer.alloc(Math.min(bytes, size));
        await fh.read(head, 0, head.length, 0);
        return { size, head: new Uint8Array(head) };
      } finally {
        await fh.close();
      }
    },
    async read(cloudId, maxBytes) {
      const p = pathOf(cloudId);
      if (!p) return undefined;
      const stat = await fs.stat(fileOf(p)).catch(() => null);
      if (!stat?.isFile()) return undefined;
      if (stat.size > maxBytes) return 'too_large';
      const bytes = await fs.readFile(fileOf(p)).catch(() => null);
      if (!bytes) return undefined;
      return bytes.length > maxBytes ? 'too_large' : new Uint8Array(bytes);
    },
    async urlOf(file, seconds) {
      if (!file.cloudId) return `/local/file/${encodeURIComponent(file.id)}`;
      const p = pathOf(file.cloudId);
      if (!p) return undefined;
      const until = now() + seconds * 1000;
      return `/local/cloud/file/${p}?t=${until}&sign=${sign(p, until)}`;
    },
    async route(req, res, p, signedIn) {
      const up = '/local/cloud/upload/';
      const read = '/local/cloud/file/';
      if (req.method === 'PUT' && p.startsWith(up)) {
        const cloudPath = p.slice(up.length);
        if (!signedIn) return discard(req), sendError(res, 'AUTH.UNAUTHENTICATED'), true;
        if (!CLOUD_PATH.test(cloudPath)) return discard(req), sendError(res, 'INPUT.INVALID', { _: '文件路径格式有误' }), true;
        await upload(req, res, cloudPath);
        return true;
      }
      if (req.method === 'GET' && p.startsWith(read)) {
        const cloudPath = p.slice(read.length);
        if (!CLOUD_PATH.test(cloudPath)) return sendError(res, 'FILE.NOT_FOUND'), true;
        await serve(req, res, cloudPath);
        return true;
      }
      return false;
    },
  };
}
