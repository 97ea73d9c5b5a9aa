/**
 * The household register in a real browser against the H5 build (issue 11): the manager opens 房屋档案 from
 * the workbench menu, chooses an .xlsx (made here with exceljs; no binary in the repository), watches it
 * upload, sees the one bad row named by its spreadsheet row number and nothing imported, fixes it,
 * imports, re-imports an edit (only that room updated), and exports; then a new resident binds to an
 * imported household by its room number — approved at once, since the register's owner and phone match
 * the WeChat-verified phone. Screenshots go to test-artifacts/screenshots/ (h01…).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DESKTOP, MOBILE, fill, open, screenshot, expectText, expectAccessible, unauditedRoutes, type Page, type Session, startSession } from './support';
import { readXlsx, registerRows, registerXlsx, type RegisterCells } from '../support/register';

jest.setTimeout(180_000);

describe('browser: the manager imports the household register; a new resident binds to an imported household', () => {
  let s: Session;
  let base = '';
  let manager: Page;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-register-'));
  // 2,000 households (buildings 3…65) and, last, the new resident's own flat.
  const rows: RegisterCells[] = [...registerRows(2000), ['88', '1', '801', 96.5, '赵小雨', '13800005678']];
  const file = async (name: string, r: RegisterCells[]) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, await registerXlsx(r));
    return p;
  };
  const choose = async (p: string) => {
    const [chooser] = await Promise.all([manager.waitForEvent('filechooser'), manager.locator('#hh-choose').click()]);
    await chooser.setFiles(p);
  };

  beforeAll(async () => {
    s = await startSession();
    base = s.base;
    manager = await s.page('manager', { ...DESKTOP, acceptDownloads: true }, /workbench\//);
    await manager.locator('#wb-nav-households').waitFor();
    await expectAccessible(manager, 'h00-manager-workbench-home');
  });

  afterAll(async () => {
    await s?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a register with a bad row uploads with a progress bar, is refused whole, and names the row', async () => {
    await manager.locator('#wb-nav-households').click();
    await manager.waitForURL(/workbench\/households\/index/);
    await manager.locator('#hh-choose').waitFor();
    await screenshot(manager, 'h01-households');

    const bad = rows.map((r) => [...r]);
    bad[2][5] = '1380000'; // spreadsheet row 4 (header is row 1)
    // A slow line, so the upload's progress is there to be seen.
    const cdp = await manager.context().newCDPSession(manager);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 12 * 1024 });
    await choose(await file('register-bad.xlsx', bad));
    const bar = manager.locator('#hh-progress');
    await bar.waitFor();
    await manager.waitForFunction(() => Number(document.querySelector('#hh-progress')?.getAttribute('aria-valuenow')) > 10);
    await manager.screenshot({ path: path.join(__dirname, '..', '..', 'test-artifacts', 'screenshots', 'h02-households-uploading.png') });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

    await manager.locator('#hh-errors').waitFor({ timeout: 60_000 });
    await expectText(manager, '#hh-error-row-4', '第 4 行');
    await expectText(manager, '#hh-error-row-4', '业主电话应为 11 位手机号码');
    await expectText(manager, '#hh-error-count', '1');
    await expectText(manager, '#hh-refused', '不会导入任何一行');
    expect(await manager.locator('#hh-commit').count()).toBe(0);
    await screenshot(manager, 'h03-households-bad-row');
  });

  it('the fixed register previews cleanly and imports; an edited one updates only the room that changed; the export reads back', async () => {
    await choose(await file('register.xlsx', rows));
    await manager.locator('#hh-commit').waitFor({ timeout: 60_000 });
    await expectText(manager, '#hh-created', '2001');
    await expectText(manager, '#hh-error-count', '0');
    await screenshot(manager, 'h04-households-preview');
    await manager.locator('#hh-commit').click();
    await expectText(manager, '#hh-done', '新增 2001 户，更新 0 户，0 户无变化');
    await screenshot(manager, 'h05-households-imported');

    const edited = rows.map((r) => [...r]);
    edited[10][3] = 150.75;
    await choose(await file('register-edited.xlsx', edited));
    await manager.locator('#hh-commit').waitFor({ timeout: 60_000 });
    await expectText(manager, '#hh-updated', '1');
    await expectText(manager, '#hh-unchanged', '2000');
    await manager.locator('#hh-commit').click();
    await expectText(manager, '#hh-done', '新增 0 户，更新 1 户，2000 户无变化');

    const [download] = await Promise.all([manager.waitForEvent('download'), manager.locator('#hh-export').click()]);
    expect(download.suggestedFilename()).toBe('房屋档案-示例花园.xlsx');
    const exported = await readXlsx(fs.readFileSync((await download.path())!));
    expect(exported[0]).toEqual(['楼栋', '单元', '房号', '面积', '业主姓名', '业主电话']);
    expect(exported).toHaveLength(1 + 3 + 2001);
    expect(exported).toContainEqual([edited[10][0], edited[10][1], edited[10][2], 150.75, edited[10][4], edited[10][5]]);
  });

  it('a new resident binds to an imported household by its room number, approved at once as its registered owner', async () => {
    const resident = await s.page('resident-new', MOBILE, /pages\/index\/index/);
    await open(resident, base, '/pages/bind/index');
    await fill(resident, 'bind-room', '88-1-801');
    await fill(resident, 'bind-name', '赵小雨');
    await fill(resident, 'bind-phone', '13800005678');
    await resident.locator('#bind-relation-owner').click();
    await resident.locator('#bind-verify-phone').click();
    await expectText(resident, '#bind-phone-help', '已获取您的微信手机号');
    await resident.locator('#bind-submit').click();
    const result = resident.locator('#bind-result');
    await result.waitFor();
    expect(await result.getAttribute('data-status')).toBe('approved');
    await expectText(resident, '#bind-result', '88栋1单元801室');
    await screenshot(resident, 'h06-bind-imported-household');
    await open(resident, base, '/pages/index/index');
    await resident.locator('#home-household-demo-88-1-801').waitFor();
    await expectText(resident, '#home-household-demo-88-1-801', '88栋1单元801室');
    await expectText(resident, '#home-household-demo-88-1-801', '房号 88-1-801');
    await screenshot(resident, 'h07-home-imported-household');
  });

  it('every page opened was audited for accessibility', () => {
    expect(unauditedRoutes()).toEqual([]);
    expect(s.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
