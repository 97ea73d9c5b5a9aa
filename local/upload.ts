import type { IncomingMessage, ServerResponse } from 'node:http';
import Busboy from 'busboy';
import { httpStatusOf, type Outcome } from '../core/errors';
import { MAX_IMAGE_BYTES } from '../core/usecases/file/upload';
import { discard, sendError, sendJson } from './http';

/** Room for the multipart framing around one image (boundaries, part headers). */
const FRAMING_BYTES = 64 * 1024;

export interface UploadPorts {
  /** Whether the request carries a live session (checked before a byte of the body is read). */
  signedIn(req: IncomingMessage): boolean;
  /** Stores the image for the caller (the use case checks who may upload and what the bytes are). */
  save(req: IncomingMessage, bytes: Uint8Array): Promise<Outcome<{ fileId: string }>>;
}

/**
 * `POST /local/upload`: one image in a multipart body. Anonymous callers are refused before the body is
 * read; a declared length past the limit is refused before it is read; any malformed or truncated body
 * is 400. Every request is answered exactly once, and nothing a client sends can throw out of here.
 */
export function handleUpload(ports: UploadPorts, req: IncomingMessage, res: ServerResponse): Promise<void> {
  return new Promise((resolve, reject) => receive(ports, req, res, resolve, reject));
}

function receive(ports: UploadPorts, req: IncomingMessage, res: ServerResponse, done: () => void, failed: (e: unknown) => void) {
  let answered = false;
  const answer = (send: () => void) => {
    if (answered) return;
    answered = true;
    send();
    done();
  };
  const refuse = (code: Parameters<typeof sendError>[1], why?: string) =>
    answer(() => {
      discard(req);
      sendError(res, code, why ? { _: why } : undefined);
    });

  if (!ports.signedIn(req)) return refuse('AUTH.UNAUTHENTICATED');
  if (Number(req.headers['content-length'] ?? 0) > MAX_IMAGE_BYTES + FRAMING_BYTES) return refuse('FILE.TOO_LARGE');

  let bb: Busboy.Busboy;
  try {
    bb = Busboy({ headers: req.headers, limits: { files: 1, fileSize: MAX_IMAGE_BYTES + 1, fields: 5, parts: 6, headerPairs: 20 } });
  } catch {
    return refuse('INPUT.INVALID', '请以 multipart/form-data 格式上传一张图片');
  }
  const parts: Buffer[] = [];
  let got = false;
  let tooBig = false;
  const malformed = () => {
    req.unpipe(bb);
    refuse('INPUT.INVALID', '上传内容不完整或格式有误，请重新选择图片');
  };

  bb.on('file', (_field, stream) => {
    if (got) return void stream.resume();
    got = true;
    stream.on('data', (d: Buffer) => {
      if (!tooBig) parts.push(d);
    });
    stream.on('limit', () => {
      tooBig = true;
      parts.length = 0;
    });
    // A body that ends inside the file part errors the file stream as well as the parser.
    stream.on('error', malformed);
  });
  bb.on('error', malformed);
  bb.on('close', () => {
    if (answered) return;
    if (!got) return refuse('INPUT.INVALID', '请选择一张图片上传');
    if (tooBig) return refuse('FILE.TOO_LARGE');
    answered = true;
    ports.save(req, new Uint8Array(Buffer.concat(parts))).then((out) => {
      sendJson(res, out.ok ? 200 : httpStatusOf(out.error.code), out.ok ? { ...out, fileId: out.data.fileId } : out);
      done();
    }, failed);
  });
  // The client went away mid-body: nobody is left to answer; the parser is let go.
  const gone = () => {
    answered = true;
    bb.destroy();
    done();
  };
  req.on('aborted', gone);
  req.on('error', gone);
  req.pipe(bb);
}
