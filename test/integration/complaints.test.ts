/**
 * Complaints through the real gateway, store and test clock (rule book §4): the resident's record and
 * apology (R-CMP-1), the levels and their clocks — each checked at the minute it falls due and one minute
 * later (R-CMP-2, R-ESC-5) — the flow with its callback by someone other than the handler (R-CMP-3), the
 * harm still going on (R-CMP-4), the invalid complaint still answered (R-CMP-5), and a complaint about a
 * staff member that member never sees.
 */
import { toIso } from '../../core/time';
import { startHarness, rid, type Harness } from '../support/harness';
import * as O from '../support/objects';
import { DAY, HOUR, MINUTE, advance, outboxFor, platformNow, setClock, told } from '../support/clock';
import { callsAs, deadlineOf as deadline, timelineTypes as types } from '../support/calls';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const { ok, refusal, get } = callsAs(() => h);
const wb = (user: string, action: string, body: Record<string, unknown>) => ok(user, 'workbench', { action, ...body });

/** A complaint by resident-b, filed at a whole minute (so every clock falls due on a whole minute). */
async function complaint(over: Record<string, unknown> = {}) {
  const start = Math.ceil((await platformNow(h)) / MINUTE) * MINUTE + MINUTE;
  await setClock(h, toIso(start));
  const c = await ok('resident-b', 'case', {
    action: 'submit',
    requestId: rid(),
    householdId: '1-1-102',
    kind: 'complaint',
    category: 'noise',
    content: '楼下商铺每晚十一点后还在装卸货，噪音很大',
    occurredAt: toIso(start - 2 * HOUR),
    place: '1栋楼下商铺门口',
    subject: '秩序维护部夜班',
    asks: '请制止夜间装卸，并给出整改时间',
    ...over,
  });
  expect(Date.parse(c.createdAt)).toBe(start);
  return c;
}
/** The deadlines the sweep has recorded as missed (the SLA engine's verdict; the view also flags a due time just passed). */
const missed = (c: Record<string, any>) => c.timeline.filter((e: { type: string }) => e.type === 'breached').map((e: { note: string }) => e.note.split('时限')[0]);
/** Moves the platform clock to `at` (running every tick on the way) and reads the case as the desk. */
async function at(id: string, when: number) {
  await advance(h, when - (await platformNow(h)));
  return get(id);
}

describe('[R-CMP-1] the resident records a complaint and is answered with an apology first', () => {
  it('[R-CMP-1] time, place, whom, what happened and what they ask for are kept; the message apologises and names the case', async () => {
    const c = await complaint();
    expect(c.complaint).toMatchObject({ place: '1栋楼下商铺门口', subject: '秩序维护部夜班', asks: '请制止夜间装卸，并给出整改时间', harmOngoing: false, levelLabel: null });
    expect(c.complaint).not.toHaveProperty('aboutStaff');
    const [msg] = await outboxFor(h, c.id, 'complaint.received');
    expect(msg.to).toBe('resident-b');
    const inbox = await ok('resident-b', 'message', { action: 'list' });
    const mine = inbox.items.find((m: { caseId?: string; title: string }) => m.title.includes(c.number));
    expect(mine.title).toMatch(/^非常抱歉/);
    expect(mine.body).toMatch(/^您好，非常抱歉/);
    expect(mine.body).toContain('噪音扰民');
  });

  it('[R-CMP-1] a "by when" already past, or an event in the future, is refused in Chinese and changes nothing', async () => {
    const now = await platformNow(h);
    const body = { action: 'submit', requestId: rid(), householdId: '1-1-102', kind: 'complaint', content: '物业服务态度很差' };
    expect(await refusal('resident-b', 'case', { ...body, wantedBy: toIso(now - HOUR) })).toEqual([400, 'INPUT.INVALID']);
    expect(await refusal('resident-b', 'case', { ...body, requestId: rid(), occurredAt: toIso(now + DAY) })).toEqual([400, 'INPUT.INVALID']);
    expect(await refusal('resident-b', 'case', { ...body, requestId: rid(), kind: 'consultation', harmOngoing: true })).toEqual([400, 'INPUT.INVALID']);
  });
});

describe('[R-CMP-4] harm still going on', () => {
  it('[R-CMP-4] is flagged urgent and pages the responsible person of its department at once', async () => {
    const c = await complaint({ harmOngoing: true });
    expect([c.emergency, c.complaint.harmOngoing]).toEqual([true, true]);
    expect(told(await outboxFor(h, c.id))).toEqual(['frontdesk complaint.urgent', 'resident-b complaint.received']);
    const [page] = await outboxFor(h, c.id, 'complaint.urgent');
    expect(page.time).toBe(c.createdAt);
  });
});

describe('[R-CMP-2][R-ESC-5] each level’s clocks, at the minute due and one minute later', () => {
  it('[R-CMP-2][R-ESC-5] 重要: not handed on within 1 hour → breached at 61 minutes, the supervisor owns it and is told', async () => {
    const c = await complaint();
    const t0 = Date.parse(c.createdAt);
    await wb('frontdesk', 'classify', { id: c.id, level: 'serious' });
    const due = await at(c.id, t0 + HOUR);
    expect([deadline(due, 'handover')!.dueAt, missed(due), due.owner, due.escalationLevel]).toEqual([toIso(t0 + HOUR), [], 'frontdesk', 0]);
    const late = await at(c.id, t0 + HOUR + MINUTE);
    expect([deadline(late, 'handover')!.breached, missed(late), late.owner, late.escalationLevel]).toEqual([true, ['移交'], 'supervisor', 1]);
    expect(types(late).slice(-2)).toEqual(['breached', 'escalated']);
    expect(told(await outboxFor(h, c.id, 'case.escalated'))).toEqual(['supervisor case.escalated']);
  });

  it('[R-CMP-2] 重要: handed to the supervisor in time meets the hand-over; the first contact is due within a day', async () => {
    const c = await complaint();
    const t0 = Date.parse(c.createdAt);
    await wb('frontdesk', 'classify', { id: c.id, level: 'serious' });
    await wb('frontdesk', 'assign', { id: c.id, to: 'supervisor' });
    expect(deadline(await at(c.id, t0 + HOUR + MINUTE), 'handover')).toMatchObject({ breached: false, metAt: expect.any(String) });
    expect(missed(await at(c.id, t0 + DAY))).toEqual([]);
    expect(missed(await at(c.id, t0 + DAY + MINUTE))).toEqual(['首次联系']);
  });

  it('[R-CMP-2] 重大: the manager is told at once; no clear reply within 2 days → breached a minute after', async () => {
    const c = await complaint();
    const t0 = Date.parse(c.createdAt);
    const major = await wb('frontdesk', 'classify', { id: c.id, level: 'major' });
    expect(deadline(major, 'inform')).toMatchObject({ metAt: expect.any(String), breached: false });
    expect(told(await outboxFor(h, c.id, 'complaint.major'))).toEqual(['manager complaint.major']);
    expect(deadline(major, 'resolution')!.dueAt).toBe(toIso(t0 + 10 * DAY));
    expect(missed(await at(c.id, t0 + 2 * DAY))).toEqual([]);
    expect(missed(await at(c.id, t0 + 2 * DAY + MINUTE))).toEqual(['答复']);
  });

  it('[R-CMP-2] 一般: due by the resident’s earlier "by when"; re-classifying recomputes the clocks and is recorded', async () => {
    const probe = await platformNow(h);
    const wantedBy = Math.ceil((probe + 20 * HOUR) / MINUTE) * MINUTE + 5 * MINUTE;
    const c = await complaint({ wantedBy: toIso(wantedBy) });
    await wb('frontdesk', 'classify', { id: c.id, level: 'serious' });
    const minor = await wb('frontdesk', 'classify', { id: c.id, level: 'minor' });
    expect(deadline(minor, 'handover')).toBeUndefined();
    expect(deadline(minor, 'resolution')!.dueAt).toBe(toIso(wantedBy));
    expect(minor.timeline.filter((e: { type: string }) => e.type === 'classified').map((e: { note: string }) => e.note)).toEqual(['重要', '重要 → 一般']);
    await wb('frontdesk', 'contact', { id: c.id, note: '电话联系住户，已了解情况' });
    expect(missed(await at(c.id, wantedBy))).toEqual([]);
    expect(missed(await at(c.id, wantedBy + MINUTE))).toEqual(['办结']);
  });
});

describe('[R-CMP-3] classify → route → contact → reply → callback by someone else → closed', () => {
  it('[R-CMP-3] the flow, the resident’s words only on their page, and a callback refused to the handler', async () => {
    const c = await complaint();
    expect(await refusal('frontdesk', 'workbench', { action: 'contact', id: c.id, note: '电话联系' })).toEqual([409, 'CASE.INVALID_TRANSITION']);
    await wb('frontdesk', 'classify', { id: c.id, level: 'serious' });
    await wb('frontdesk', 'assign', { id: c.id, to: 'supervisor' });
    expect(await refusal('supervisor', 'workbench', { action: 'reply', id: c.id, note: '已处理' })).toEqual([409, 'CASE.INVALID_TRANSITION']);
    await wb('supervisor', 'contact', { id: c.id, note: '内部记录：住户情绪激动，已安抚' });
    const replied = await wb('supervisor', 'reply', { id: c.id, note: '已约谈商铺，晚十点后停止装卸，秩序维护部每晚巡查' });
    expect([replied.status, replied.owner, deadline(replied, 'resolution')!.metAt]).toEqual(['awaiting_callback', 'frontdesk', expect.any(String)]);
    expect(told(await outboxFor(h, c.id, 'complaint.callbackDue'))).toEqual(['frontdesk complaint.callbackDue']);
    expect(await refusal('supervisor', 'workbench', { action: 'callback', id: c.id, outcome: 'satisfied', method: 'phone' })).toEqual([403, 'CASE.CALLBACK_BY_HANDLER']);
    const closed = await wb('frontdesk', 'callback', { id: c.id, outcome: 'satisfied', method: 'phone' });
    expect(closed.status).toBe('closed');

    const mine = await ok('resident-b', 'case', { action: 'get', id: c.id });
    expect(mine.timeline.map((s: { label: string }) => s.label)).toEqual(['已受理', '已安排专人处理', '工作人员已与您联系', '已答复', '回访', '已办结']);
    expect(JSON.stringify(mine.timeline)).not.toContain('内部记录');
    expect(mine.complaint).not.toHaveProperty('handler');
    const [result] = await outboxFor(h, c.id, 'complaint.replied');
    expect(result.data.reply).toContain('晚十点后停止装卸');
  });
});

describe('[R-CMP-5] an invalid complaint is still answered, with the reason, and archived', () => {
  it('[R-CMP-5] the resident is told the reason; closing archives it, every event kept', async () => {
    const c = await complaint();
    expect(await refusal('frontdesk', 'workbench', { action: 'markInvalid', id: c.id, reason: '无' })).toEqual([400, 'INPUT.INVALID']);
    const invalid = await wb('frontdesk', 'markInvalid', { id: c.id, reason: '经核实该商铺不属本小区物业管理范围，已转告街道城管' });
    expect(invalid.status).toBe('resolved');
    const [msg] = await outboxFor(h, c.id, 'complaint.invalid');
    expect([msg.to, msg.data.reason]).toEqual(['resident-b', '经核实该商铺不属本小区物业管理范围，已转告街道城管']);
    const closed = await wb('frontdesk', 'close', { id: c.id });
    expect(closed.status).toBe('closed');
    expect(types(await get(c.id))).toEqual(['submitted', 'markedInvalid', 'closed']);
    const mine = await ok('resident-b', 'case', { action: 'get', id: c.id });
    expect(mine.timeline.find((s: { label: string; note: string | null }) => s.note?.includes('街道城管'))).toBeTruthy();
  });
});

describe('a complaint about a staff member', () => {
  it('[R-CMP-3] is not in that member’s queue nor readable by them (404), and is never handed to them', async () => {
    const c = await complaint({ subject: '前台张敏态度不好' });
    expect(await refusal('frontdesk', 'workbench', { action: 'classify', id: c.id, level: 'minor', aboutStaff: 'frontdesk' })).toEqual([403, 'CASE.ABOUT_STAFF']);
    await wb('frontdesk', 'assign', { id: c.id, to: 'supervisor' });
    await wb('supervisor', 'classify', { id: c.id, level: 'minor', aboutStaff: 'frontdesk' });
    expect(await refusal('frontdesk', 'workbench', { action: 'get', id: c.id })).toEqual([404, 'CASE.NOT_FOUND']);
    const queue = await wb('frontdesk', 'queue', { kind: 'complaint', limit: 100 });
    expect(queue.items.map((i: { id: string }) => i.id)).not.toContain(c.id);
    expect((await wb('supervisor', 'queue', { kind: 'complaint', limit: 100 })).items.map((i: { id: string }) => i.id)).toContain(c.id);
    expect(await refusal('supervisor', 'workbench', { action: 'assign', id: c.id, to: 'frontdesk' })).toEqual([403, 'CASE.ABOUT_STAFF']);
    const seen = await wb('supervisor', 'get', { id: c.id });
    expect(seen.complaint.aboutStaff).toBe('frontdesk');
  });
});
