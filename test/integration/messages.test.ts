/**
 * What residents and staff read in their messages (消息中心 and the outbox rows the WeChat channels send),
 * through the local platform: every message names the case number, what it is about and the room, and
 * says what happened in words of its step; a missed promise brings the household an apology and a new
 * promise, staff staff words.
 */
import { startHarness, type Harness } from '../support/harness';
import * as O from '../support/objects';
import { MINUTE, advance, outboxFor, type OutboxItem } from '../support/clock';
import { callsAs } from '../support/calls';
import { whenText } from '../../core/domain/case/messages';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const { call, ok } = callsAs(() => h);
const ROOM = '1栋1单元101室';

interface Message {
  title: string;
  body: string;
  caseId: string | null;
}
/** The user's message center for one case, oldest first. */
async function inbox(user: string, caseId: string): Promise<Message[]> {
  await O.settle(h);
  const r = await ok(user, 'message', { action: 'list' });
  return (r.items as Message[]).filter((m) => m.caseId === caseId).reverse();
}
const to = (items: OutboxItem[], user: string) => items.filter((m) => m.to === user).map((m) => m.template);

describe('[R-REP-5] the messages of a repair, step by step', () => {
  it('[R-REP-5] [R-REP-2] each message names the number, category and room, and says what happened at its step', async () => {
    const c = await ok('resident-a', 'case', O.repair('1-1-101', { category: 'plumbing', location: 'in_home' }));
    expect(c.number).toMatch(/^BX\d{8}-\d{4}$/);
    const d = await ok('frontdesk', 'workbench', { action: 'dispatch', id: c.id, technicianId: 'tech-2', note: '请带阀芯' });
    const arrivalDue = d.deadlines.find((x: { name: string }) => x.name === 'arrival').dueAt as string;
    await ok('frontdesk', 'workbench', { action: 'pause', id: c.id, reason: '您出差在外，约定周六上门' });
    await advance(h, 30 * MINUTE);
    const resumed = await ok('frontdesk', 'workbench', { action: 'resume', id: c.id });
    const shiftedDue = resumed.deadlines.find((x: { name: string }) => x.name === 'arrival').dueAt as string;
    await ok('tech-2', 'workbench', { action: 'arrive', id: c.id });
    await ok('tech-2', 'workbench', { action: 'quote', id: c.id, feeFen: 8000, note: '更换水龙头阀芯，含材料' });
    await ok('resident-a', 'case', { action: 'acceptQuote', id: c.id });
    await ok('tech-2', 'workbench', { action: 'complete', id: c.id, result: '已更换阀芯，不再滴水', materials: ['阀芯'], feeFen: 8000 });
    await ok('resident-a', 'case', { action: 'confirm', id: c.id, ok: true });
    await ok('frontdesk', 'workbench', { action: 'callback', id: c.id, outcome: 'satisfied', method: 'phone' });

    // The outbox rows (what the WeChat channels map): a stable key per step and the case's facts.
    const sent = await outboxFor(h, c.id);
    expect(to(sent, 'resident-a')).toEqual(['case.received', 'repair.onTheWay', 'case.paused', 'case.resumed', 'repair.arrived', 'repair.quoted', 'repair.completed', 'case.closed']);
    expect(to(sent, 'tech-2')).toEqual(['repair.dispatched', 'work.paused', 'work.resumed', 'repair.quoteAccepted']);
    expect(to(sent, 'frontdesk')).toEqual(['case.new']);
    for (const m of sent) expect([m.template, m.data.number, m.data.room, m.data.category, m.data.kind]).toEqual([m.template, c.number, ROOM, '水龙头/水管', '报修']);

    // The resident's message center: warm words specific to each step, each with the number and room.
    const mine = await inbox('resident-a', c.id);
    expect(mine).toHaveLength(8);
    for (const m of mine) {
      expect(m.body).toContain(c.number);
      expect(m.body).toContain(ROOM);
      expect(m.body).toMatch(/^(您好|非常抱歉)/);
    }
    const [received, onTheWay, paused, resumedMsg, arrived, quoted, completed, closed] = mine;
    expect(received.title).toBe('您的报修已受理');
    expect(received.body).toContain('水龙头/水管');
    expect(onTheWay.body).toContain(`已派单给刘师傅，将于 ${whenText(Date.parse(arrivalDue), Date.parse(d.serverNow))} 前上门`);
    expect(onTheWay.body).not.toContain('请带阀芯'); // the dispatch note is the technician's
    expect(paused.body).toContain('暂缓处理：您出差在外，约定周六上门');
    expect(resumedMsg.body).toContain(`已恢复处理，我们将于 ${whenText(Date.parse(shiftedDue), Date.parse(resumed.serverNow))} 前为您上门`);
    expect(Date.parse(shiftedDue) - Date.parse(arrivalDue)).toBeGreaterThanOrEqual(30 * MINUTE);
    expect(arrived.title).toBe('刘师傅已到场');
    expect(quoted.title).toBe('维修报价 ¥80.00 待您确认');
    expect(quoted.body).toContain('报价 ¥80.00（更换水龙头阀芯，含材料），请在工单中确认是否接受');
    expect(completed.body).toContain('已完成维修，费用 ¥80.00');
    expect(completed.body).toContain('请您查看效果并在工单中确认');
    expect(closed.title).toBe('报修已办结，请您评价');
    expect(closed.body).toContain('欢迎在工单中为本次服务评价');

    // Staff read staff words: the room first, the number, what to do.
    const tech = await inbox('tech-2', c.id);
    expect(tech.map((m) => m.title)).toEqual([`新的维修工单：${c.number}`, `暂停计时：${c.number}`, `恢复计时：${c.number}`, `住户已接受报价：${c.number}`]);
    expect(tech[0].body).toBe(`${ROOM}的报修 ${c.number}（水龙头/水管）已派给您：请带阀芯，请于 ${whenText(Date.parse(arrivalDue), Date.parse(d.serverNow))} 前上门。`);
    expect(tech[1].body).toContain('张敏暂停了');
    expect(tech.every((m) => !m.body.startsWith('您好'))).toBe(true);
    const desk = await inbox('frontdesk', c.id);
    expect(desk.map((m) => m.title)).toEqual([`新报修待受理：${c.number}`]);
    expect(desk[0].body).toContain(ROOM);
  });

  it('[R-REP-5] 返工: the household is told who comes back and by when; the technician why', async () => {
    const c = await O.repairAt(h, 'resident-a', '1-1-101', 'completed', { technician: 'tech-2', over: { location: 'common_area', category: 'public_lighting' } });
    await ok('resident-a', 'case', { action: 'confirm', id: c.id, ok: false, note: '灯还是不亮' });
    const sent = await outboxFor(h, c.id);
    expect(to(sent, 'resident-a').slice(-1)).toEqual(['repair.rework']);
    const mine = await inbox('resident-a', c.id);
    expect(mine.at(-1)!.body).toMatch(new RegExp(`^您好，您的报修 ${c.number}（公共照明 · ${ROOM}）已安排刘师傅返工，将于 .+ 前上门，给您带来不便，非常抱歉。$`));
    const tech = await inbox('tech-2', c.id);
    expect(tech.at(-1)!.body).toContain('需要返工：灯还是不亮');
  });
});

describe('[R-ESC-5] a missed promise', () => {
  it('[R-ESC-5] [R-REP-3] the household gets an apology first and a new promise; the owner staff words', async () => {
    const c = await ok('resident-a', 'case', O.repair('1-1-101', { category: 'burst_pipe', content: '厨房水管爆裂' }));
    const due = c.deadlines.find((x: { name: string }) => x.name === 'arrival').dueAt as string;
    await advance(h, 16 * MINUTE);
    const late = await outboxFor(h, c.id, 'case.late');
    expect(late.map((m) => [m.to, m.data.deadline, m.data.number])).toEqual([['resident-a', 'arrival', c.number]]);
    const mine = await inbox('resident-a', c.id);
    const apology = mine.find((m) => m.title.startsWith('非常抱歉'))!;
    expect(apology.title).toBe('非常抱歉，您的报修未能按时上门');
    const at = Date.parse(late[0].time);
    expect(apology.body).toBe(
      `非常抱歉，您的报修 ${c.number}（水管爆裂 · ${ROOM}）未能在约定的 ${whenText(Date.parse(due), at)} 前上门，给您添麻烦了。我们已升级督办，将于 ${whenText(at + 60 * MINUTE, at)} 前与您联系并确认新的上门时间，感谢您的耐心与谅解。`,
    );
    // The technician who owned it reads the staff line; the household never reads 升级 bookkeeping as a title.
    const owner = (await outboxFor(h, c.id, 'case.breached')).map((m) => m.to);
    expect(owner).toEqual(['tech-1']);
    const tech = await inbox('tech-1', c.id);
    expect(tech.find((m) => m.title === `已超时：${c.number}`)!.body).toContain(`${ROOM}的报修 ${c.number}（水管爆裂）已超过上门时限`);
  });
});

describe('[R-INT-5] answered kinds and withdrawals', () => {
  it('[R-INT-5] taken up (by whom), answered (please rate); a transfer offers only roles that can handle the case', async () => {
    const c = await ok('resident-a', 'case', O.consultation('1-1-101', { category: 'fee', content: '请问物业费可以按季度缴纳吗？' }));
    // The desk, and the specialist of its category (物业费用 → 收费员); a technician cannot answer a
    // consultation, nor the renovation officer one about fees: not offered, and refused.
    const choices = await ok('frontdesk', 'workbench', { action: 'assignees', id: c.id });
    expect(choices.assign.map((p: { id: string; title: string }) => `${p.id} ${p.title}`)).toEqual([
      'frontdesk 前台 · 客服中心',
      'supervisor 客服主管 · 客服中心',
      'manager 经理 · 物业服务中心',
      'cashier 收费员 · 客服中心',
    ]);
    expect(choices.dispatch).toEqual([]);
    const refused = await call('frontdesk', 'workbench', { action: 'assign', id: c.id, to: 'tech-2' });
    expect([refused.status, refused.body.error.code, refused.body.error.fields?.to]).toEqual([400, 'INPUT.INVALID', '该同事的岗位不能办理此工单，请转交给前台、客服主管、经理、收费员']);
    expect((await call('frontdesk', 'workbench', { action: 'assign', id: c.id, to: 'reno-officer' })).status).toBe(400);
    // A repair goes to a technician by 派单 (on duty first), and to the desk by 转交.
    const r = await ok('resident-a', 'case', O.repair('1-1-101'));
    const forRepair = await ok('frontdesk', 'workbench', { action: 'assignees', id: r.id });
    expect([forRepair.assign.map((p: { id: string }) => p.id), forRepair.dispatch.map((p: { id: string; onDuty: boolean }) => `${p.id}${p.onDuty ? ' 值班' : ''}`)]).toEqual([
      ['frontdesk', 'supervisor', 'manager'],
      ['tech-1 值班', 'tech-2'],
    ]);
    expect(await ok('tech-1', 'workbench', { action: 'assignees', id: (await ok('frontdesk', 'workbench', { action: 'dispatch', id: r.id, technicianId: 'tech-1' })).id })).toEqual({ assign: [], dispatch: [] });

    const moved = await ok('frontdesk', 'workbench', { action: 'assign', id: c.id, to: 'supervisor', note: '涉及收费政策' });
    expect([moved.ownerName, moved.ownerTitle, moved.ownerDepartmentLabel, moved.departmentLabel]).toEqual(['周丽', '客服主管 · 客服中心', '客服中心', '客服中心']);
    await ok('supervisor', 'workbench', { action: 'reply', id: c.id, note: '可以的，您可在前台办理按季度缴纳' });
    const mine = await inbox('resident-a', c.id);
    expect(mine.map((m) => m.title)).toEqual(['您的咨询已受理', `咨询正在处理：${c.number}`, `咨询已答复：${c.number}`]);
    expect(mine[1].body).toBe(`您好，您的咨询 ${c.number}（物业费用 · ${ROOM}）已安排客服主管周丽为您处理，我们会在承诺时限内答复您，感谢您的耐心。`);
    expect(mine[2].body).toContain('已有答复：可以的，您可在前台办理按季度缴纳');
    expect(mine[2].body).toContain('欢迎您为本次服务评价');
    const sup = await inbox('supervisor', c.id);
    expect(sup[0]).toMatchObject({ title: `咨询 ${c.number} 转交您负责`, body: `张敏将${ROOM}的咨询 ${c.number}（物业费用）转交您负责：涉及收费政策，请及时跟进。` });
  });

  it('a resident withdraws: the responsible staff are told, in staff words, with the number', async () => {
    const c = await ok('resident-a', 'case', O.consultation('1-1-101'));
    await ok('resident-a', 'case', { action: 'cancel', id: c.id, reason: '已自行解决' });
    const sent = await outboxFor(h, c.id, 'case.withdrawn');
    expect(sent.map((m) => m.to)).toEqual(['frontdesk']);
    const desk = await inbox('frontdesk', c.id);
    expect(desk.at(-1)).toMatchObject({ title: `住户已撤销：${c.number}`, body: `${ROOM}的咨询 ${c.number} 已由住户撤销：已自行解决，无需再处理。` });
  });
});
