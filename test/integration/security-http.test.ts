/**
 * Issue 7, items 1 and 2 (and invalid UTF-8 at the HTTP layer), over a real socket: the exact bytes a
 * stranger could send, then a check that the server still answers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHarness, rid, type Harness } from '../support/harness';
import * as O from '../support/objects';
import { envelopeOf, healthStatus, rawHttp, request } from '../support/raw';

let h: Harness;
let site: string;
beforeAll(async () => {
  // An H5 root with a sibling folder whose name starts the same (the bare-startsWith hole of item 2).
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-site-'));
  fs.mkdirSync(path.join(site, 'h5'));
  fs.writeFileSync(path.join(site, 'h5', 'index.html'), '<!doctype html><title>H5</title>');
  fs.writeFileSync(path.join(site, 'h5', 'app.js'), 'console.log("app")');
  fs.mkdirSync(path.join(site, 'h5-private'));
  fs.writeFileSync(path.join(site, 'h5-private', 'secret.txt'), 'SECRET-OF-THE-SIBLING');
  fs.writeFileSync(path.join(site, 'secret-above.txt'), 'SECRET-ABOVE-THE-ROOT');
  fs.symlinkSync(path.join(site, 'h5-private', 'secret.txt'), path.join(site, 'h5', 'link.txt'));
  h = await startHarness({ env: { H5_DIR: path.join(site, 'h5') } });
});
afterAll(async () => {
  await h.close();
  fs.rmSync(site, { recursive: true, force: true });
});

const port = () => h.platform.port;
const png = fs.readFileSync(path.join(__dirname, '../fixtures/tiny.png'));
const BOUNDARY = 'wuyeBoundary7MA4YWxkTrZu0gW';
const multipart = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` };
const filePartHead = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`;
const complete = Buffer.concat([Buffer.from(filePartHead), png, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]);

/** Multipart bodies that end before their closing boundary (Content-Length is their exact length). */
const TRUNCATED: Record<string, Buffer> = {
  'inside the file part': Buffer.concat([Buffer.from(filePartHead), png]),
  'inside the file part, one byte in': Buffer.concat([Buffer.from(filePartHead), png.subarray(0, 1)]),
  'after the file part, at a cut closing boundary': Buffer.concat([Buffer.from(filePartHead), png, Buffer.from(`\r\n--${BOUNDARY}`)]),
  'with a text field and no file part': Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello`),
  'inside a part header': Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-da`),
  'right after the opening boundary': Buffer.from(`--${BOUNDARY}\r\n`),
  'before any boundary': Buffer.from('just some bytes'),
};

describe('item 1: a malformed upload is 400, answered once, and the server stays up', () => {
  it('the raw request builder is right: a complete multipart body uploads (200)', async () => {
    const a = await h.login('resident-a');
    const r = await rawHttp(port(), request('POST', '/local/upload', { headers: { ...multipart, authorization: `Bearer ${a}` }, body: complete }));
    expect([r.status, envelopeOf(r)?.fileId]).toEqual([200, expect.stringMatching(/^f_/)]);
  });

  for (const [name, body] of Object.entries(TRUNCATED)) {
    it(`item 1: truncated multipart (${name}) as a signed-in resident → 400 INPUT.INVALID once; the server still answers`, async () => {
      const a = await h.login('resident-a');
      const r = await rawHttp(port(), request('POST', '/local/upload', { headers: { ...multipart, authorization: `Bearer ${a}` }, body }));
      expect({ status: r.status, code: envelopeOf(r)?.error?.code, responses: r.responses }).toEqual({ status: 400, code: 'INPUT.INVALID', responses: 1 });
      expect(await healthStatus(port())).toBe(200);
    });
  }

  it('item 1: every truncated body, anonymous → 401 once each; the server still answers', async () => {
    for (const body of Object.values(TRUNCATED)) {
      const r = await rawHttp(port(), request('POST', '/local/upload', { headers: multipart, body }));
      expect([r.status, envelopeOf(r)?.error?.code, r.responses]).toEqual([401, 'AUTH.UNAUTHENTICATED', 1]);
    }
    expect(await healthStatus(port())).toBe(200);
  });

  it('item 1: the truncated bodies sent back to back on one kept-alive connection: one answer each, nothing stored', async () => {
    const a = await h.login('resident-a');
    const uploads = () => (fs.existsSync(path.join(h.dataDir, 'uploads')) ? fs.readdirSync(path.join(h.dataDir, 'uploads')).length : 0);
    const before = uploads();
    const all = Object.values(TRUNCATED).map((body, i, list) =>
      request('POST', '/local/upload', { headers: { ...multipart, authorization: `Bearer ${a}` }, body, close: i === list.length - 1 }),
    );
    const r = await rawHttp(port(), all, { timeoutMs: 10_000 });
    expect(r.ended).toBe('closed');
    expect(r.responses).toBe(all.length);
    expect(r.raw.toString('latin1').match(/HTTP\/1\.1 (\d{3})/g)!.map((s) => s.slice(9))).toEqual(all.map(() => '400'));
    expect(uploads()).toBe(before);
    expect(await healthStatus(port())).toBe(200);
  });

  it('[R-ACC-2] item 1: an anonymous upload is 401 before the body is read (the body never finishes arriving)', async () => {
    const head = request('POST', '/local/upload', { headers: { ...multipart, 'content-length': 4 * 1024 * 1024 }, close: false });
    const r = await rawHttp(port(), [head, Buffer.from(filePartHead), png], { untilFirstResponse: true, timeoutMs: 3000 });
    expect([r.ended, r.status, envelopeOf(r)?.error?.code]).toEqual(['complete', 401, 'AUTH.UNAUTHENTICATED']);
    // A session that is not (or no longer) valid is anonymous too.
    const bad = await rawHttp(port(), [request('POST', '/local/upload', { headers: { ...multipart, authorization: 'Bearer not-a-token', 'content-length': 1_000_000 }, close: false }), filePartHead], {
      untilFirstResponse: true,
      timeoutMs: 3000,
    });
    expect([bad.ended, bad.status]).toEqual(['complete', 401]);
  });

  it('item 1: a declared length past the image limit is refused before the body is read (FILE.TOO_LARGE)', async () => {
    const a = await h.login('resident-a');
    const head = request('POST', '/local/upload', { headers: { ...multipart, authorization: `Bearer ${a}`, 'content-length': 50 * 1024 * 1024 }, close: false });
    const r = await rawHttp(port(), [head, Buffer.from(filePartHead)], { untilFirstResponse: true, timeoutMs: 3000 });
    expect([r.ended, r.status, envelopeOf(r)?.error?.code]).toEqual(['complete', 400, 'FILE.TOO_LARGE']);
  });

  it('item 1: not multipart at all, a boundary-less content type, two files: 400, one answer, server up', async () => {
    const a = await h.login('resident-a');
    const auth = { authorization: `Bearer ${a}` };
    const cases = [
      request('POST', '/local/upload', { headers: { ...auth, 'content-type': 'application/json' }, body: '{"file":"x"}' }),
      request('POST', '/local/upload', { headers: { ...auth, 'content-type': 'multipart/form-data' }, body: complete }),
      request('POST', '/local/upload', { headers: auth, body: complete }),
    ];
    for (const c of cases) {
      const r = await rawHttp(port(), c);
      expect([r.status, envelopeOf(r)?.error?.code, r.responses]).toEqual([400, 'INPUT.INVALID', 1]);
    }
    const two = Buffer.concat([Buffer.from(filePartHead), png, Buffer.from(`\r\n`), Buffer.from(filePartHead), png, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]);
    const r = await rawHttp(port(), request('POST', '/local/upload', { headers: { ...multipart, ...auth }, body: two }));
    expect([r.status, r.responses]).toEqual([200, 1]); // the first file is kept, the second ignored
    expect(await healthStatus(port())).toBe(200);
  });
});

describe('item 2: malformed percent-encoding is 400/404, never 500; the static root is a folder, not a prefix', () => {
  it('item 2: GET /% and friends answer 400 (a page path that cannot be decoded), /fn/%ZZ 404', async () => {
    const answers: Record<string, number> = {};
    for (const [method, target] of [
      ['GET', '/%'],
      ['GET', '/%ZZ'],
      ['GET', '/%E4%B8'],
      ['GET', '/pages/%C0%AF'],
      ['HEAD', '/%'],
      ['GET', '/fn/%ZZ'],
      ['POST', '/fn/%ZZ'],
      ['POST', '/fn/%'],
      ['GET', '/local/file/%'],
      ['GET', '/local/%ZZ'],
      ['POST', '/local/login%'],
    ] as const) {
      const r = await rawHttp(port(), request(method, target, method === 'POST' ? { body: '{}' } : {}));
      answers[`${method} ${target}`] = r.status;
    }
    expect(answers).toEqual({
      'GET /%': 400,
      'GET /%ZZ': 400,
      'GET /%E4%B8': 400,
      'GET /pages/%C0%AF': 400,
      'HEAD /%': 400,
      'GET /fn/%ZZ': 404,
      'POST /fn/%ZZ': 404,
      'POST /fn/%': 404,
      'GET /local/file/%': 404,
      'GET /local/%ZZ': 404,
      'POST /local/login%': 404,
    });
    expect(await healthStatus(port())).toBe(200);
  });

  it('item 2: a sibling folder whose name starts like the H5 root is never served (encoded and raw dot segments, symlinks)', async () => {
    const served: Record<string, [number, boolean]> = {};
    for (const target of [
      '/%2e%2e%2fh5-private%2fsecret.txt',
      '/..%2fh5-private%2fsecret.txt',
      '/%2e%2e/h5-private/secret.txt',
      '/../h5-private/secret.txt',
      '/..%2f..%2fh5-private/secret.txt',
      '/%2e%2e%2fsecret-above.txt',
      '/..%5csecret-above.txt',
      '/link.txt',
    ]) {
      const r = await rawHttp(port(), request('GET', target));
      served[target] = [r.status, /SECRET/.test(r.body.toString('latin1'))];
    }
    // Outside the root: 404. A symlink out of the root is as if absent: the app's page (200), never the file.
    expect(served).toEqual({
      '/%2e%2e%2fh5-private%2fsecret.txt': [404, false],
      '/..%2fh5-private%2fsecret.txt': [404, false],
      '/%2e%2e/h5-private/secret.txt': [404, false],
      '/../h5-private/secret.txt': [404, false],
      '/..%2f..%2fh5-private/secret.txt': [404, false],
      '/%2e%2e%2fsecret-above.txt': [404, false],
      '/..%5csecret-above.txt': [200, false],
      '/link.txt': [200, false],
    });
    // What is inside is still served.
    const js = await rawHttp(port(), request('GET', '/app.js'));
    expect([js.status, js.body.toString()]).toEqual([200, 'console.log("app")']);
    const page = await rawHttp(port(), request('GET', '/pages/index/index'));
    expect([page.status, page.body.toString()]).toEqual([200, '<!doctype html><title>H5</title>']);
  });

  it('item 2: a malformed session cookie is anonymous, not a 500', async () => {
    const r = await rawHttp(port(), request('POST', '/fn/account', { headers: { cookie: 'wuye_token=%E4%' }, body: '{"action":"me"}' }));
    expect([r.status, envelopeOf(r)?.error?.code]).toEqual([401, 'AUTH.UNAUTHENTICATED']);
  });
});

describe('invalid UTF-8 in a JSON body (issue 7, item 6 at the HTTP layer)', () => {
  it('a body with an invalid UTF-8 byte is refused (400 INPUT.INVALID), not stored with U+FFFD; nothing changes', async () => {
    const a = await h.login('resident-a');
    const db = O.dbOf(h);
    const before = await O.fingerprint(db);
    const json = (content: Buffer) =>
      Buffer.concat([Buffer.from(`{"action":"submit","requestId":"${rid('utf8')}","householdId":"1-1-101","kind":"suggestion","content":"建议`), content, Buffer.from('修剪树枝"}')]);
    for (const bad of [Buffer.from([0xff]), Buffer.from([0xe4, 0xb8]), Buffer.from([0xc0, 0xaf]), Buffer.from([0xed, 0xa0, 0x80])]) {
      const r = await rawHttp(port(), request('POST', '/fn/case', { headers: { 'content-type': 'application/json', authorization: `Bearer ${a}` }, body: json(bad) }));
      expect([r.status, envelopeOf(r)?.error?.code]).toEqual([400, 'INPUT.INVALID']);
    }
    await O.settle(h);
    expect(O.changedTables(before, await O.fingerprint(db))).toEqual([]);
    // The same body in valid UTF-8 is accepted: it is the bytes that were refused.
    const good = await rawHttp(port(), request('POST', '/fn/case', { headers: { 'content-type': 'application/json', authorization: `Bearer ${a}` }, body: json(Buffer.from('，')) }));
    expect(good.status).toBe(200);
  });
});
