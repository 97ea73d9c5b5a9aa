import { CASE_KINDS } from '../../core/schemas/common';
import { startHarness, rid, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('intake into the one case store', () => {
  it('[R-INT-2] every kind is accepted into the one store and routed to a department', async () => {
    const a = await h.login('resident-a');
    const ids: string[] = [];
    for (const kind of CASE_KINDS) {
      const work = kind === 'repair' || kind === 'service' ? { category: 'door_window', location: 'in_home' } : {};
      const r = await h.call(a, 'case', { action: 'submit', requestId: rid(kind), householdId: '1-1-101', kind, content: `测试${kind}内容，请处理`, ...work });
      expect(r.status).toBe(200);
      expect(r.body.data.kind).toBe(kind);
      ids.push(r.body.data.id);
    }
    const list = await h.call(a, 'case', { action: 'list' });
    expect(list.body.data.items.map((c: { id: string }) => c.id).sort()).toEqual([...ids].sort());
    const byKind = Object.fromEntries(list.body.data.items.map((c: { kind: string; department: string }) => [c.kind, c.department]));
    expect(byKind).toMatchObject({ repair: 'maintenance', warranty: 'developer_liaison', consultation: 'customer_service' });
  });

  it('[R-INT-3] the front desk records a phone call for a household: same case, same clocks, channel kept, the resident sees it', async () => {
    const fd = await h.login('frontdesk');
    const before = Date.now();
    const r = await h.call(fd, 'workbench', {
      action: 'intake',
      requestId: rid('call'),
      householdId: '1-1-101',
      channel: 'phone',
      contactName: '李明',
      contactPhone: '13800001101',
      kind: 'help',
      category: 'cleaning',
      content: '楼道里有大件垃圾，请安排清理',
    });
    expect(r.status).toBe(200);
    const c = r.body.data;
    expect(c).toMatchObject({ channel: 'phone', channelLabel: '来电', department: 'cleaning', householdId: '1-1-101', kind: 'help' });
    expect(c.timeline[0]).toMatchObject({ type: 'submitted', byName: '张敏', note: '代为登记（来电）' });
    // Same clock as a mini-program submission of the same kind: 2 days from reception.
    expect(Date.parse(c.deadlines[0].dueAt) - Date.parse(c.createdAt)).toBe(2 * 86_400_000);
    expect(Date.parse(c.createdAt)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    const a = await h.login('resident-a');
    const mine = await h.call(a, 'case', { action: 'get', id: c.id });
    expect(mine.status).toBe(200);
    expect(mine.body.data.channel).toBe('phone');
    for (const channel of ['visit', 'letter'] as const) {
      const v = await h.call(fd, 'workbench', { action: 'intake', requestId: rid(channel), householdId: '1-1-102', channel, contactName: '陈静', contactPhone: '13800001102', kind: 'suggestion', content: '建议增加儿童游乐设施' });
      expect(v.body.data.channel).toBe(channel);
    }
    const refused = await h.call(fd, 'workbench', { action: 'intake', requestId: rid('mp'), householdId: '1-1-102', channel: 'miniprogram', contactName: '陈静', contactPhone: '13800001102', kind: 'suggestion', content: '建议增加儿童游乐设施' });
    expect(refused.status).toBe(400);
  });

  it('[R-INT-4] every status change is recorded with who and when; cancelled cases stay in the record', async () => {
    const a = await h.login('resident-a');
    const fd = await h.login('frontdesk');
    const s = await h.call(a, 'case', { action: 'submit', requestId: rid(), householdId: '1-1-101', kind: 'consultation', content: '请问物业费可以按年缴吗？', category: 'fee' });
    await h.call(fd, 'workbench', { action: 'assign', id: s.body.data.id, to: 'supervisor', note: '请主管答复' });
    const cancelled = await h.call(a, 'case', { action: 'cancel', id: s.body.data.id, reason: '已电话咨询清楚' });
    expect(cancelled.body.data.status).toBe('cancelled');
    const g = await h.call(fd, 'workbench', { action: 'get', id: s.body.data.id });
    expect(g.body.data.timeline.map((t: { type: string; byName: string }) => [t.type, t.byName])).toEqual([
      ['submitted', '李明'],
      ['assigned', '张敏'],
      ['cancelled', '李明'],
    ]);
    expect(g.body.data.timeline[1].note).toBe('转交 周丽：请主管答复');
    for (const t of g.body.data.timeline) expect(t.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    const again = await h.call(a, 'case', { action: 'cancel', id: s.body.data.id });
    expect([again.status, again.body.error.code]).toEqual([409, 'CASE.INVALID_TRANSITION']);
  });

  it('[R-INT-5] a new case has one responsible person, who is told; reassignment moves it and tells the next one', async () => {
    const a = await h.login('resident-a');
    const fd = await h.login('frontdesk');
    const s = await h.call(a, 'case', { action: 'submit', requestId: rid(), householdId: '1-1-101', kind: 'praise', content: '感谢保安师傅帮忙搬东西' });
    expect(s.body.data).toMatchObject({ owner: 'frontdesk', ownerName: '张敏' });
    // Only to a role that can answer it (a technician cannot): refused, nothing changes.
    expect((await h.call(fd, 'workbench', { action: 'assign', id: s.body.data.id, to: 'tech-2' })).status).toBe(400);
    const moved = await h.call(fd, 'workbench', { action: 'assign', id: s.body.data.id, to: 'supervisor' });
    expect(moved.body.data).toMatchObject({ owner: 'supervisor', ownerName: '周丽', ownerTitle: '客服主管 · 客服中心', status: 'processing' });
    const nobody = await h.call(fd, 'workbench', { action: 'assign', id: s.body.data.id, to: 'resident-b' });
    expect([nobody.status, nobody.body.error.code]).toEqual([404, 'USER.NOT_FOUND']);
    const box = ((await (await fetch(`${h.url}/local/outbox`)).json()) as { items: { to: string; template: string; data: { caseId?: string } }[] }).items.filter((m) => m.data.caseId === s.body.data.id);
    expect(box.map((m) => `${m.to} ${m.template}`).sort()).toEqual(['frontdesk case.new', 'resident-a case.accepted', 'resident-a case.received', 'supervisor case.assigned']);
    const sup = await h.login('supervisor');
    const mine = await h.call(sup, 'workbench', { action: 'queue', mine: true });
    expect(mine.body.data.items.map((c: { id: string }) => c.id)).toContain(s.body.data.id);
    const inbox = await h.call(sup, 'message', { action: 'list' });
    expect(inbox.body.data.unread).toBeGreaterThan(0);
    expect(inbox.body.data.items[0].title).toBe(`表扬 ${s.body.data.number} 转交您负责`);
  });

  it('consultations are answered and the resident is told in the message center', async () => {
    const a = await h.login('resident-b');
    const fd = await h.login('frontdesk');
    const s = await h.call(a, 'case', { action: 'submit', requestId: rid(), householdId: '1-1-102', kind: 'consultation', content: '请问小区几点关闭东门？' });
    const r = await h.call(fd, 'workbench', { action: 'reply', id: s.body.data.id, note: '东门每晚 23:00 关闭，请从南门出入。' });
    expect(r.body.data.status).toBe('resolved');
    expect(r.body.data.deadlines[0].metAt).toBeDefined();
    const inbox = await h.call(a, 'message', { action: 'list' });
    expect(inbox.body.data.items[0].body).toContain('东门每晚 23:00 关闭');
    await h.call(a, 'message', { action: 'read', ids: 'all' });
    expect((await h.call(a, 'message', { action: 'list' })).body.data.unread).toBe(0);
  });
});
