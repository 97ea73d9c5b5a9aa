import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { cloudbaseStorage } from './cloudbase';

/**
 * `read` (the household register's .xlsx, read whole by the setup function) through the real
 * `@cloudbase/node-sdk`: its `serviceUrl` points at a local stand-in of CloudBase's API (the SDK signs and
 * posts `storage.batchGetDownloadUrl`) and of the object server the temporary URLs name. Nothing here
 * talks to Tencent Cloud.
 */
const ENV = 'test-env-9z8y';
const id = (name: string) => `cloud://${ENV}.7465-${ENV}-1300000000/uploads/o_manager/${name}`;
const MAX = 64 * 1024;
const small = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251));

let api: http.Server;
let objects: http.Server;
let apiUrl = '';
const apiCalls: any[] = [];
/** Bytes the object server managed to write per request before the client let go. */
const sent: Record<string, number> = {};

function listen(server: http.Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

beforeAll(async () => {
  objects = http.createServer((req, res) => {
    const name = String(req.url).split('?')[0].slice(1);
    sent[name] = 0;
    const write = (b: Buffer) => ((sent[name] += b.length), res.write(b));
    if (name === 'register.xlsx') return void res.writeHead(200, { 'content-length': small.length }).end(small);
    if (name === 'empty.xlsx') return void res.writeHead(200, { 'content-length': 0 }).end();
    if (name === 'declared-big.xlsx') {
      // Says it is 10 MB up front: the reader need not take a byte of it.
      res.writeHead(200, { 'content-length': 10 * 1024 * 1024 });
      write(Buffer.alloc(16 * 1024));
      return;
    }
    if (name === 'chunked-big.xlsx') {
      // No length given (chunked): the reader stops once the limit is passed.
      res.writeHead(200, { 'transfer-encoding': 'chunked' });
      let n = 0;
      const timer = setInterval(() => {
        if (res.destroyed || n++ > 400) return void (clearInterval(timer), res.end());
        write(Buffer.alloc(8 * 1024, 1));
      }, 1);
      res.on('close', () => clearInterval(timer));
      return;
    }
    if (name === 'broken.xlsx') return void res.writeHead(500).end('oops');
    res.writeHead(404).end();
  });
  const objectsUrl = await listen(objects);
  api = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      const body = JSON.parse(raw);
      apiCalls.push({ body, authorization: String(req.headers.authorization) });
      res.setHeader('content-type', 'application/json');
      if (body.action !== 'storage.batchGetDownloadUrl') return void res.end(JSON.stringify({ code: 'INVALID_ACTION', message: 'unknown' }));
      const list = body.file_list.map((f: { fileid: string; max_age: number }) => {
        const name = f.fileid.split('/').pop();
        if (name === 'deleted.xlsx') return { fileID: f.fileid, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' };
        return { fileID: f.fileid, tempFileURL: `${objectsUrl}/${name}?sign=s&t=${f.max_age}`, code: 'SUCCESS' };
      });
      res.end(JSON.stringify({ requestId: 'r1', data: { download_list: list } }));
    });
  });
  apiUrl = await listen(api);
});
afterAll(async () => {
  await new Promise((r) => api.close(r));
  objects.closeAllConnections();
  await new Promise((r) => objects.close(r));
});

const storage = () => cloudbaseStorage({ envId: ENV, serviceUrl: `${apiUrl}/admin`, secretId: 'AKIDlocaltest', secretKey: 'not-a-secret', timeoutMs: 3000 });

describe('CloudBase storage adapter: read (real SDK, local stand-in endpoints)', () => {
  it('reads a whole file through a signed temporary-URL call, byte for byte', async () => {
    apiCalls.length = 0;
    const got = await storage().read(id('register.xlsx'), MAX);
    expect(got).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(got as Uint8Array).equals(small)).toBe(true);
    expect(apiCalls).toHaveLength(1);
    expect(apiCalls[0].body).toMatchObject({ action: 'storage.batchGetDownloadUrl', envName: ENV, file_list: [{ fileid: id('register.xlsx'), max_age: 60 }] });
    expect(apiCalls[0].authorization).toMatch(/^TC3-HMAC-SHA256 Credential=AKIDlocaltest\//);
    expect([...((await storage().read(id('empty.xlsx'), MAX)) as Uint8Array)]).toEqual([]);
    // Exactly at the limit is still read; one byte less is too large.
    expect(((await storage().read(id('register.xlsx'), small.length)) as Uint8Array).length).toBe(small.length);
    expect(await storage().read(id('register.xlsx'), small.length - 1)).toBe('too_large');
  });

  it('too large by its declared length: refused without reading the body; without a length: refused once past the limit', async () => {
    expect(await storage().read(id('declared-big.xlsx'), MAX)).toBe('too_large');
    expect(await storage().read(id('chunked-big.xlsx'), MAX)).toBe('too_large');
    // The chunked one was let go soon after the limit, not read to its end (~3.2 MB).
    await new Promise((r) => setTimeout(r, 50));
    expect(sent['chunked-big.xlsx']).toBeLessThan(MAX * 8);
  });

  it('a file CloudBase does not know, or whose URL finds nothing, is absent; a failing object server is an error', async () => {
    expect(await storage().read(id('deleted.xlsx'), MAX)).toBeUndefined();
    expect(await storage().read(id('vanished.xlsx'), MAX)).toBeUndefined();
    await expect(storage().read(id('broken.xlsx'), MAX)).rejects.toThrow(/HTTP 500/);
  });
});
