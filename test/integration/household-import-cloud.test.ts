import fs from 'node:fs';
import path from 'node:path';
import { startHarness, type Harness } from '../support/harness';
import { registerRows, registerXlsx, uploadFile } from '../support/register';
import { demoOpenid } from '../../local/seed';

/**
 * The household register the way the mini-program sends it (deployed on CloudBase there is no
 * `/local/upload`): `file.uploadPath { ext: 'xlsx' }` (register managers only), `Taro.cloud.uploadFile`
 * to that path (here: the local platform's stand-in of CloudBase storage), then
 * `setup.importHouseholds { fileId: 'cloud://…' }`, the bytes read by the function through cloud storage.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(() => h.close());

const png = fs.readFileSync(path.join(__dirname, '../fixtures/tiny.png'));

/** What `Taro.cloud.uploadFile` does, against the local platform's storage: → the `cloud://` fileID. */
async function cloudUpload(token: string, cloudPath: string, bytes: Buffer): Promise<string> {
  const res = await fetch(`${h.url}/local/cloud/upload/${cloudPath}`, { method: 'PUT', body: new Uint8Array(bytes), headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: { fileID: string } }).data.fileID;
}

async function managerUpload(bytes: Buffer): Promise<{ t: string; cloudId: string }> {
  const t = await h.login('manager');
  const where = await h.call(t, 'file', { action: 'uploadPath', ext: 'xlsx' });
  expect(where.status).toBe(200);
  return { t, cloudId: await cloudUpload(t, where.body.data.cloudPath, bytes) };
}

const importing = (t: string, fileId: string, commit: boolean) => h.call(t, 'setup', { action: 'importHouseholds', fileId, commit });
const refusal = (r: { status: number; body: any }) => [r.status, r.body.error?.code];

describe('household register through cloud storage (the mini-program)', () => {
  it('an .xlsx upload path only for the register manager, under their own OPENID; residents and other staff are refused', async () => {
    const m = await h.call(await h.login('manager'), 'file', { action: 'uploadPath', ext: 'xlsx' });
    expect(m.status).toBe(200);
    expect(m.body.data.cloudPath).toMatch(new RegExp(`^uploads/${demoOpenid('manager')}/p_[A-Za-z0-9_-]+\\.xlsx$`));
    expect(refusal(await h.call(await h.login('resident-a'), 'file', { action: 'uploadPath', ext: 'xlsx' }))).toEqual([403, 'AUTH.FORBIDDEN']);
    expect(refusal(await h.call(await h.login('frontdesk'), 'file', { action: 'uploadPath', ext: 'xlsx' }))).toEqual([403, 'AUTH.FORBIDDEN']);
    expect(refusal(await h.call(await h.login('resident-new'), 'file', { action: 'uploadPath', ext: 'xlsx' }))).toEqual([403, 'HOUSEHOLD.NOT_BOUND']);
    expect((await h.call(null, 'file', { action: 'uploadPath', ext: 'xlsx' })).status).toBe(401);
    // Photos are as before for everyone who may upload.
    expect((await h.call(await h.login('resident-a'), 'file', { action: 'uploadPath', ext: 'png' })).status).toBe(200);
  });

  it("the manager's own upload previews, commits, and a second import changes nothing", async () => {
    const { t, cloudId } = await managerUpload(await registerXlsx(registerRows(12, { firstBuilding: 60 })));
    expect(cloudId).toMatch(/^cloud:\/\/local-env\./);
    const preview = await importing(t, cloudId, false);
    expect(preview.status).toBe(200);
    expect(preview.body.data).toEqual({ rows: 12, created: 12, updated: 0, unchanged: 0, errors: [], errorCount: 0, committed: false });
    const commit = await importing(t, cloudId, true);
    expect(commit.body.data).toMatchObject({ rows: 12, created: 12, committed: true });
    expect((await importing(t, cloudId, true)).body.data).toMatchObject({ rows: 12, created: 0, unchanged: 12, committed: true });
  });

  it('row errors come back as on H5, and nothing is written', async () => {
    const { t, cloudId } = await managerUpload(await registerXlsx([['70', '1', '101', 88, '钱一', '13700000001'], ['70', '1', '102', '88.123', '钱二', '13700000002']]));
    for (const commit of [false, true]) {
      const r = await importing(t, cloudId, commit);
      expect(r.body.data).toMatchObject({ rows: 2, created: 1, errorCount: 1, committed: false, errors: [{ row: 3, message: '面积应为平方米数，最多两位小数，如 89.50' }] });
    }
  });

  it("another user's prefix, another environment, or nothing there: FILE.NOT_FOUND (never revealed)", async () => {
    const xlsx = await registerXlsx(registerRows(2, { firstBuilding: 80 }));
    const t = await h.login('manager');
    // The stand-in, like CloudBase, lets any signed-in user write any path: the check is the import's.
    const others = await cloudUpload(await h.login('supervisor'), `uploads/${demoOpenid('supervisor')}/someonesfile.xlsx`, xlsx);
    const r1 = await importing(t, others, false);
    expect(refusal(r1)).toEqual([404, 'FILE.NOT_FOUND']);
    expect(r1.body.error.fields).toEqual({ file: '未找到该表格，请重新选择并上传' });
    const { cloudId } = await managerUpload(xlsx);
    expect(refusal(await importing(t, cloudId.replace('cloud://local-env.', 'cloud://other-env.'), false))).toEqual([404, 'FILE.NOT_FOUND']);
    expect(refusal(await importing(t, `${cloudId.slice(0, -5)}gone.xlsx`, false))).toEqual([404, 'FILE.NOT_FOUND']);
    expect(refusal(await importing(t, cloudId, false))[0]).toBe(200);
  });

  it('over 5 MB is FILE.TOO_LARGE; bytes that are no .xlsx are FILE.UNSUPPORTED_TYPE', async () => {
    const big = Buffer.concat([await registerXlsx(registerRows(1, { firstBuilding: 90 })), Buffer.alloc(5 * 1024 * 1024)]);
    const large = await managerUpload(big);
    const r = await importing(large.t, large.cloudId, false);
    expect(refusal(r)).toEqual([400, 'FILE.TOO_LARGE']);
    expect(r.body.error.fields.file).toContain('5MB');
    const photo = await managerUpload(png);
    expect(refusal(await importing(photo.t, photo.cloudId, false))).toEqual([400, 'FILE.UNSUPPORTED_TYPE']);
  });

  it('a resident with an .xlsx in their own prefix is refused (access first, before any file verdict)', async () => {
    const t = await h.login('resident-a');
    const own = await cloudUpload(t, `uploads/${demoOpenid('resident-a')}/myregister.xlsx`, await registerXlsx(registerRows(1)));
    expect(refusal(await importing(t, own, true))).toEqual([403, 'AUTH.FORBIDDEN']);
    const missing = `${own.slice(0, -5)}nothing.xlsx`;
    expect(refusal(await importing(t, missing, true))).toEqual([403, 'AUTH.FORBIDDEN']);
  });

  it('the f_… path (H5, /local/upload) works as before', async () => {
    const t = await h.login('manager');
    const up = await uploadFile(h.url, t, await registerXlsx(registerRows(3, { firstBuilding: 95 })));
    expect(up.status).toBe(200);
    expect((await importing(t, up.body.fileId!, false)).body.data).toMatchObject({ rows: 3, created: 3, committed: false });
  });
});
