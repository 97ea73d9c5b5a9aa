/**
 * Who reads what on a case's timeline (issue 9 items 2 and 3), through the real gateway: the resident
 * reads resident-facing steps in plain words, staff read everything; an emergency's automatic dispatch
 * is on both timelines and the resident is told who is coming and by when.
 */
import { startHarness, type Harness } from '../support/harness';
import * as O from '../support/objects';
import { MINUTE, advance, outboxFor } from '../support/clock';
import { callsAs } from '../support/calls';
import { isoAt } from '../../core/shanghai';
import { renderMessage } from '../../core/domain/notifications';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const { ok, get } = callsAs(() => h);
type Entry = { type: string; label: string; by: string; byName: string; note: string | null };
const asResident = async (id: string) => (await ok('resident-a', 'case', { action: 'get', id })).timeline as Entry[];
const asStaff = async (id: string) => (await get(id)).timeline as Entry[];
const text = (t: Entry[]) => JSON.stringify(t);

const DISPATCH_NOTE = '内部：钥匙在物业前台，先电话联系';
const CALLBACK_NOTE = '内部：住户脾气急，下次先报主管';

describe('[R-INT-4] [R-ACC-5] the resident reads their own record, staff read everything', () => {
  it('[R-INT-4] [R-ACC-5] a whole repair: the resident sees only resident-facing steps in plain words, no bookkeeping, no staff notes; staff see it all', async () => {
    const c = await ok('resident-a', 'case', O.repair('1-1-101', { category: 'plumbing', content: '厨房水龙头一直滴水' }));
    await ok('frontdesk', 'workbench', { action: 'dispatch', id: c.id, technicianId: 'tech-1', note: DISPATCH_NOTE });
    await advance(h, 20 * 60 * MINUTE); // the arrival promise nears its end: warned
    await advance(h, 28 * 60 * MINUTE); // and runs out: breached, escalated
    await ok('tech-1', 'workbench', { action: 'arrive', id: c.id });
    await ok('tech-1', 'workbench', { action: 'complete', id: c.id, result: '已更换阀芯，不再滴水', materials: ['阀芯'] });
    await ok('resident-a', 'case', { action: 'confirm', id: c.id, ok: true });
    await ok('frontdesk', 'workbench', { action: 'callback', id: c.id, outcome: 'satisfied', method: 'phone', note: CALLBACK_NOTE });

    const staff = await asStaff(c.id);
    const resident = await asResident(c.id);
    // Staff: every event, with the bookkeeping and their notes.
    expect(staff.map((t) => t.type)).toEqual(expect.arrayContaining(['submitted', 'dispatched', 'warned', 'breached', 'escalated', 'arrived', 'completed', 'confirmed', 'callback']));
    expect(text(staff)).toContain(DISPATCH_NOTE);
    expect(text(staff)).toContain(CALLBACK_NOTE);
    expect(staff.some((t) => t.byName === '系统')).toBe(true);
    // The resident: the steps that are theirs, in plain words, in order.
    expect(resident.map((t) => t.label)).toEqual(['已受理', '已派单给王师傅', '师傅已到场', '维修完成', '您已确认完成', '回访', '已办结']);
    for (const word of [DISPATCH_NOTE, CALLBACK_NOTE, '时限预警', '已超时', '升级督办', '系统', '住户满意', '派给', '转 ']) expect([word, text(resident).includes(word)]).toEqual([word, false]);
    expect(resident.map((t) => t.type)).not.toEqual(expect.arrayContaining(['warned']));
    expect(resident.find((t) => t.label === '维修完成')!.note).toBe('已更换阀芯，不再滴水；材料：阀芯；免费');
    expect(resident.find((t) => t.label === '回访')!.note).toBe('电话回访');
    // Who acted: staff by name; the household's own steps name nobody (已受理 · 李明 would read as if 李明 accepted it).
    expect(resident.map((t) => [t.label, t.byName])).toEqual([
      ['已受理', ''],
      ['已派单给王师傅', '张敏'],
      ['师傅已到场', '王强'],
      ['维修完成', '王强'],
      ['您已确认完成', ''],
      ['回访', '张敏'],
      ['已办结', '张敏'],
    ]);
  });
});

describe('[R-REP-3] the emergency\'s automatic dispatch is on the record', () => {
  it('[R-REP-3] [R-INT-4] an emergency paged to the on-duty technician shows 已派单 on both timelines, and the resident is told who is coming and by when', async () => {
    const c = await ok('resident-a', 'case', O.repair('1-1-101', { category: 'burst_pipe', content: '厨房水管爆裂，水漫出来了' }));
    const due = Date.parse(c.deadlines.find((d: { name: string }) => d.name === 'arrival').dueAt);
    const staff = await asStaff(c.id);
    expect(staff.slice(0, 2).map((t) => [t.type, t.label, t.by])).toEqual([
      ['submitted', '提交', 'resident-a'],
      ['dispatched', '已派单', 'system'],
    ]);
    expect(staff[1].note).toContain('王强');
    const resident = await asResident(c.id);
    expect(resident.map((t) => [t.type, t.label])).toEqual([
      ['submitted', '已受理'],
      ['dispatched', '已派单给王师傅'],
    ]);
    expect(resident[1].byName).toBe('物业服务中心');
    expect(resident[1].note).toContain(`${isoAt(due).slice(11, 16)} 前到场`);
    // The message: who is coming, and by when (Shanghai time).
    const [received] = (await outboxFor(h, c.id, 'case.received')).filter((m) => m.to === 'resident-a');
    const msg = renderMessage('case.received', received.data as Record<string, string>);
    expect(msg.title).toContain('王师傅');
    expect(msg.body).toContain('王师傅');
    expect(msg.body).toContain(`${isoAt(due).slice(11, 16)} 前到场`);
  });

  it('[R-REP-3] an ordinary repair has no automatic dispatch and an ordinary receipt', async () => {
    const c = await ok('resident-a', 'case', O.repair('1-1-101', { category: 'door_window', content: '卧室窗户关不严' }));
    expect((await asStaff(c.id)).map((t) => t.type)).toEqual(['submitted']);
    expect((await asResident(c.id)).map((t) => t.label)).toEqual(['已受理']);
    const [received] = (await outboxFor(h, c.id, 'case.received')).filter((m) => m.to === 'resident-a');
    expect(renderMessage('case.received', received.data as Record<string, string>).body).not.toContain('师傅');
  });
});
