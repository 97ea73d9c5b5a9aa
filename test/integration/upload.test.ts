import fs from 'node:fs';
import path from 'node:path';
import { startHarness, rid, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const png = fs.readFileSync(path.join(__dirname, '../fixtures/tiny.png'));

async function upload(token: string | null, bytes: Buffer, name = 'photo.png', type = 'image/png') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  const res = await fetch(`${h.url}/local/upload`, { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: (await res.json()) as any };
}
const get = async (token: string | null, fileId: string) => (await fetch(`${h.url}/local/file/${fileId}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })).status;

describe('photo uploads', () => {
  it("[R-ACC-4] a case photo is served to its household and staff, and is 404 to another household", async () => {
    const a = await h.login('resident-a');
    const up = await upload(a, png);
    expect(up.status).toBe(200);
    expect(up.body.fileId).toMatch(/^f_/);
    const sub = await h.call(a, 'case', { action: 'submit', requestId: rid(), householdId: '1-1-101', kind: 'suggestion', content: '建议修剪 1 号楼前的树枝', photos: [up.body.fileId] });
    expect(sub.body.data.photos).toEqual([up.body.fileId]);
    expect(await get(a, up.body.fileId)).toBe(200);
    expect(await get(await h.login('frontdesk'), up.body.fileId)).toBe(200);
    expect(await get(await h.login('resident-b'), up.body.fileId)).toBe(404);
    expect(await get(null, up.body.fileId)).toBe(401);
    const res = await fetch(`${h.url}/local/file/${up.body.fileId}`, { headers: { authorization: `Bearer ${a}` } });
    expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);
    expect(res.headers.get('content-type')).toBe('image/png');
  });

  it('only images, only within 5 MB, only from signed-in bound users; refusals store nothing', async () => {
    const a = await h.login('resident-a');
    const files = () => (fs.existsSync(path.join(h.dataDir, 'uploads')) ? fs.readdirSync(path.join(h.dataDir, 'uploads')).length : 0);
    const before = files();
    const text = await upload(a, Buffer.from('<script>alert(1)</script>'), 'x.png', 'image/png');
    expect([text.status, text.body.error.code]).toEqual([400, 'FILE.UNSUPPORTED_TYPE']);
    const big = await upload(a, Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]));
    expect([big.status, big.body.error.code]).toEqual([400, 'FILE.TOO_LARGE']);
    expect((await upload(null, png)).status).toBe(401);
    const unbound = await upload(await h.login('resident-new'), png);
    expect([unbound.status, unbound.body.error.code]).toEqual([403, 'HOUSEHOLD.NOT_BOUND']);
    expect(files()).toBe(before);
  });

  it("a photo someone else uploaded cannot be attached to one's own case", async () => {
    const b = await h.login('resident-b');
    const theirs = await upload(b, png);
    const a = await h.login('resident-a');
    const r = await h.call(a, 'case', { action: 'submit', requestId: rid(), householdId: '1-1-101', kind: 'suggestion', content: '建议修剪 1 号楼前的树枝', photos: [theirs.body.fileId] });
    expect([r.status, r.body.error.code]).toEqual([404, 'FILE.NOT_FOUND']);
  });
});
