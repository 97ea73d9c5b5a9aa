/**
 * R-REP-7: the monthly repair and callback summary (每月汇总、统计、分析) on a small dataset whose
 * numbers are known by construction, in a month of its own (the test clock is set to a future month).
 */
import { startHarness, rid, type Harness } from '../support/harness';
import * as O from '../support/objects';
import { DAY, HOUR, advance, monthOf, platformNow, setClock, shanghai } from '../support/clock';
import { callsAs } from '../support/calls';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const { ok } = callsAs(() => h);
const repair = (who: string, household: string, category: string, content: string) => ok(who, 'case', O.repair(household, { category, content }));
const wb = (who: string, action: string, id: string, extra: Record<string, unknown> = {}) => ok(who, 'workbench', { action, id, ...extra });

describe('[R-REP-7] monthly repair and callback summary', () => {
  it('[R-REP-7] counts by category, on-time arrival rate, callback rate and timeliness, rework rate and average rating, for the month only', async () => {
    const { y, m } = monthOf(await platformNow(h), 1);
    const month = `${y}-${String(m).padStart(2, '0')}`;
    await setClock(h, shanghai(y, m, 2, 9, 0));

    // A — plumbing (a leak: callback within 3 days): on site at once, confirmed, called back next day, 5 stars.
    const a = await repair('resident-a', '1-1-101', 'plumbing', '厨房水龙头一直滴水');
    await wb('frontdesk', 'dispatch', a.id, { technicianId: 'tech-1' });
    await wb('tech-1', 'arrive', a.id);
    await wb('tech-1', 'complete', a.id, { result: '更换阀芯' });
    await ok('resident-a', 'case', { action: 'confirm', id: a.id, ok: true });
    // B — door and lock (callback within 2 days): on site after 25 h (late), reworked once, called back late, 2 stars.
    const b = await repair('resident-b', '1-1-102', 'door_window', '入户门锁芯坏了，钥匙拧不动');
    await wb('frontdesk', 'dispatch', b.id, { technicianId: 'tech-2' });
    // C — burst pipe (急修): paged, on site at once, completed, never called back, not rated.
    const c = await repair('resident-a', '1-1-101', 'burst_pipe', '卫生间水管爆裂');
    await wb('tech-1', 'arrive', c.id);
    await wb('tech-1', 'complete', c.id, { result: '更换爆裂水管' });
    // Not a repair: never counted.
    await ok('resident-a', 'case', { action: 'submit', requestId: rid(), householdId: '1-1-101', kind: 'consultation', content: '请问维修收费标准在哪里看？' });

    await advance(h, 25 * HOUR);
    await wb('tech-2', 'arrive', b.id);
    await wb('tech-2', 'complete', b.id, { result: '更换锁芯' });
    await ok('resident-b', 'case', { action: 'confirm', id: b.id, ok: false, note: '锁还是很难拧' });
    await wb('tech-2', 'arrive', b.id);
    await wb('tech-2', 'complete', b.id, { result: '更换整把门锁' });
    await wb('frontdesk', 'callback', a.id, { outcome: 'satisfied', method: 'phone' });
    await ok('resident-a', 'case', { action: 'rate', id: a.id, stars: 5 });

    await advance(h, 2 * DAY + HOUR);
    await wb('frontdesk', 'callback', b.id, { outcome: 'satisfied', method: 'visit' });
    await ok('resident-b', 'case', { action: 'rate', id: b.id, stars: 2, comment: '等太久了' });
    // D — electrical, submitted late in the month: neither on time nor late yet.
    const d = await repair('resident-a', '1-1-101', 'electrical', '客厅插座没电了');

    const db = O.dbOf(h);
    const before = await O.fingerprint(db);
    const full = await ok('supervisor', 'report', { action: 'monthly', month });
    const report = full.repairs;
    expect(O.changedTables(before, await O.fingerprint(db))).toEqual([]); // a read
    expect({ ...report, byCategory: [...report.byCategory].sort((p: { category: string }, q: { category: string }) => p.category.localeCompare(q.category)) }).toEqual({
      month,
      total: 4,
      emergencies: 1,
      byCategory: [
        { category: 'burst_pipe', label: '水管爆裂', count: 1 },
        { category: 'door_window', label: '门窗/锁具', count: 1 },
        { category: 'electrical', label: '电路/开关插座', count: 1 },
        { category: 'plumbing', label: '水龙头/水管', count: 1 },
      ],
      arrival: { arrived: 3, onTime: 2, late: 1, early: 0, onTimeRate: 66.7 },
      callback: { completed: 3, called: 2, onTime: 1, rate: 66.7, onTimeRate: 50 },
      rework: { reworked: 1, rate: 33.3 },
      rating: { count: 2, average: 3.5 },
      // The cases behind the figures, by number: B late and reworked, C never called back, D still open.
      attention: [
        { id: b.id, number: b.number, categoryLabel: '门窗/锁具', room: '1栋1单元102室', status: 'closed', statusLabel: '已关闭', reasons: ['late', 'reworked'], reasonLabels: ['未按时到场', '返工'] },
        { id: c.id, number: c.number, categoryLabel: '水管爆裂', room: '1栋1单元101室', status: 'completed', statusLabel: '待确认完工', reasons: ['uncalled', 'open'], reasonLabels: ['完工未回访', '未办结'] },
        { id: d.id, number: d.number, categoryLabel: '电路/开关插座', room: '1栋1单元101室', status: 'submitted', statusLabel: '待受理', reasons: ['open'], reasonLabels: ['未办结'] },
      ],
    });
    // The manager reads the same numbers.
    expect((await ok('manager', 'report', { action: 'monthly', month })).repairs).toEqual(report);

    // Weeks later D was never visited: its missed arrival now counts as late. The next month has a
    // repair of its own, counted there and not here.
    const next = monthOf(Date.parse(shanghai(y, m, 2)), 1);
    await setClock(h, shanghai(next.y, next.m, 1, 8, 0));
    await repair('resident-b', '1-1-102', 'drainage', '厨房下水堵塞');
    const later = (await ok('supervisor', 'report', { action: 'monthly', month })).repairs;
    expect([later.total, later.arrival]).toEqual([4, { arrived: 3, onTime: 2, late: 2, early: 0, onTimeRate: 50 }]);
    const following = (await ok('manager', 'report', { action: 'monthly', month: `${next.y}-${String(next.m).padStart(2, '0')}` })).repairs;
    expect([following.total, following.byCategory, following.arrival.onTimeRate, following.rating.average]).toEqual([1, [{ category: 'drainage', label: '下水堵塞', count: 1 }], null, null]);
  });

  it('[R-REP-7] only 客服主管 and 经理 read it; a malformed month is INPUT.INVALID', async () => {
    for (const who of ['frontdesk', 'tech-1', 'cashier', 'resident-a']) {
      const r = await h.call(await h.login(who), 'report', { action: 'monthly', month: '2026-11' });
      expect([who, r.status, r.body.error?.code]).toEqual([who, 403, 'AUTH.FORBIDDEN']);
    }
    for (const month of ['2026-13', '2026-1', '26-11', '2026/11']) {
      const r = await h.call(await h.login('manager'), 'report', { action: 'monthly', month });
      expect([month, r.status, r.body.error?.code]).toEqual([month, 400, 'INPUT.INVALID']);
    }
  });
});
