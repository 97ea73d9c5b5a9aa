/**
 * R-CMP-6 (投诉情况月汇总表), R-SAT-2 and R-SAT-3 through report.monthly and report.export, on a small
 * dataset whose numbers are known by construction, in a month of its own (the test clock is set ahead).
 */
import ExcelJS from 'exceljs';
import { startHarness, rid, type Harness } from '../support/harness';
import * as O from '../support/objects';
import { DAY, HOUR, MINUTE, advance, monthOf, outboxFor, platformNow, setClock, shanghai } from '../support/clock';
import { callsAs } from '../support/calls';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await O.createCommunityB(h);
});
afterAll(() => h?.close());

const { ok, call } = callsAs(() => h);
const wb = (who: string, action: string, id: string, extra: Record<string, unknown> = {}) => ok(who, 'workbench', { action, id, ...extra });
const complaint = (who: string, household: string, over: Record<string, unknown>) =>
  ok(who, 'case', { action: 'submit', requestId: rid('cp'), householdId: household, kind: 'complaint', content: '晚上十一点以后楼上持续有装修噪音', ...over });
const mm = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;
let month = '';

/** The workbook read back with exceljs: each sheet's rows as plain values (without exceljs's leading empty cell). */
async function workbook(fileId: string, user: string): Promise<Record<string, unknown[][]>> {
  const res = await fetch(`${h.url}/local/file/${fileId}`, { headers: { authorization: `Bearer ${await h.login(user)}` } });
  expect(res.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
  const out: Record<string, unknown[][]> = {};
  book.eachSheet((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: false }, (r) => rows.push((r.values as unknown[]).slice(1).map((v) => v ?? null)));
    out[ws.name] = rows;
  });
  return out;
}

describe('[R-CMP-6][R-SAT-3] monthly complaint summary and satisfaction statistics', () => {
  it('[R-CMP-6] by level, department and cause; the resolution deadline kept or missed; month bounds in Asia/Shanghai; other communities never counted', async () => {
    const { y, m } = monthOf(await platformNow(h), 2);
    month = mm(y, m);
    await setClock(h, shanghai(y, m, 2, 9, 0));
    // A: 一般, noise (秩序维护部), never finished: its 2-day resolution is missed. B: 重大, service
    // attitude (客服中心), closed by the manager within the hour: on time.
    // The front desk classifies (R-CMP-2); a level the resident might send is not theirs to set.
    const a = await complaint('resident-a', '1-1-101', { category: 'noise' });
    await wb('frontdesk', 'classify', a.id, { level: 'minor' });
    const b = await complaint('resident-b', '1-1-102', { category: 'service', content: '前台工作人员态度很差，不耐烦' });
    await wb('frontdesk', 'classify', b.id, { level: 'major' });
    await advance(h, HOUR);
    await wb('manager', 'closeUnresolvable', b.id, { reason: '已当面致歉并说明情况，住户表示理解' });
    // Community B's complaint, the same day: never in A's report.
    const bc = await O.must(h, O.testOpenid(O.COMMUNITY_B.staff), 'workbench', {
      action: 'intake', requestId: rid('bx'), householdId: O.COMMUNITY_B.household, channel: 'visit', contactName: '孙红', contactPhone: '13700002101', kind: 'complaint', category: 'noise', content: '乙小区夜间施工噪音',
    });
    await advance(h, 3 * DAY);

    const db = O.dbOf(h);
    const before = await O.fingerprint(db);
    const r = await ok('supervisor', 'report', { action: 'monthly', month });
    expect(O.changedTables(before, await O.fingerprint(db))).toEqual([]); // a read
    const c = r.complaints;
    expect([c.total, c.resolved, c.open, c.cancelled, c.invalid]).toEqual([2, 1, 1, 0, { count: 0, rate: 0 }]);
    expect(c.byLevel).toEqual([
      { key: 'major', label: '重大', count: 1 },
      { key: 'serious', label: '重要', count: 0 },
      { key: 'minor', label: '一般', count: 1 },
      { key: 'unclassified', label: '未分级', count: 0 },
    ]);
    expect(c.byDepartment).toEqual([
      { key: 'customer_service', label: '客服中心', count: 1 },
      { key: 'security', label: '秩序维护部', count: 1 },
    ]);
    expect(c.byCategory).toEqual([
      { key: 'noise', label: '噪音扰民', count: 1 },
      { key: 'service', label: '服务态度', count: 1 },
    ]);
    expect(c.deadlines.find((d: { name: string }) => d.name === 'resolution')).toEqual({ name: 'resolution', label: '办结时限', judged: 2, onTime: 1, late: 1, onTimeRate: 50 });
    // Whatever other clocks a complaint runs, the overall rate sums them all.
    const sum = (k: 'onTime' | 'late') => c.deadlines.reduce((n: number, d: Record<string, number>) => n + d[k], 0);
    expect([c.onTime.onTime, c.onTime.late]).toEqual([sum('onTime'), sum('late')]);
    // The month so far: as of now, due by the 25th (R-CMP-6).
    expect([r.asOf, c.dueBy]).toEqual([c.asOf, `${month}-25T00:00:00+08:00`]);
    expect(Date.parse(c.asOf)).toBe(await platformNow(h));
    expect(JSON.stringify(r)).not.toContain(bc.id);
    // B's own staff read B's complaint only.
    expect((await O.must(h, O.testOpenid(O.COMMUNITY_B.staff), 'report', { action: 'monthly', month })).complaints.total).toBe(1);

    // The last minute of the month (Shanghai) is this month; the first of the next is the next month's.
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    await setClock(h, shanghai(y, m, last, 23, 59));
    await complaint('resident-a', '1-1-101', { category: 'cleaning', content: '楼道垃圾三天没有清理了' });
    await advance(h, MINUTE);
    const next = monthOf(Date.parse(shanghai(y, m, 2)), 1);
    await complaint('resident-b', '1-1-102', { category: 'parking', content: '车位被外来车辆长期占用' });
    expect((await ok('manager', 'report', { action: 'monthly', month })).complaints.total).toBe(3);
    expect((await ok('manager', 'report', { action: 'monthly', month: mm(next.y, next.m) })).complaints.byCategory).toEqual([{ key: 'parking', label: '停车管理', count: 1 }]);
  });

  it('[R-SAT-2][R-SAT-3] ratings and callbacks per department and staff member; a low rating and a problem callback each open one follow-up for the supervisor', async () => {
    const { y, m } = monthOf(Date.parse(`${month}-02T09:00:00+08:00`), 2);
    month = mm(y, m);
    await setClock(h, shanghai(y, m, 3, 9, 0));
    const one = await ok('resident-a', 'case', O.repair('1-1-101', { category: 'plumbing', content: '厨房水龙头一直滴水' }));
    const two = await ok('resident-b', 'case', O.repair('1-1-102', { category: 'door_window', content: '入户门锁芯坏了，钥匙拧不动' }));
    for (const [c, tech, who] of [[one, 'tech-1', 'resident-a'], [two, 'tech-2', 'resident-b']] as const) {
      await wb('frontdesk', 'dispatch', c.id, { technicianId: tech });
      await wb(tech, 'arrive', c.id);
      await wb(tech, 'complete', c.id, { result: '已修好' });
      await ok(who, 'case', { action: 'confirm', id: c.id, ok: true });
    }
    await wb('frontdesk', 'callback', one.id, { outcome: 'satisfied', method: 'phone' });
    await ok('resident-a', 'case', { action: 'rate', id: one.id, stars: 5 });
    // The callback finds a problem: rework, and the supervisor follows it up — once, even when the call is sent again.
    const found = await wb('frontdesk', 'callback', two.id, { outcome: 'problem', method: 'visit', note: '锁还是很难拧' });
    expect(found.followUp).toEqual({ owner: 'supervisor', reason: '回访发现问题：锁还是很难拧', at: expect.any(String) });
    const again = await call('frontdesk', 'workbench', { action: 'callback', id: two.id, outcome: 'problem', method: 'visit', note: '锁还是很难拧' });
    expect(again.body.ok).toBe(false);
    await O.settle(h);
    expect((await outboxFor(h, two.id, 'case.followUp')).map((x) => x.to)).toEqual(['supervisor']);
    // The supervisor's queue shows it, with the follow-up on the case.
    const queue = await ok('supervisor', 'workbench', { action: 'queue', limit: 100 });
    expect(queue.items.find((c: { id: string }) => c.id === two.id)?.followUp?.owner).toBe('supervisor');
    await advance(h, HOUR);
    await wb('tech-2', 'arrive', two.id);
    await wb('tech-2', 'complete', two.id, { result: '更换整把门锁' });
    await ok('resident-b', 'case', { action: 'confirm', id: two.id, ok: true });
    await wb('frontdesk', 'callback', two.id, { outcome: 'satisfied', method: 'phone' });
    await ok('resident-b', 'case', { action: 'rate', id: two.id, stars: 2, comment: '等太久了' });

    const s = (await ok('supervisor', 'report', { action: 'monthly', month })).satisfaction;
    expect(s.ratings).toEqual({ count: 2, average: 3.5, low: 1, distribution: [{ stars: 5, count: 1 }, { stars: 4, count: 0 }, { stars: 3, count: 0 }, { stars: 2, count: 1 }, { stars: 1, count: 0 }] });
    expect(s.callbacks).toEqual({ count: 3, satisfied: 2, problem: 1, satisfiedRate: 66.7, byMethod: [{ method: 'phone', label: '电话回访', count: 2 }, { method: 'visit', label: '上门回访', count: 1 }] });
    expect(s.byDepartment).toEqual([{ key: 'maintenance', label: '工程维修部', ratings: 2, average: 3.5, low: 1, callbacks: 3, problems: 1 }]);
    expect(s.byStaff.map((x: Record<string, unknown>) => [x.key, x.ratings, x.average, x.low, x.callbacks, x.problems])).toEqual([
      ['tech-2', 1, 2, 1, 2, 1],
      ['tech-1', 1, 5, 0, 1, 0],
    ]);
    expect(s.followUps.items.map((f: Record<string, string>) => [f.id, f.source, f.reason])).toEqual([
      [two.id, 'callback', '回访发现问题：锁还是很难拧'],
      [two.id, 'rating', '住户评价 2 星：等太久了'],
    ]);
  });

  it('[R-SAT-3][R-CMP-6] the export read back with exceljs: one sheet per section, Chinese headers, totals equal to report.monthly; only 客服主管 and 经理', async () => {
    const r = await ok('manager', 'report', { action: 'monthly', month });
    const x = await ok('manager', 'report', { action: 'export', month });
    expect(x.name).toBe(`月度报表-${month}.xlsx`);
    const book = await workbook(x.fileId, 'manager');
    expect(Object.keys(book)).toEqual(['报修汇总', '投诉情况月汇总表', '满意度统计']);
    expect(book['报修汇总'][0]).toEqual(['项目', '名称', '数量']);
    expect(book['投诉情况月汇总表'][0]).toEqual(['分类', '项目', '件数', '比率(%)']);
    expect(book['满意度统计'][0]).toEqual(['维度', '名称', '评价数', '平均分', '低分(≤2星)', '回访数', '回访发现问题']);
    const total = (sheet: string) => book[sheet].find((row) => row[0] === '合计')!;
    expect(total('报修汇总')[2]).toBe(r.repairs.total);
    expect(total('报修汇总')[2]).toBe(2);
    expect(total('投诉情况月汇总表')[2]).toBe(r.complaints.total);
    expect(total('满意度统计').slice(2, 7)).toEqual([r.satisfaction.ratings.count, r.satisfaction.ratings.average, r.satisfaction.ratings.low, r.satisfaction.callbacks.count, r.satisfaction.callbacks.problem]);
    expect(total('满意度统计').slice(2, 7)).toEqual([2, 3.5, 1, 3, 1]);
    // Each breakdown sums to its total.
    const sumIn = (b: Record<string, unknown[][]>, sheet: string, what: string, col: number) => b[sheet].filter((row) => row[0] === what).reduce((n, row) => n + Number(row[col] ?? 0), 0);
    const sumOf = (sheet: string, what: string, col: number) => sumIn(book, sheet, what, col);
    expect(sumOf('报修汇总', '类别', 2)).toBe(r.repairs.total);
    expect(sumOf('满意度统计', '部门', 2)).toBe(r.satisfaction.ratings.count);
    expect(sumOf('满意度统计', '员工', 5)).toBe(r.satisfaction.callbacks.count);
    // The earlier month's complaints: levels, departments and causes each sum to the total.
    const first = monthOf(Date.parse(`${month}-02T09:00:00+08:00`), -2);
    const back = await workbook((await ok('supervisor', 'report', { action: 'export', month: mm(first.y, first.m) })).fileId, 'supervisor');
    expect(back['投诉情况月汇总表'].find((row) => row[0] === '合计')![2]).toBe(3);
    for (const what of ['级别', '责任部门', '投诉原因']) expect([what, sumIn(back, '投诉情况月汇总表', what, 2)]).toEqual([what, 3]);
    for (const who of ['frontdesk', 'tech-1', 'cashier', 'resident-a']) {
      const res = await call(who, 'report', { action: 'export', month });
      expect([who, res.status, res.body.error?.code]).toEqual([who, 403, 'AUTH.FORBIDDEN']);
    }
    // Another user cannot read the manager's export.
    const other = await fetch(`${h.url}/local/file/${x.fileId}`, { headers: { authorization: `Bearer ${await h.login('resident-a')}` } });
    expect(other.status).toBe(404);
  });
});
