import { startHarness, rid, type Harness } from '../support/harness';
import { readXlsx, registerRows, registerXlsx, uploadFile, HEADER, type RegisterCells } from '../support/register';

/**
 * The household register (contract §3, setup.importHouseholds / exportHouseholds) through real HTTP:
 * an .xlsx uploaded by the manager, previewed, committed all-or-nothing, re-imported by room, exported
 * in the same format. WUYE_TEST_STORE=mariadb runs it on MariaDB (test/integration/mariadb/).
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(() => h.close());

const manager = () => h.login('manager');
async function uploaded(rows: RegisterCells[], opts: Parameters<typeof registerXlsx>[1] = {}, who = 'manager') {
  const up = await uploadFile(h.url, await h.login(who), await registerXlsx(rows, opts));
  expect([up.status, up.body.fileId]).toEqual([200, expect.stringMatching(/^f_/)]);
  return up.body.fileId!;
}
const importing = async (fileId: string, commit: boolean, who = 'manager') => h.call(await h.login(who), 'setup', { action: 'importHouseholds', fileId, commit });
async function register(): Promise<unknown[][]> {
  const ex = await h.call(await manager(), 'setup', { action: 'exportHouseholds' });
  expect(ex.status).toBe(200);
  const res = await fetch(`${h.url}/local/file/${ex.body.data.fileId}`, { headers: { authorization: `Bearer ${await manager()}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  return readXlsx(await res.arrayBuffer());
}

const GOOD = registerRows(40);

describe('household register import', () => {
  it('a preview counts what would change and writes nothing; the commit writes it; the same file again changes nothing', async () => {
    const before = await register();
    expect(before[0]).toEqual(HEADER);
    expect(before.slice(1).map((r) => r.slice(0, 3).join('-'))).toEqual(['1-1-101', '1-1-102', '1-2-201']);

    const fileId = await uploaded([['1', '1', '101', 89.5, '李明', '13800001101'], ...GOOD]);
    const preview = await importing(fileId, false);
    expect(preview.status).toBe(200);
    expect(preview.body.data).toEqual({ rows: 41, created: 40, updated: 0, unchanged: 1, errors: [], errorCount: 0, committed: false });
    expect(await register()).toEqual(before);

    const commit = await importing(fileId, true);
    expect(commit.body.data).toMatchObject({ rows: 41, created: 40, updated: 0, unchanged: 1, errorCount: 0, committed: true });
    const after = await register();
    expect(after).toHaveLength(1 + 3 + 40);
    expect(after).toContainEqual(['3', '1', '101', 60, '业主1', '13910000000']);

    const again = await importing(fileId, true);
    expect(again.body.data).toMatchObject({ rows: 41, created: 0, updated: 0, unchanged: 41, committed: true });
    expect(await register()).toEqual(after);
  });

  it('a file with 3 bad rows is refused whole, the 3 rows named as the spreadsheet numbers them; nothing changes', async () => {
    const before = await register();
    const rows: RegisterCells[] = [
      ['20', '1', '101', 88, '钱一', '13700000001'], // row 2
      ['20', '1', '102', '88.123', '钱二', '13700000002'], // row 3: three decimals
      ['20', '1', '103', 88, '钱三', '13700000003'], // row 4
      ['20', '1', '104', 88, '', '1370000'], // row 5: no owner, short phone
      ['20', '1', '105', 88, '钱五', '13700000005'], // row 6
      ['20', '1', '101', 90, '钱六', '13700000006'], // row 7: the room of row 2 again
      ['20', '1', '106', 88, '钱七', '13700000007'], // row 8
    ];
    const fileId = await uploaded(rows);
    for (const commit of [false, true]) {
      const r = await importing(fileId, commit);
      expect(r.status).toBe(200);
      expect(r.body.data).toMatchObject({ rows: 7, created: 4, errorCount: 3, committed: false });
      expect(r.body.data.errors).toEqual([
        { row: 3, message: '面积应为平方米数，最多两位小数，如 89.50' },
        { row: 5, message: '请填写业主姓名；业主电话应为 11 位手机号码' },
        { row: 7, message: '20栋1单元101室与第 2 行重复，同一房屋只能出现一次' },
      ]);
    }
    expect(await register()).toEqual(before);
  });

  it('re-importing an edited register updates only the rooms that changed, by room, without duplicating', async () => {
    const base = registerRows(20, { firstBuilding: 30 });
    await importing(await uploaded(base), true);
    const edited = base.map((r) => [...r]);
    edited[3][3] = 120.5; // area
    edited[7][5] = '13600000007'; // phone
    edited[9][4] = '新业主'; // owner
    edited.push(['31', '1', '101', 99.99, '孙新', '13600000099']);
    const r = await importing(await uploaded(edited), true);
    expect(r.body.data).toMatchObject({ rows: 21, created: 1, updated: 3, unchanged: 17, errorCount: 0, committed: true });
    const rows = (await register()).filter((x) => x[0] === '30' || x[0] === '31');
    expect(rows).toHaveLength(21);
    expect(rows).toContainEqual(['30', '1', '104', 120.5, '业主4', '13910000003']);
    expect(rows).toContainEqual(['31', '1', '101', 99.99, '孙新', '13600000099']);
  });

  it('two commits of one register at once create each room once (the room index; the loser replays and finds them unchanged)', async () => {
    const rows = registerRows(64, { firstBuilding: 70 });
    const [a, b] = await Promise.all([uploaded(rows), uploaded(rows)]);
    const answers = await Promise.all([importing(a, true), importing(b, true)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    expect(answers.map((r) => r.body.data.created).sort((x: number, y: number) => x - y)).toEqual([0, 64]);
    expect((await register()).filter((x) => Number(x[0]) >= 70 && Number(x[0]) <= 71)).toHaveLength(64);
  });

  it('the export is the import format: importing it back changes nothing', async () => {
    const rows = (await register()).slice(1) as RegisterCells[];
    const r = await importing(await uploaded(rows), true);
    expect(r.body.data).toMatchObject({ rows: rows.length, created: 0, updated: 0, unchanged: rows.length, errorCount: 0 });
  });

  it('the header must be the register’s; cells typed with full-width digits or a phone with spaces are read as meant; other sheets are ignored', async () => {
    const wrong = await importing(await uploaded(GOOD.slice(0, 2), { header: ['楼号', '单元', '房号', '面积', '姓名', '电话'] }), false);
    expect(wrong.body.data.errors).toEqual([{ row: 1, message: '第一行应为表头：楼栋、单元、房号、面积、业主姓名、业主电话（可先导出一份作为模板）' }]);
    const typed = await importing(await uploaded([['４０', '１', '３０１', '８８．５', ' 冯 一 ', '139 0000 0001']], { extraSheet: true }), true);
    expect(typed.body.data).toMatchObject({ rows: 1, created: 1, errorCount: 0, committed: true });
    expect(await register()).toContainEqual(['40', '1', '301', 88.5, '冯 一', '13900000001']);
  });

  it('a resident binds to an imported household by its room code; its id carries the community', async () => {
    await importing(await uploaded([['50', '2', '1201', 101.25, '赵小雨', '13800005678']]), true);
    const me = await h.login('resident-new');
    const bind = await h.call(me, 'account', { action: 'bind', requestId: rid(), householdId: '50-2-1201', name: '赵小雨', phone: '13800005678', relation: 'owner' });
    expect(bind.status).toBe(200);
    const pending = (await h.call(await h.login('frontdesk'), 'account', { action: 'bindings', status: 'pending' })).body.data.items.find((b: { id: string }) => b.id === bind.body.data.id);
    expect(pending.householdId).toBe('demo-50-2-1201');
    expect((await h.call(await h.login('frontdesk'), 'account', { action: 'approveBinding', id: bind.body.data.id })).status).toBe(200);
    expect((await h.call(me, 'account', { action: 'me' })).body.data.households).toEqual([{ id: 'demo-50-2-1201', relation: 'owner', communityId: 'demo' }]);
  });
});

describe('who may import and what', () => {
  it('only the manager: other staff 403, residents 403, anonymous 401; a file someone else uploaded is 404 to the manager', async () => {
    const fileId = await uploaded(GOOD.slice(0, 1));
    for (const who of ['supervisor', 'frontdesk', 'cashier', 'resident-a']) {
      const r = await importing(fileId, true, who);
      expect([who, r.status, r.body.error.code]).toEqual([who, 403, 'AUTH.FORBIDDEN']);
      const e = await h.call(await h.login(who), 'setup', { action: 'exportHouseholds' });
      expect([who, e.status]).toEqual([who, 403]);
    }
    expect((await h.call(null, 'setup', { action: 'importHouseholds', fileId, commit: false })).status).toBe(401);
    const desk = await uploaded(GOOD.slice(0, 1), {}, 'frontdesk');
    expect((await importing(desk, false)).body.error.code).toBe('FILE.NOT_FOUND');
    expect((await importing('f_doesnotexist', false)).status).toBe(404);
  });

  it('residents may not upload spreadsheets; staff may; a picture is not a register', async () => {
    const xlsx = await registerXlsx(GOOD.slice(0, 1));
    const resident = await uploadFile(h.url, await h.login('resident-a'), xlsx);
    expect([resident.status, resident.body.error?.code]).toEqual([400, 'FILE.UNSUPPORTED_TYPE']);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d6bd5c0000000049454e44ae426082', 'hex');
    const pic = await uploadFile(h.url, await manager(), png, 'x.png', 'image/png');
    const r = await importing(pic.body.fileId!, false);
    expect([r.status, r.body.error.code]).toEqual([400, 'FILE.UNREADABLE']);
    const zip = await uploadFile(h.url, await manager(), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100)]));
    expect([zip.status, zip.body.error?.code]).toEqual([400, 'FILE.UNSUPPORTED_TYPE']);
  });
});
