import { CASE_TEMPLATES, caseFacts, caseMessage, whenText, type CaseTemplate } from './messages';

const T = Date.parse('2026-12-02T14:00:00+08:00');
const facts = caseFacts({ id: 'c_1', number: 'BX20261202-0007', kind: 'repair', category: 'burst_pipe', householdId: '1-1-101' });
/** Every field any step adds: a text must never show a missing one as 'undefined'. */
const full = { ...facts, technician: '王师傅', arriveBy: '14:15', fee: '80.00', note: '含材料', reason: '住户出差', handler: '客服主管周丽', promise: '15:00', promiseVerb: '上门', dueAt: '14:15', verb: '上门', next: '确认新的上门时间', deadline: 'arrival', reply: '已处理', byName: '张敏', stars: '2', comment: '太慢', content: '厨房水管爆裂', status: '已派单', redispatch: '' };
const templates = (Object.keys(CASE_TEMPLATES) as CaseTemplate[]).filter((t) => t !== 'case.status');

describe('case messages (core/domain/case/messages.ts)', () => {
  it('carries the number, kind, category and room as data for the channels', () => {
    expect(facts).toEqual({ caseId: 'c_1', number: 'BX20261202-0007', kind: '报修', category: '水管爆裂', room: '1栋1单元101室', householdId: '1-1-101' });
  });

  it.each(templates)('%s names the number and the room, in the words of its audience', (t) => {
    const { title, body } = caseMessage(t, full);
    expect(`${title}${body}`).not.toMatch(/undefined|null|\[object/);
    expect(body).toContain('BX20261202-0007');
    expect(body).toContain('1栋1单元101室');
    if (CASE_TEMPLATES[t] === 'resident') expect(body).toMatch(/^(您好|非常抱歉)/);
    else expect(body).not.toMatch(/^您好/);
  });

  it('each step says something of its own (no two templates share a title)', () => {
    const titles = templates.map((t) => caseMessage(t, full).title);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('a missed promise apologises first and gives the new promise', () => {
    const { title, body } = caseMessage('case.late', full);
    expect(title).toBe('非常抱歉，您的报修未能按时上门');
    expect(body).toBe('非常抱歉，您的报修 BX20261202-0007（水管爆裂 · 1栋1单元101室）未能在约定的 14:15 前上门，给您添麻烦了。我们已升级督办，将于 15:00 前与您联系并确认新的上门时间，感谢您的耐心与谅解。');
  });

  it('times read as Shanghai wall time: the hour on the same day, the date too on another, whatever the host zone', () => {
    expect(whenText(T + 15 * 60_000, T)).toBe('14:15');
    expect(whenText(T + 24 * 3_600_000, T)).toBe('12月3日 14:00');
    expect(whenText(Date.parse('2026-12-02T16:30:00Z'), T)).toBe('12月3日 00:30');
  });
});
