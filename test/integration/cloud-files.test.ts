import fs from 'node:fs';
import path from 'node:path';
import { startHarness, rid, type Harness } from '../support/harness';
import { demoOpenid } from '../../local/seed';

/**
 * Photos through (the local stand-in of) CloudBase storage: the client uploads to a path `file.uploadPath`
 * gave, registers the `cloud://` id with `file.register`, and reads photos through the short-lived URLs
 * `file.url` hands out after the same access check as `/local/file`.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const png = fs.readFileSync(path.join(__dirname, '../fixtures/tiny.png'));

/** What `Taro.cloud.uploadFile` does, against the local platform's storage: → the `cloud://` fileID. */
async function cloudUpload(token: string, cloudPath: string, bytes: Buffer): Promise<string> {
  const res = await fetch(`${h.url}/local/cloud/upload/${cloudPath}`, { method: 'PUT', body: new Uint8Array(bytes), headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: { fileID: string } }).data.fileID;
}

async function uploadAndRegister(user: string, bytes = png) {
  const t = await h.login(user);
  const where = await h.call(t, 'file', { action: 'uploadPath', ext: 'png' });
  expect(where.status).toBe(200);
  const cloudId = await cloudUpload(t, where.body.data.cloudPath, bytes);
  const reg = await h.call(t, 'file', { action: 'register', requestId: rid(), fileId: cloudId });
  return { t, cloudPath: where.body.data.cloudPath as string, cloudId, reg };
}

async function urlFor(user: string | null, fileId: string) {
  return h.call(user ? await h.login(user) : null, 'file', { action: 'url', fileId });
}

describe('photos through cloud storage', () => {
  it("an upload path lies under the caller's own OPENID; only signed-in users who may upload get one", async () => {
    const a = await h.call(await h.login('resident-a'), 'file', { action: 'uploadPath' });
    expect(a.body.data.cloudPath).toMatch(new RegExp(`^uploads/${demoOpenid('resident-a')}/p_[A-Za-z0-9]+\\.jpg$`));
    const again = await h.call(await h.login('resident-a'), 'file', { action: 'uploadPath' });
    expect(again.body.data.cloudPath).not.toBe(a.body.data.cloudPath);
    expect((await h.call(null, 'file', { action: 'uploadPath' })).status).toBe(401);
    const unbound = await h.call(await h.login('resident-new'), 'file', { action: 'uploadPath' });
    expect([unbound.status, unbound.body.error.code]).toEqual([403, 'HOUSEHOLD.NOT_BOUND']);
    const staff = await h.call(await h.login('frontdesk'), 'file', { action: 'uploadPath', ext: 'webp' });
    expect(staff.body.data.cloudPath).toMatch(/\.webp$/);
  });

  it('[R-ACC-4] a registered photo joins a case; its URL goes to the household and staff, another household gets 404', async () => {
    const { t, cloudId, reg } = await uploadAndRegister('resident-a');
    expect(reg.status).toBe(200);
    expect(reg.body.data.fileId).toMatch(/^f_/);
    const fileId = reg.body.data.fileId as string;
    const sub = await h.call(t, 'case', { action: 'submit', requestId: rid(), householdId: '1-1-101', kind: 'suggestion', content: '建议修剪 1 号楼前的树枝', photos: [fileId] });
    expect(sub.body.data.photos).toEqual([fileId]);

    for (const user of ['resident-a', 'frontdesk']) {
      const u = await urlFor(user, fileId);
      expect(u.status).toBe(200);
      expect(u.body.data.url).toMatch(/^\/local\/cloud\/file\/uploads\//);
      expect(u.body.data.url).not.toContain(cloudId);
      const left = Date.parse(u.body.data.expiresAt) - h.platform.clock.now();
      expect(left).toBeGreaterThan(590_000);
      expect(left).toBeLessThanOrEqual(600_000);
      const res = await fetch(`${h.url}${u.body.data.url}`);
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);
    }
    const other = await urlFor('resident-b', fileId);
    expect([other.status, other.body.error.code]).toEqual([404, 'FILE.NOT_FOUND']);
    expect((await urlFor(null, fileId)).status).toBe(401);
    // The URL is short-lived and cannot be bent to another file.
    const u = (await urlFor('resident-a', fileId)).body.data.url as string;
    expect((await fetch(`${h.url}${u.replace(/\.png\?/, 'x.png?')}`)).status).toBe(404);
    await h.platform.clock.advance(601_000);
    expect((await fetch(`${h.url}${u}`)).status).toBe(404);
  });

  it("a file under another user's prefix, in another environment or not uploaded is 404 and stores nothing", async () => {
    const a = await h.login('resident-a');
    const b = await h.login('resident-b');
    // resident-b uploads into resident-a's prefix (CloudBase storage lets a client write any path) …
    const theirs = await cloudUpload(b, `uploads/${demoOpenid('resident-a')}/planted12.png`, png);
    const byB = await h.call(b, 'file', { action: 'register', requestId: rid(), fileId: theirs });
    expect([byB.status, byB.body.error.code]).toEqual([404, 'FILE.NOT_FOUND']);
    // … and resident-a cannot register resident-b's uploads either.
    const bPath = (await h.call(b, 'file', { action: 'uploadPath', ext: 'png' })).body.data.cloudPath;
    const bFile = await cloudUpload(b, bPath, png);
    const byA = await h.call(a, 'file', { action: 'register', requestId: rid(), fileId: bFile });
    expect([byA.status, byA.body.error.code]).toEqual([404, 'FILE.NOT_FOUND']);
    const otherEnv = bFile.replace('cloud://local-env.', 'cloud://prod-env.');
    const aPath = (await h.call(a, 'file', { action: 'uploadPath', ext: 'png' })).body.data.cloudPath;
    for (const fileId of [otherEnv.replace(demoOpenid('resident-b'), demoOpenid('resident-a')), `cloud://local-env.6c6f-local-env-1300000000/${aPath}`]) {
      const r = await h.call(a, 'file', { action: 'register', requestId: rid(), fileId });
      expect([r.status, r.body.error.code]).toEqual([404, 'FILE.NOT_FOUND']);
    }
    expect(await h.platform.deps.store.transaction((tx) => tx.fileByCloudId(bFile))).toBeUndefined();
    expect(await h.platform.deps.store.transaction((tx) => tx.fileByCloudId(theirs))).toBeUndefined();
  });

  it('only images within 5 MB from users who may upload; malformed ids are refused by the schema', async () => {
    const text = await uploadAndRegister('resident-a', Buffer.from('<script>alert(1)</script>'));
    expect([text.reg.status, text.reg.body.error.code]).toEqual([400, 'FILE.UNSUPPORTED_TYPE']);
    const big = await uploadAndRegister('resident-a', Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]));
    expect([big.reg.status, big.reg.body.error.code]).toEqual([400, 'FILE.TOO_LARGE']);
    for (const id of [text.cloudId, big.cloudId]) expect(await h.platform.deps.store.transaction((tx) => tx.fileByCloudId(id))).toBeUndefined();

    const a = await h.login('resident-a');
    const good = `cloud://local-env.6c6f-local-env-1300000000/uploads/${demoOpenid('resident-a')}/abcdefgh.png`;
    for (const fileId of [
      good.replace('abcdefgh.png', '../../x/abcdefgh.png'),
      good.replace('abcdefgh.png', 'abc%2fdefgh.png'),
      good.replace('.png', '.svg'),
      good.replace('uploads/', 'other/'),
      `https://example.com/${good}`,
      good.replace('abcdefgh', 'a'.repeat(300)),
      `f_${'a'.repeat(10)}`,
    ]) {
      const r = await h.call(a, 'file', { action: 'register', requestId: rid(), fileId });
      expect([fileId, r.status, r.body.error.code]).toEqual([fileId, 400, 'INPUT.INVALID']);
    }
    // A user who may not upload cannot register, even their own upload.
    const n = await h.login('resident-new');
    const planted = await cloudUpload(n, `uploads/${demoOpenid('resident-new')}/newuser12.png`, png);
    const r = await h.call(n, 'file', { action: 'register', requestId: rid(), fileId: planted });
    expect([r.status, r.body.error.code]).toEqual([403, 'HOUSEHOLD.NOT_BOUND']);
    expect(await h.platform.deps.store.transaction((tx) => tx.fileByCloudId(planted))).toBeUndefined();
  });

  it('registering the same upload again, by retry or with a new requestId, answers the same id (one row)', async () => {
    const first = await uploadAndRegister('resident-a');
    const fileId = first.reg.body.data.fileId;
    const requestId = rid();
    const answers = await Promise.all([
      h.call(first.t, 'file', { action: 'register', requestId, fileId: first.cloudId }),
      h.call(first.t, 'file', { action: 'register', requestId, fileId: first.cloudId }),
      h.call(first.t, 'file', { action: 'register', requestId: rid(), fileId: first.cloudId }),
    ]);
    expect(answers.map((x) => [x.status, x.body.data.fileId])).toEqual([
      [200, fileId],
      [200, fileId],
      [200, fileId],
    ]);
    expect(await h.platform.deps.store.transaction((tx) => tx.fileByCloudId(first.cloudId))).toMatchObject({ id: fileId, mime: 'image/png', size: png.length, ownerId: 'resident-a' });
  });

  it('a platform-stored photo (H5 upload) gets its /local/file URL from file.url after the same check', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'photo.png');
    const up = await fetch(`${h.url}/local/upload`, { method: 'POST', body: form, headers: { authorization: `Bearer ${await h.login('resident-a')}` } });
    const fileId = ((await up.json()) as { fileId: string }).fileId;
    expect((await urlFor('resident-a', fileId)).body.data.url).toBe(`/local/file/${fileId}`);
    expect((await urlFor('resident-b', fileId)).status).toBe(404);
  });

  it('the stand-in storage takes uploads only from signed-in users and only at plain paths', async () => {
    expect((await fetch(`${h.url}/local/cloud/upload/uploads/x/abcdefgh.png`, { method: 'PUT', body: new Uint8Array(png) })).status).toBe(401);
    const a = await h.login('resident-a');
    const bad = await fetch(`${h.url}/local/cloud/upload/uploads/x%2F..%2Fy/abcdefgh.png`, { method: 'PUT', body: new Uint8Array(png), headers: { authorization: `Bearer ${a}` } });
    expect(bad.status).toBe(400);
    expect((await fetch(`${h.url}/local/cloud/file/uploads/x/abcdefgh.png`)).status).toBe(404);
  });
});
