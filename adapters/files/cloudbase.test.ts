import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { cloudbaseStorage } from './cloudbase';

/**
 * The adapter through the real `@cloudbase/node-sdk`, its `serviceUrl` pointed at a local stand-in of
 * CloudBase's API (tcb-api: the SDK signs and posts `storage.batchGetDownloadUrl` there) and of the
 * storage's object server (what the temporary URLs point at). Nothing here talks to Tencent Cloud.
 */
const png = fs.readFileSync(path.join(__dirname, '../../test/fixtures/tiny.png'));
const ENV = 'test-env-1a2b';
const present = `cloud://${ENV}.7465-${ENV}-1300000000/uploads/o_user/abcdefgh.png`;
const gone = `cloud://${ENV}.7465-${ENV}-1300000000/uploads/o_user/deleted1.png`;
const vanished = `cloud://${ENV}.7465-${ENV}-1300000000/uploads/o_user/vanished.png`;
const broken = `cloud://${ENV}.7465-${ENV}-1300000000/uploads/o_user/brokenxx.png`;

let api: http.Server;
let objects: http.Server;
let apiUrl = '';
let objectsUrl = '';
const seen: { body: any; authorization: string }[] = [];
const ranges: (string | undefined)[] = [];
let ignoreRange = false;
const puts: { url: string; headers: http.IncomingHttpHeaders; body: Buffer }[] = [];
const stored = new Map<string, Buffer>();
let uploadAuthorization = 'cos-signature';

function listen(server: http.Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

beforeAll(async () => {
  objects = http.createServer((req, res) => {
    if (req.method === 'PUT') {
      const parts: Buffer[] = [];
      req.on('data', (d) => parts.push(d));
      req.on('end', () => {
        puts.push({ url: String(req.url), headers: req.headers, body: Buffer.concat(parts) });
        if (req.headers.authorization !== 'cos-signature') return void res.writeHead(403).end("<?xml version='1.0' encoding='utf-8' ?><Error><Code>AccessDenied</Code><Message>denied</Message><RequestId>x</RequestId><TraceId>y</TraceId></Error>");
        stored.set(String(req.url).split('?')[0].slice(1), Buffer.concat(parts));
        res.writeHead(200).end('');
      });
      return;
    }
    const saved = stored.get(String(req.url).split('?')[0].slice(1));
    if (saved) return void res.writeHead(200, { 'content-length': saved.length }).end(saved);
    ranges.push(req.headers.range);
    if (!req.url?.startsWith('/abcdefgh.png')) return void res.writeHead(404).end();
    const m = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
    if (m && !ignoreRange) {
      const part = png.subarray(Number(m[1]), Number(m[2]) + 1);
      res.writeHead(206, { 'content-range': `bytes ${m[1]}-${Number(m[1]) + part.length - 1}/${png.length}`, 'content-length': part.length });
      return void res.end(part);
    }
    res.writeHead(200, { 'content-length': png.length, 'content-type': 'image/svg+xml' });
    res.end(png);
  });
  objectsUrl = await listen(objects);
  api = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      const body = JSON.parse(raw);
      seen.push({ body, authorization: String(req.headers.authorization) });
      res.setHeader('content-type', 'application/json');
      if (String(req.headers.authorization).includes('AKIDrefused')) return void res.end(JSON.stringify({ code: 'SIGN_PARAM_INVALID', message: '签名错误' }));
      if (body.action === 'storage.getUploadMetadata') {
        const key = `exports-${String(body.path).split('/').pop()}`;
        return void res.end(JSON.stringify({ requestId: 'r2', data: { url: `${objectsUrl}/${key}`, token: 'cos-token', authorization: uploadAuthorization, fileId: `cloud://${ENV}.7465-${ENV}-1300000000/${body.path}`, cosFileId: 'cos-1' } }));
      }
      if (body.action !== 'storage.batchGetDownloadUrl') return void res.end(JSON.stringify({ code: 'INVALID_ACTION', message: 'unknown' }));
      const list = body.file_list.map((f: { fileid: string; max_age: number }) => {
        if (f.fileid === gone) return { fileID: f.fileid, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' };
        if (f.fileid === broken) return { fileID: f.fileid, tempFileURL: '', code: 'STORAGE_EXCEED_AUTHORITY' };
        const name = f.fileid.includes('/exports/') ? `exports-${f.fileid.split('/').pop()}` : f.fileid.split('/').pop();
        return { fileID: f.fileid, tempFileURL: `${objectsUrl}/${name}?sign=s&t=${f.max_age}`, code: 'SUCCESS' };
      });
      res.end(JSON.stringify({ requestId: 'r1', data: { download_list: list } }));
    });
  });
  apiUrl = await listen(api);
});
afterAll(async () => {
  await new Promise((r) => api.close(r));
  await new Promise((r) => objects.close(r));
});

const storage = () => cloudbaseStorage({ envId: ENV, serviceUrl: `${apiUrl}/admin`, secretId: 'AKIDlocaltest', secretKey: 'not-a-secret', timeoutMs: 3000 });

describe('CloudBase storage adapter (real SDK, local stand-in endpoints)', () => {
  it('asks the SDK for a temporary URL, then reads only the first bytes: size from Content-Range, type left to the bytes', async () => {
    seen.length = 0;
    ranges.length = 0;
    const found = await storage().inspect(present, 16);
    expect(found).toEqual({ size: png.length, head: new Uint8Array(png.subarray(0, 16)) });
    expect(ranges).toEqual(['bytes=0-15']);
    expect(seen).toHaveLength(1);
    expect(seen[0].body).toMatchObject({ action: 'storage.batchGetDownloadUrl', envName: ENV, file_list: [{ fileid: present, max_age: 60 }] });
    // The SDK signed the call with the configured key (TC3-HMAC-SHA256), as CloudBase requires.
    expect(seen[0].authorization).toMatch(/^TC3-HMAC-SHA256 Credential=AKIDlocaltest\//);
  });

  it('a server that ignores the Range: the size from Content-Length, and only the first bytes are kept', async () => {
    ignoreRange = true;
    try {
      expect(await storage().inspect(present, 12)).toEqual({ size: png.length, head: new Uint8Array(png.subarray(0, 12)) });
    } finally {
      ignoreRange = false;
    }
  });

  it('a file CloudBase does not know, or whose URL finds nothing, is absent; other refusals are errors', async () => {
    expect(await storage().inspect(gone, 16)).toBeUndefined();
    expect(await storage().inspect(vanished, 16)).toBeUndefined();
    await expect(storage().inspect(broken, 16)).rejects.toThrow(/STORAGE_EXCEED_AUTHORITY/);
    expect(await storage().urlOf({ id: 'f_x', cloudId: gone }, 600)).toBeUndefined();
  });

  it('urlOf: a temporary URL for the asked lifetime for a cloud file; nothing for a file the platform stored', async () => {
    seen.length = 0;
    const url = await storage().urlOf({ id: 'f_abcd', cloudId: present }, 600);
    expect(url).toBe(`${objectsUrl}/abcdefgh.png?sign=s&t=600`);
    expect(seen[0].body.file_list).toEqual([{ fileid: present, max_age: 600 }]);
    expect(await storage().urlOf({ id: 'f_abcd', cloudId: null }, 600)).toBeUndefined();
    expect(storage().envId).toBe(ENV);
  });

  it('an API error answer (a code instead of data) or an unreachable API is thrown, never taken for "absent"', async () => {
    const refused = cloudbaseStorage({ envId: ENV, serviceUrl: `${apiUrl}/admin`, secretId: 'AKIDrefused', secretKey: 'x', timeoutMs: 1000 });
    await expect(refused.inspect(present, 16)).rejects.toThrow(/签名错误|SIGN_PARAM_INVALID/);
    await expect(refused.urlOf({ id: 'f_x', cloudId: present }, 600)).rejects.toThrow();
    const unreachable = cloudbaseStorage({ envId: ENV, serviceUrl: `${apiUrl.replace(/:\d+$/, ':1')}/admin`, secretId: 'AKIDlocaltest', secretKey: 'x', timeoutMs: 1000 });
    await expect(unreachable.inspect(present, 16)).rejects.toThrow();
  });

  it('save: an export goes up through the SDK (upload metadata, then a PUT to the object server) and reads back through a temporary URL', async () => {
    seen.length = 0;
    puts.length = 0;
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3, 250]);
    const cloudId = await storage().save!('exports/f_report1.xlsx', bytes);
    expect(cloudId).toBe(`cloud://${ENV}.7465-${ENV}-1300000000/exports/f_report1.xlsx`);
    expect(seen[0].body).toMatchObject({ action: 'storage.getUploadMetadata', path: 'exports/f_report1.xlsx', envName: ENV });
    expect(puts).toHaveLength(1);
    expect(puts[0].headers['x-cos-security-token']).toBe('cos-token');
    expect([...puts[0].body]).toEqual([...bytes]);
    const url = await storage().urlOf({ id: 'f_report1', cloudId }, 600);
    const back = new Uint8Array(await (await fetch(url!)).arrayBuffer());
    expect([...back]).toEqual([...bytes]);
  });

  it('save: the object server refusing the upload is an error, never a file id', async () => {
    uploadAuthorization = 'wrong';
    try {
      await expect(storage().save!('exports/f_refused.xlsx', new Uint8Array([1]))).rejects.toThrow();
    } finally {
      uploadAuthorization = 'cos-signature';
    }
  });
});
