import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodePath, pathOf, sendError } from './http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** Whether `file` lies inside the folder `root` (both absolute): by path segments, not by string prefix. */
export function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

/** An existing regular file inside root (symbolic links resolved on both sides) and its size, else null. */
function fileInside(root: string, file: string): { file: string; size: number } | null {
  try {
    const real = fs.realpathSync(file);
    const stat = fs.statSync(real);
    return isInside(fs.realpathSync(root), real) && stat.isFile() ? { file: real, size: stat.size } : null;
  } catch {
    return null;
  }
}

/** Serves the H5 build; unknown paths fall back to index.html (hash routes). */
export function serveStatic(root: string, req: IncomingMessage, res: ServerResponse) {
  const raw = pathOf(req.url);
  const urlPath = raw === null ? null : decodePath(raw);
  if (urlPath === null || urlPath.includes('\0')) return sendError(res, 'INPUT.INVALID', { _: '请求地址格式有误' });
  const base = path.resolve(root);
  const wanted = path.resolve(base, `.${path.posix.sep}${urlPath}`);
  if (!isInside(base, wanted)) return sendError(res, 'FUNCTION.NOT_FOUND');
  const target = fileInside(base, wanted) ?? fileInside(base, path.join(base, 'index.html'));
  if (!target) {
    res.writeHead(503, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<meta charset="utf-8"><p>H5 应用尚未构建，请运行 <code>npm start</code>（或 <code>npm run build:h5</code>）。</p>');
    return;
  }
  const ext = path.extname(target.file);
  const stream = fs.createReadStream(target.file);
  stream.once('error', () => (res.headersSent ? res.destroy() : sendError(res, 'FUNCTION.NOT_FOUND')));
  stream.once('open', () => {
    res.writeHead(200, {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'content-length': String(target.size),
      'cache-control': ext === '.html' ? 'no-cache' : 'public, max-age=3600',
      'x-content-type-options': 'nosniff',
    });
    stream.pipe(res);
  });
}
