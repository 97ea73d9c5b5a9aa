/**
 * @jest-environment ./test/weapp/environment.js
 *
 * The household register in the compiled mini-program (deployed on CloudBase there is no `/local/upload`):
 * 选择文件 picks the .xlsx from a WeChat chat (`wx.chooseMessageFile`), it goes to (the local platform's
 * stand-in of) CloudBase storage with `wx.cloud.uploadFile` under a path `file.uploadPath` gave, and
 * setup.importHouseholds previews and imports it from its `cloud://` id; the export opens in WeChat's
 * document viewer (`wx.downloadFile` + `wx.openDocument`, menu shown so it can be forwarded).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHarness, type Harness } from '../support/harness';
import { bootWeapp, type Weapp } from '../support/weapp';
import { readXlsx, registerRows, registerXlsx } from '../support/register';
import { demoOpenid } from '../../local/seed';

type Any = any;

let h: Harness;
let wx: Weapp;
let token = '';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-weapp-register-'));
const picks: Any[] = [];
const opened: Any[] = [];
const downloads: string[] = [];
let nextFile: { path: string; name: string } | null = null;

/** An async wx API in both styles, as WeChat's: callbacks (answering a task), or without them a promise. */
const wxApi = (name: string, run: (o: Any) => Promise<Any>) => (o: Any) => {
  const p = run(o).then(
    (res) => ({ errMsg: `${name}:ok`, ...res }),
    (e) => {
      throw { errMsg: `${name}:fail ${String(e)}` };
    },
  );
  if (!o.success && !o.fail && !o.complete) return p;
  p.then(
    (res) => (o.success?.(res), o.complete?.(res)),
    (e) => (o.fail?.(e), o.complete?.(e)),
  );
  return { onProgressUpdate() {}, abort() {} };
};

beforeAll(async () => {
  h = await startHarness();
  token = await h.login('manager');
  wx = await bootWeapp({ url: h.url, token });
  const w = (globalThis as Any).wx;
  // WeChat's chat-file picker: answers the file the test put there (closed, "cancel", when none).
  w.chooseMessageFile = wxApi('chooseMessageFile', async (o) => {
    picks.push({ count: o.count, type: o.type, extension: o.extension });
    const f = nextFile;
    nextFile = null;
    if (!f) throw new Error('cancel');
    return { tempFiles: [{ path: f.path, name: f.name, size: fs.statSync(f.path).size, type: 'file', time: 0 }] };
  });
  // Deployed, the export answers a temporary URL to cloud storage; the local platform keeps exports itself
  // and answers none. Playing CloudBase's answer: the URL of the same bytes on the local platform.
  const cloud = w.cloud;
  const callFunction = cloud.callFunction;
  cloud.callFunction = (o: Any) => {
    if (o?.data?.action !== 'exportHouseholds') return callFunction(o);
    const { success, fail, complete, ...rest } = o;
    const p = callFunction(rest).then((r: Any) => {
      if (r.result?.ok) r.result.data.url = `${h.url}/local/file/${r.result.data.fileId}`;
      return r;
    });
    if (!success && !fail && !complete) return p;
    p.then((r: Any) => (success?.(r), complete?.(r)), (e: Any) => (fail?.(e), complete?.(e)));
    return undefined;
  };
  // wx.downloadFile to a temporary file (the local file route wants the session; a temporary URL would not).
  w.downloadFile = wxApi('downloadFile', async (o) => {
    downloads.push(o.url);
    const res = await fetch(o.url, { headers: { authorization: `Bearer ${token}` } });
    const file = path.join(tmp, `download-${downloads.length}.xlsx`);
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    return { tempFilePath: file, statusCode: res.status };
  });
  w.openDocument = wxApi('openDocument', async (o) => {
    opened.push({ filePath: o.filePath, fileType: o.fileType, showMenu: o.showMenu });
    return {};
  });
}, 60_000);
afterAll(() => {
  h?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function saved(name: string, bytes: Buffer) {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, bytes);
  return file;
}

it('房屋档案 offers 选择文件 from a WeChat chat; a register with a bad row is refused with its row named, a good one previews and imports; the export opens for forwarding', async () => {
  const page = await wx.open('workbench/households/index');
  await page.waitFor(() => page.find('#hh-choose'), 'the 选择文件 button');
  page.check(page.text().includes('选择文件'), 'the button says 选择文件');
  page.check(!page.text().includes('请在电脑浏览器中打开员工工作台'), 'no longer sends the manager to a computer');
  page.check(page.text().includes('文件传输助手'), 'says how to get the file into a WeChat chat');

  // A register with a bad area on row 3: the preview names the row; nothing can be imported.
  nextFile = { path: await saved('bad.xlsx', await registerXlsx([['40', '1', '101', 88, '钱一', '13700000001'], ['40', '1', '102', '88.123', '钱二', '13700000002']])), name: '房屋档案（有误）.xlsx' };
  await page.tap('#hh-choose');
  await page.waitFor(() => picks.length > 0, 'wx.chooseMessageFile opened');
  await page.waitFor(() => page.find('#hh-refused'), 'the preview refusing the file');
  expect(picks[0]).toEqual({ count: 1, type: 'file', extension: ['xlsx'] });
  page.check(page.text().includes('第 3 行') && page.text().includes('面积应为平方米数，最多两位小数'), 'row 3 named with what to fix');
  page.check(!page.find('#hh-commit'), 'no 确认导入 while a row has an error');
  const badUpload = wx.uploads.at(-1)!;
  expect(badUpload.cloudPath).toMatch(new RegExp(`^uploads/${demoOpenid('manager')}/[A-Za-z0-9_-]+\\.xlsx$`));
  expect(badUpload.progress).toEqual([30, 100]);

  // A good register: preview counts, then 确认导入.
  nextFile = { path: await saved('good.xlsx', await registerXlsx(registerRows(6, { firstBuilding: 41 }))), name: '房屋档案.xlsx' };
  await page.tap('#hh-choose');
  await page.waitFor(() => page.find('#hh-commit'), 'the 确认导入 button after a clean preview');
  const preview = wx.calls.filter((c) => c.name === 'setup' && c.data?.action === 'importHouseholds').at(-1)!;
  expect(preview.data).toEqual({ action: 'importHouseholds', fileId: wx.uploads.at(-1)!.fileID, commit: false });
  expect(preview.data.fileId).toMatch(/^cloud:\/\/local-env\./);
  expect(page.find('#hh-created')?.textContent).toBe('6');
  expect(page.find('#hh-rows')?.textContent).toBe('6');
  page.check(page.text().includes('房屋档案.xlsx'), 'the chosen file name is shown');

  await page.tap('#hh-commit');
  await page.waitFor(() => page.find('#hh-done'), 'the import done message');
  page.check(page.text().includes('新增 6 户'), 'says 6 households were added');
  const committed = wx.calls.filter((c) => c.name === 'setup' && c.data?.action === 'importHouseholds').at(-1)!;
  expect(committed.result).toMatchObject({ ok: true, data: { created: 6, committed: true } });

  // The export: downloaded from its URL and opened in WeChat's viewer with the menu (forward, save).
  await page.tap('#hh-export');
  await page.waitFor(() => opened.length > 0, 'wx.openDocument called');
  expect(downloads[0]).toMatch(/\/local\/file\/f_/);
  expect(opened[0]).toMatchObject({ fileType: 'xlsx', showMenu: true });
  const rows = await readXlsx(fs.readFileSync(opened[0].filePath));
  expect(rows.map((r) => r.slice(0, 3).join('-'))).toEqual(expect.arrayContaining(['41-1-101', '41-1-102', '1-1-101']));
}, 90_000);
