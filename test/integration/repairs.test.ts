/**
 * Repairs (报修, rule book §3) and satisfaction (§8) through the real gateway, with the test clock:
 * intake, free and paid work, emergencies, arrival windows, the work-order flow with 返工, callbacks,
 * 催单, pausing the clocks, ratings and follow-ups.
 */
import { startHarness, rid, type Harness } from '../support/harness';
import * as O from '../support/objects';
import { DAY, HOUR, MINUTE, advance, outboxFor, platformNow, shanghai, told } from '../support/clock';
import { callsAs, deadlineOf as deadline, timelineTypes as types, uploadPhotoAs } from '../support/calls';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

// ------------------------------------------------------------------ helpers

const { call, ok, refusal, get } = callsAs(() => h);
const submit = (over: Record<string, unknown> = {}, who = 'resident-a', household = '1-1-101') => ok(who, 'case', O.repair(household, over));
const ms = (iso: string) => Date.parse(iso);
const dispatch = (id: string, technicianId = 'tech-1') => ok('frontdesk', 'workbench', { action: 'dispatch', id, technicianId });
const arrive = (id: string, tech = 'tech-1') => ok(tech, 'workbench', { action: 'arrive', id });
const complete = (id: string, extra: Record<string, unknown> = {}, tech = 'tech-1') => ok(tech, 'workbench', { action: 'complete', id, result: '已更换阀芯，不再滴水', materials: ['阀芯'], ...extra });

const upload = (user: string) => uploadPhotoAs(h, user);

// ------------------------------------------------------------------ R-REP-1 intake

describe('[R-REP-1] repair intake', () => {
  it('[R-REP-1] a repair without a repair category or without 户内/公共区域 is refused, field by field, and stores nothing', async () => {
    const db = O.dbOf(h);
    const before = await O.fingerprint(db);
    const a = await h.login('resident-a');
    const base = { action: 'submit', householdId: '1-1-101', kind: 'repair', content: '厨房水龙头一直滴水' };
    const cases: [Record<string, unknown>, string][] = [
      [{ location: 'in_home' }, 'category'],
      [{ category: 'plumbing' }, 'location'],
      [{ category: 'fee', location: 'in_home' }, 'category'], // a general category is not a repair category
      [{ category: 'leaky_roof', location: 'in_home' }, 'category'],
      [{ category: 'plumbing', location: 'kitchen' }, 'location'],
    ];
    for (const [over, field] of cases) {
      const r = await h.call(a, 'case', { ...base, requestId: rid('r1'), ...over });
      expect([JSON.stringify(over), r.status, r.body.error?.code, Object.keys(r.body.error?.fields ?? {})]).toEqual([JSON.stringify(over), 400, 'INPUT.INVALID', [field]]);
    }
    // The front desk recording a call (R-INT-3) is held to the same record.
    const intake = await call('frontdesk', 'workbench', { action: 'intake', requestId: rid('r1'), householdId: '1-1-101', channel: 'phone', contactName: '李明', contactPhone: '13800001101', kind: 'repair', content: '厨房水龙头一直滴水' });
    expect([intake.status, Object.keys(intake.body.error.fields).sort()]).toEqual([400, ['category', 'location']]);
    await O.settle(h);
    expect(O.changedTables(before, await O.fingerprint(db))).toEqual([]);
  });

  it('[R-REP-1] up to 9 photos: 9 are kept, a 10th is refused', async () => {
    const photos = await Promise.all(Array.from({ length: 10 }, () => upload('resident-a')));
    expect(new Set(photos).size).toBe(10);
    const ten = await call('resident-a', 'case', O.repair('1-1-101', { photos }));
    expect([ten.status, ten.body.error?.code, ten.body.error?.fields?.photos]).toEqual([400, 'INPUT.INVALID', '最多上传 9 张照片']);
    const nine = await submit({ photos: photos.slice(0, 9) });
    expect(nine.photos).toEqual(photos.slice(0, 9));
  });

  it('[R-REP-1] the record keeps household, phone, what is broken, where, and the convenient time window', async () => {
    // Tomorrow afternoon in Shanghai: an agreed time lies within the next 30 days (issue 7 item 6).
    const tomorrow = new Date((await platformNow(h)) + 8 * HOUR + DAY);
    const from = shanghai(tomorrow.getUTCFullYear(), tomorrow.getUTCMonth() + 1, tomorrow.getUTCDate(), 14);
    const to = shanghai(tomorrow.getUTCFullYear(), tomorrow.getUTCMonth() + 1, tomorrow.getUTCDate(), 18);
    const c = await submit({ category: 'public_lighting', location: 'common_area', content: '1 号楼 2 单元楼道灯不亮', preferredTime: { from, to } });
    expect(c).toMatchObject({
      kind: 'repair',
      householdId: '1-1-101',
      contactPhone: '13800001101',
      category: 'public_lighting',
      categoryLabel: '公共照明',
      location: 'common_area',
      content: '1 号楼 2 单元楼道灯不亮',
      preferredTime: { from, to },
      department: 'maintenance',
    });
    // Staff lists mask the phone (R-ACC-5); the case itself shows it to contact the resident.
    const q = await ok('frontdesk', 'workbench', { action: 'queue', householdId: '1-1-101', limit: 100 });
    expect(q.items.find((i: { id: string }) => i.id === c.id).contactPhone).toBe('138****1101');
    expect((await get(c.id)).contactPhone).toBe('13800001101');
  });
});

// ------------------------------------------------------------------ R-REP-2 free or paid

describe('[R-REP-2] free or paid work', () => {
  it('[R-REP-2] common-area work is free: a quote is refused (409) and a fee on completion is refused', async () => {
    const c = await submit({ category: 'public_lighting', location: 'common_area', content: '单元门口路灯不亮' });
    await dispatch(c.id);
    await arrive(c.id);
    expect(await refusal('tech-1', 'workbench', { action: 'quote', id: c.id, feeFen: 5000, note: '更换灯具' })).toEqual([409, 'CASE.INVALID_TRANSITION']);
    const fee = await call('tech-1', 'workbench', { action: 'complete', id: c.id, result: '已更换灯泡', feeFen: 500 });
    expect([fee.status, fee.body.error?.code, Object.keys(fee.body.error?.fields ?? {})]).toEqual([400, 'INPUT.INVALID', ['feeFen']]);
    const done = await complete(c.id, { result: '已更换灯泡' });
    expect([done.status, done.work.feeFen]).toEqual(['completed', 0]);
  });

  it('[R-REP-2] paid in-home work: the quote (integer fen) waits for the resident; the fee can never exceed the accepted quote', async () => {
    const c = await submit();
    await dispatch(c.id);
    await arrive(c.id);
    expect(await refusal('tech-1', 'workbench', { action: 'quote', id: c.id, feeFen: 80.5, note: '更换阀芯' })).toEqual([400, 'INPUT.INVALID']);
    // No fee without an accepted quote.
    expect(await refusal('tech-1', 'workbench', { action: 'complete', id: c.id, result: '已修好', feeFen: 100 })).toEqual([400, 'INPUT.INVALID']);
    const q = await ok('tech-1', 'workbench', { action: 'quote', id: c.id, feeFen: 8000, note: '更换阀芯，含材料' });
    expect([q.status, q.work.quote]).toEqual(['quoted', expect.objectContaining({ feeFen: 8000, decision: 'pending' })]);
    expect((await outboxFor(h, c.id, 'repair.quoted')).map((m) => [m.to, m.data.fee])).toEqual([['resident-a', '80.00']]);
    // Work does not start before the resident accepts.
    expect(await refusal('tech-1', 'workbench', { action: 'complete', id: c.id, result: '已修好' })).toEqual([409, 'CASE.INVALID_TRANSITION']);
    const accepted = await ok('resident-a', 'case', { action: 'acceptQuote', id: c.id });
    expect([accepted.status, accepted.work.quote.decision]).toEqual(['on_site', 'accepted']);
    const over = await call('tech-1', 'workbench', { action: 'complete', id: c.id, result: '已修好', feeFen: 8001 });
    expect([over.status, over.body.error?.code, over.body.error?.fields?.feeFen]).toEqual([400, 'INPUT.INVALID', '费用不能超过住户已接受的报价']);
    const done = await complete(c.id, { feeFen: 8000 });
    expect([done.status, done.work.feeFen]).toEqual(['completed', 8000]);
  });

  it('[R-REP-2] without a fee on completion, paid work is charged the accepted quote', async () => {
    const c = await O.repairAt(h, 'resident-a', '1-1-101', 'quoted');
    await ok('resident-a', 'case', { action: 'acceptQuote', id: c.id });
    expect((await complete(c.id)).work.feeFen).toBe(8000);
  });

  it('[R-REP-2] a declined quote closes the case with the reason, and the technician can no longer complete it', async () => {
    const c = await O.repairAt(h, 'resident-a', '1-1-101', 'quoted');
    const d = await ok('resident-a', 'case', { action: 'declineQuote', id: c.id, note: '自己找人修' });
    expect([d.status, d.work.quote.decision, d.resolution, d.paused]).toEqual(['closed', 'declined', '住户未接受有偿维修报价：自己找人修', null]);
    expect(await refusal('tech-1', 'workbench', { action: 'complete', id: c.id, result: '已修好' })).toEqual([409, 'CASE.INVALID_TRANSITION']);
    expect(await refusal('resident-a', 'case', { action: 'acceptQuote', id: c.id })).toEqual([409, 'CASE.INVALID_TRANSITION']);
    expect((await outboxFor(h, c.id, 'repair.quoteDeclined')).map((m) => [m.to, m.data.fee, m.data.reason])).toEqual([['tech-1', '80.00', '自己找人修']]);
  });
});

// ------------------------------------------------------------------ R-REP-3 emergencies

describe('[R-REP-3] emergencies (急修)', () => {
  it('[R-REP-3] an emergency category pages the on-duty technician (tech-1) at once and dispatches to him without waiting', async () => {
    for (const category of ['burst_pipe', 'key_leak', 'sewage_backflow', 'power_outage']) {
      const c = await submit({ category, content: '紧急情况，请马上派人处理' });
      expect([category, c.emergency, c.status, c.owner, c.work.technician, c.work.dispatchedAt]).toEqual([category, true, 'dispatched', 'tech-1', 'tech-1', c.createdAt]);
      expect(told(await outboxFor(h, c.id, 'repair.emergency'))).toEqual(['tech-1 repair.emergency']);
      const arrival = deadline(c, 'arrival')!;
      expect(ms(arrival.dueAt) - ms(c.createdAt)).toBe(15 * MINUTE);
    }
    // An ordinary category is not paged.
    const plain = await submit({ category: 'door_window' });
    expect([plain.emergency, plain.status, plain.work.technician]).toEqual([false, 'submitted', null]);
    expect(await outboxFor(h, plain.id, 'repair.emergency')).toEqual([]);
  });

  it('[R-REP-3] the resident may flag any repair as an emergency: it is paged the same way', async () => {
    const c = await submit({ category: 'electrical', emergency: true, content: '插座冒烟，已拉闸' });
    expect([c.emergency, c.status, c.work.technician]).toEqual([true, 'dispatched', 'tech-1']);
    expect(told(await outboxFor(h, c.id, 'repair.emergency'))).toEqual(['tech-1 repair.emergency']);
  });

  it('[R-REP-3] on site within 15 minutes meets the deadline: no warning after arrival, no breach, no escalation', async () => {
    const c = await submit({ category: 'burst_pipe' });
    await advance(h, 11 * MINUTE);
    const here = await arrive(c.id);
    expect(deadline(here, 'arrival')).toMatchObject({ metAt: expect.any(String), breached: false });
    await advance(h, 20 * MINUTE);
    const later = await get(c.id);
    expect(deadline(later, 'arrival')!.breached).toBe(false);
    expect(types(later)).not.toContain('breached');
    expect([later.escalationLevel, later.owner]).toEqual([0, 'tech-1']);
  });

  it('[R-REP-3] not on site within 15 minutes: warned at 80 % of the window, breached at 15 minutes, escalated at once', async () => {
    const c = await submit({ category: 'power_outage' });
    await advance(h, 13 * MINUTE);
    const warned = await get(c.id);
    expect([types(warned).includes('warned'), deadline(warned, 'arrival')!.warned, deadline(warned, 'arrival')!.breached]).toEqual([true, true, false]);
    expect(told(await outboxFor(h, c.id, 'case.warned'))).toEqual(['tech-1 case.warned']);
    await advance(h, 3 * MINUTE);
    const late = await get(c.id);
    expect(deadline(late, 'arrival')!.breached).toBe(true);
    expect(types(late).slice(-3)).toEqual(['warned', 'breached', 'escalated']);
    expect([late.escalationLevel, late.owner]).toEqual([1, 'supervisor']);
    expect(told(await outboxFor(h, c.id, 'case.breached'))).toEqual(['tech-1 case.breached']);
    expect(told(await outboxFor(h, c.id, 'case.escalated'))).toEqual(['supervisor case.escalated']);
    // Arriving late records the arrival, and the breach stays on the record.
    const here = await arrive(c.id);
    expect(deadline(here, 'arrival')).toMatchObject({ metAt: expect.any(String), breached: true });
  });
});

// ------------------------------------------------------------------ R-REP-4 other repairs

describe('[R-REP-4] other repairs: the agreed time, else 24 hours', () => {
  it('[R-REP-4] no agreed time: on site within 24 hours; an agreed window: by its end; each breached once missed', async () => {
    const now = await platformNow(h);
    const to = new Date(now + 5 * HOUR).toISOString();
    const plain = await submit({ category: 'door_window', content: '入户门锁坏了' });
    const agreed = await submit({ category: 'drainage', content: '卫生间下水堵塞', preferredTime: { from: new Date(now + 2 * HOUR).toISOString(), to } });
    expect(ms(deadline(plain, 'arrival')!.dueAt) - ms(plain.createdAt)).toBe(24 * HOUR);
    expect(ms(deadline(agreed, 'arrival')!.dueAt)).toBe(Math.floor(Date.parse(to) / 1000) * 1000);
    expect([plain.status, agreed.status]).toEqual(['submitted', 'submitted']); // not paged: the desk dispatches

    await advance(h, 5 * HOUR + 2 * MINUTE);
    expect(deadline(await get(agreed.id), 'arrival')!.breached).toBe(true);
    expect(deadline(await get(plain.id), 'arrival')!.breached).toBe(false);
    await advance(h, 19 * HOUR);
    const late = await get(plain.id);
    expect(deadline(late, 'arrival')!.breached).toBe(true);
    expect(types(late).filter((t) => t === 'breached')).toHaveLength(1);
  });

  it('[R-REP-4] the default response window is configurable per community', async () => {
    await O.createCommunityB(h);
    await O.dbOf(h)
      .updateTable('communities')
      .set({ config_json: JSON.stringify({ responsible: { customer_service: O.COMMUNITY_B.staff }, sla: { repairResponse: 'PT4H' } }) })
      .where('id', '=', O.COMMUNITY_B.id)
      .execute();
    const r = await O.must(h, O.testOpenid(O.COMMUNITY_B.staff), 'workbench', {
      action: 'intake',
      requestId: rid('b'),
      householdId: O.COMMUNITY_B.household,
      channel: 'phone',
      contactName: '孙红',
      contactPhone: '13700002101',
      kind: 'repair',
      category: 'door_window',
      location: 'in_home',
      content: '阳台门关不上',
    });
    expect(ms(deadline(r, 'arrival')!.dueAt) - ms(r.createdAt)).toBe(4 * HOUR);
  });
});

// ------------------------------------------------------------------ R-REP-5 the flow

describe('[R-REP-5] submitted → dispatched → on site → done → confirmed → callback → closed', () => {
  it('[R-REP-5] the full flow, each step recorded with who and when, the resident told along the way', async () => {
    const c = await submit();
    expect([c.status, c.owner]).toEqual(['submitted', 'frontdesk']);
    const d = await dispatch(c.id);
    expect([d.status, d.owner, d.work.technician, d.work.technicianName]).toEqual(['dispatched', 'tech-1', 'tech-1', '王强']);
    const a = await arrive(c.id);
    expect([a.status, deadline(a, 'arrival')!.metAt]).toEqual(['on_site', a.work.arrivedAt]);
    const done = await complete(c.id);
    expect([done.status, done.owner, done.work.result, done.work.materials]).toEqual(['completed', 'frontdesk', '已更换阀芯，不再滴水', ['阀芯']]);
    const confirmed = await ok('resident-a', 'case', { action: 'confirm', id: c.id, ok: true });
    expect(confirmed.status).toBe('awaiting_callback');
    const closed = await ok('frontdesk', 'workbench', { action: 'callback', id: c.id, outcome: 'satisfied', method: 'phone', note: '住户表示满意' });
    expect([closed.status, closed.work.reworks]).toEqual(['closed', 0]);
    expect(closed.timeline.map((t: { type: string; by: string }) => `${t.type} ${t.by}`)).toEqual([
      'submitted resident-a',
      'dispatched frontdesk',
      'arrived tech-1',
      'completed tech-1',
      'confirmed resident-a',
      'callback frontdesk',
    ]);
    expect(told(await outboxFor(h, c.id, 'repair.dispatched'))).toEqual(['tech-1 repair.dispatched']);
    expect(told(await outboxFor(h, c.id, 'repair.completed'))).toEqual(['resident-a repair.completed']);
    expect((await outboxFor(h, c.id)).filter((m) => m.to === 'resident-a').map((m) => m.template)).toEqual(['case.received', 'repair.onTheWay', 'repair.arrived', 'repair.completed', 'case.closed']);
    // Out of order steps are refused.
    expect(await refusal('tech-1', 'workbench', { action: 'arrive', id: c.id })).toEqual([409, 'CASE.INVALID_TRANSITION']);
    expect(await refusal('resident-a', 'case', { action: 'confirm', id: c.id, ok: true })).toEqual([409, 'CASE.INVALID_TRANSITION']);
  });

  it('[R-REP-5] steps out of order are refused: no arrival before dispatch, no completion before arrival, no confirmation before completion', async () => {
    const c = await submit();
    expect(await refusal('tech-1', 'workbench', { action: 'arrive', id: c.id })).toEqual([404, 'CASE.NOT_FOUND']); // not his work order yet: not his to see (R-ACC-5)
    await dispatch(c.id);
    expect(await refusal('tech-1', 'workbench', { action: 'complete', id: c.id, result: '已修好' })).toEqual([409, 'CASE.INVALID_TRANSITION']);
    expect(await refusal('resident-a', 'case', { action: 'confirm', id: c.id, ok: true })).toEqual([409, 'CASE.INVALID_TRANSITION']);
    expect(await refusal('frontdesk', 'workbench', { action: 'callback', id: c.id, outcome: 'satisfied', method: 'phone' })).toEqual([409, 'CASE.INVALID_TRANSITION']);
  });

  it('[R-REP-5] the resident finding a problem reopens the work (返工): back to the technician, reworks + 1, a fresh arrival clock', async () => {
    const c = await O.repairAt(h, 'resident-a', '1-1-101', 'completed');
    const noNote = await call('resident-a', 'case', { action: 'confirm', id: c.id, ok: false });
    expect([noNote.status, Object.keys(noNote.body.error.fields)]).toEqual([400, ['note']]);
    await advance(h, 3 * HOUR);
    const reopened = await ok('resident-a', 'case', { action: 'confirm', id: c.id, ok: false, note: '还是在滴水' });
    const at = ms(reopened.timeline.at(-1).at);
    expect([reopened.status, reopened.owner, reopened.work.reworks, reopened.work.arrivedAt, reopened.work.completedAt]).toEqual(['dispatched', 'tech-1', 1, null, null]);
    const arrival = deadline(reopened, 'arrival')!;
    expect([ms(arrival.dueAt) - at, arrival.metAt, arrival.breached]).toEqual([24 * HOUR, undefined, false]);
    expect(deadline(reopened, 'callback')).toBeUndefined();
    expect(told(await outboxFor(h, c.id, 'repair.reopened'))).toContain('tech-1 repair.reopened');
    // The fresh clock runs like the first one: missed, it is breached.
    await advance(h, 24 * HOUR + 2 * MINUTE);
    expect(deadline(await get(c.id), 'arrival')!.breached).toBe(true);
  });

  it("[R-REP-5] a callback finding a problem reopens the work too; the reworks add up until it is closed", async () => {
    const c = await O.repairAt(h, 'resident-a', '1-1-101', 'completed');
    await ok('resident-a', 'case', { action: 'confirm', id: c.id, ok: true });
    const p = await ok('frontdesk', 'workbench', { action: 'callback', id: c.id, outcome: 'problem', method: 'visit', note: '上门查看仍有渗水' });
    const at = ms(p.timeline.at(-1).at);
    expect([p.status, p.owner, p.work.reworks, ms(deadline(p, 'arrival')!.dueAt) - at]).toEqual(['dispatched', 'tech-1', 1, 24 * HOUR]);
    await arrive(c.id);
    await complete(c.id, { result: '重新密封接口' });
    await ok('resident-a', 'case', { action: 'confirm', id: c.id, ok: false, note: '还是有一点渗水' });
    await arrive(c.id);
    await complete(c.id, { result: '更换整个龙头' });
    const closed = await ok('frontdesk', 'workbench', { action: 'callback', id: c.id, outcome: 'satisfied', method: 'phone' });
    expect([closed.status, closed.work.reworks, closed.work.result]).toEqual(['closed', 2, '更换整个龙头']);
  });
});

// ------------------------------------------------------------------ R-REP-6 callbacks

describe('[R-REP-6] callbacks (回访)', () => {
  it('[R-REP-6] the callback is due 2 days after completion, 3 days for leak repairs, 2 days for safety facilities; missed, it is breached and escalated', async () => {
    const ordinary = await O.repairAt(h, 'resident-a', '1-1-101', 'completed', { over: { category: 'door_window', content: '入户门锁坏了' } });
    const leak = await O.repairAt(h, 'resident-a', '1-1-101', 'completed', { over: { category: 'wall_ceiling', content: '卫生间天花渗水' } });
    const safety = await O.repairAt(h, 'resident-a', '1-1-101', 'completed', { over: { category: 'fire_safety', location: 'common_area', content: '楼道灭火器过期' } });
    const due = (c: Record<string, any>) => ms(deadline(c, 'callback')!.dueAt) - ms(c.work.completedAt);
    expect([due(ordinary), due(leak), due(safety)]).toEqual([2 * DAY, 3 * DAY, 2 * DAY]);

    // The leak repair is called back in time; the others are not.
    await advance(h, DAY);
    const met = await ok('frontdesk', 'workbench', { action: 'callback', id: leak.id, outcome: 'satisfied', method: 'phone' });
    expect(deadline(met, 'callback')).toMatchObject({ metAt: expect.any(String), breached: false });

    await advance(h, DAY + 2 * MINUTE);
    for (const c of [ordinary, safety]) {
      const late = await get(c.id);
      expect([c.id, deadline(late, 'callback')!.breached, late.escalationLevel, late.owner]).toEqual([c.id, true, 1, 'supervisor']);
      expect(told(await outboxFor(h, c.id, 'case.breached'))).toEqual(['frontdesk case.breached']);
      expect(told(await outboxFor(h, c.id, 'case.escalated'))).toEqual(['supervisor case.escalated']);
    }
    expect(types(await get(leak.id))).not.toContain('breached');
  });

  it('[R-REP-6] the technician who did the work never makes the callback', async () => {
    const c = await O.repairAt(h, 'resident-a', '1-1-101', 'completed');
    expect(await refusal('tech-1', 'workbench', { action: 'callback', id: c.id, outcome: 'satisfied', method: 'phone' })).toEqual([403, 'AUTH.FORBIDDEN']);
  });
});

// ------------------------------------------------------------------ 催单

describe('催单 (urge)', () => {
  it('a resident urges an open repair: the owner and the technician are told; again within 10 minutes is RATE.LIMITED, after 10 platform minutes it is allowed', async () => {
    const c = await O.repairAt(h, 'resident-a', '1-1-101', 'dispatched');
    const first = await ok('resident-a', 'case', { action: 'urge', id: c.id });
    expect(first.lastUrgedAt).toEqual(expect.any(String));
    expect(told(await outboxFor(h, c.id, 'case.urged'))).toEqual(['tech-1 case.urged']);
    const again = await call('resident-a', 'case', { action: 'urge', id: c.id });
    expect([again.status, again.body.error.code]).toEqual([429, 'RATE.LIMITED']);
    expect(again.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    await advance(h, 9 * MINUTE);
    expect(await refusal('resident-a', 'case', { action: 'urge', id: c.id })).toEqual([429, 'RATE.LIMITED']);
    await advance(h, MINUTE);
    await ok('resident-a', 'case', { action: 'urge', id: c.id });
    expect(await outboxFor(h, c.id, 'case.urged')).toHaveLength(2);
    expect(types(await get(c.id)).filter((t) => t === 'urged')).toHaveLength(2);
  });

  it('urging tells the desk owner and the technician when they differ; a closed case cannot be urged; another household is 404', async () => {
    const c = await O.repairAt(h, 'resident-a', '1-1-101', 'dispatched');
    await ok('frontdesk', 'workbench', { action: 'assign', id: c.id, to: 'supervisor' });
    await ok('resident-a', 'case', { action: 'urge', id: c.id });
    expect(told(await outboxFor(h, c.id, 'case.urged'))).toEqual(['supervisor case.urged', 'tech-1 case.urged']);
    expect(await refusal('resident-b', 'case', { action: 'urge', id: c.id })).toEqual([404, 'CASE.NOT_FOUND']);
    const closed = await O.repairAt(h, 'resident-a', '1-1-101', 'quoted');
    await ok('resident-a', 'case', { action: 'declineQuote', id: closed.id });
    expect(await refusal('resident-a', 'case', { action: 'urge', id: closed.id })).toEqual([409, 'CASE.INVALID_TRANSITION']);
  });
});

// ------------------------------------------------------------------ pausing the clocks

describe('pausing the clocks (waiting on the resident)', () => {
  it('[R-REP-4] a pause moves the deadline by the paused time; while paused nothing is breached', async () => {
    const c = await O.repairAt(h, 'resident-a', '1-1-101', 'dispatched');
    const due0 = ms(deadline(c, 'arrival')!.dueAt);
    const p = await ok('frontdesk', 'workbench', { action: 'pause', id: c.id, reason: '住户出差，约后天上门' });
    const pausedAt = ms(p.timeline.at(-1).at);
    expect([p.paused, deadline(p, 'arrival')!.paused]).toEqual(['住户出差，约后天上门', true]);
    expect(await refusal('frontdesk', 'workbench', { action: 'pause', id: c.id, reason: '再暂停一次' })).toEqual([409, 'CASE.INVALID_TRANSITION']);

    await advance(h, 30 * HOUR); // past the original 24 hours
    const still = await get(c.id);
    expect([deadline(still, 'arrival')!.breached, types(still).includes('breached')]).toEqual([false, false]);

    const r = await ok('frontdesk', 'workbench', { action: 'resume', id: c.id });
    const resumedAt = ms(r.timeline.at(-1).at);
    const moved = ms(deadline(r, 'arrival')!.dueAt) - due0;
    expect(r.paused).toBeNull();
    expect(Math.abs(moved - (resumedAt - pausedAt))).toBeLessThan(2000); // times are shown to the second
    expect(moved).toBeGreaterThanOrEqual(30 * HOUR);
    expect(await refusal('frontdesk', 'workbench', { action: 'resume', id: c.id })).toEqual([409, 'CASE.INVALID_TRANSITION']);

    await advance(h, moved - 30 * HOUR + 24 * HOUR - 6 * HOUR); // well before the moved deadline
    expect(deadline(await get(c.id), 'arrival')!.breached).toBe(false);
    await advance(h, 7 * HOUR);
    expect(deadline(await get(c.id), 'arrival')!.breached).toBe(true);
  });

  it('[R-REP-2] a quote pauses the clocks by itself until the resident decides: the escalation ladder moves by the paused time', async () => {
    const c = await O.repairAt(h, 'resident-a', '1-1-101', 'quoted');
    const created = ms(c.createdAt);
    expect(c.paused).toBe('等待住户确认报价');
    await advance(h, 3 * DAY); // would be past the 2-day rung without the pause
    const waiting = await get(c.id);
    expect([waiting.escalationLevel, types(waiting).includes('escalated')]).toEqual([0, false]);
    const accepted = await ok('resident-a', 'case', { action: 'acceptQuote', id: c.id });
    expect(accepted.paused).toBeNull();
    const paused = ms(accepted.timeline.at(-1).at) - ms(accepted.work.quote.at);
    // The 2-day rung is now created + 2 days + the paused time.
    const rung = created + 2 * DAY + paused;
    const now = ms(accepted.timeline.at(-1).at);
    await advance(h, rung - now - HOUR);
    expect((await get(c.id)).escalationLevel).toBe(0);
    await advance(h, HOUR + 2 * MINUTE);
    const up = await get(c.id);
    expect([up.escalationLevel, up.owner]).toEqual([1, 'supervisor']);
  });

  it('completing the work ends a pause left open: the case no longer shows 计时暂停, through the callback to closed', async () => {
    const c = await O.repairAt(h, 'resident-a', '1-1-101', 'on_site');
    await ok('tech-1', 'workbench', { action: 'pause', id: c.id, reason: '等待住户购买配件' });
    await advance(h, 2 * HOUR);
    const done = await complete(c.id);
    expect([done.status, done.paused]).toEqual(['completed', null]);
    const closed = await ok('frontdesk', 'workbench', { action: 'callback', id: c.id, outcome: 'satisfied', method: 'phone' });
    expect([closed.status, closed.paused]).toEqual(['closed', null]);
  });

  it('the technician on the work order may pause it, with a reason', async () => {
    const c = await O.repairAt(h, 'resident-a', '1-1-101', 'on_site');
    const noReason = await call('tech-1', 'workbench', { action: 'pause', id: c.id, reason: '' });
    expect([noReason.status, Object.keys(noReason.body.error.fields)]).toEqual([400, ['reason']]);
    expect((await ok('tech-1', 'workbench', { action: 'pause', id: c.id, reason: '等待住户购买配件' })).paused).toBe('等待住户购买配件');
    expect(await refusal('tech-2', 'workbench', { action: 'resume', id: c.id })).toEqual([404, 'CASE.NOT_FOUND']); // another's work order: out of his reach (R-ACC-5)
    expect((await ok('tech-1', 'workbench', { action: 'resume', id: c.id })).paused).toBeNull();
  });
});

// ------------------------------------------------------------------ R-SAT-1 / R-SAT-2

describe('[R-SAT-1][R-SAT-2] ratings, callbacks and follow-ups', () => {
  it('[R-SAT-1] completed service is rated 1–5 stars with a comment, once; a second rating is refused and changes nothing', async () => {
    const open = await O.repairAt(h, 'resident-a', '1-1-101', 'dispatched');
    expect(await refusal('resident-a', 'case', { action: 'rate', id: open.id, stars: 5 })).toEqual([409, 'CASE.INVALID_TRANSITION']);
    const c = await O.repairAt(h, 'resident-a', '1-1-101', 'confirmed');
    for (const stars of [0, 6, 4.5, -1]) expect([stars, ...(await refusal('resident-a', 'case', { action: 'rate', id: c.id, stars }))]).toEqual([stars, 400, 'INPUT.INVALID']);
    expect(await refusal('resident-b', 'case', { action: 'rate', id: c.id, stars: 5 })).toEqual([404, 'CASE.NOT_FOUND']);
    const rated = await ok('resident-a', 'case', { action: 'rate', id: c.id, stars: 4, comment: '师傅很准时' });
    expect(rated.rating).toEqual({ stars: 4, comment: '师傅很准时', at: expect.any(String) });
    const before = await O.fingerprint(O.dbOf(h));
    expect(await refusal('resident-a', 'case', { action: 'rate', id: c.id, stars: 1, comment: '改个评价' })).toEqual([409, 'CASE.INVALID_TRANSITION']);
    expect(O.changedTables(before, await O.fingerprint(O.dbOf(h)))).toEqual([]);
    expect((await get(c.id)).rating.stars).toBe(4);
    // Closing the case later does not open a second rating.
    await ok('frontdesk', 'workbench', { action: 'callback', id: c.id, outcome: 'satisfied', method: 'phone' });
    expect(await refusal('resident-a', 'case', { action: 'rate', id: c.id, stars: 5 })).toEqual([409, 'CASE.INVALID_TRANSITION']);
  });

  it('[R-SAT-2] a rating of 2 stars or fewer opens a follow-up for the supervisor, who is told; 3 stars does not', async () => {
    const low = await O.repairAt(h, 'resident-a', '1-1-101', 'confirmed');
    const r = await ok('resident-a', 'case', { action: 'rate', id: low.id, stars: 2, comment: '师傅迟到了一个小时' });
    expect(r.followUp).toEqual({ owner: 'supervisor', reason: '住户评价 2 星：师傅迟到了一个小时', at: expect.any(String) });
    expect((await outboxFor(h, low.id, 'case.followUp')).map((m) => [m.to, m.data.stars])).toEqual([['supervisor', '2']]);
    const one = await O.repairAt(h, 'resident-a', '1-1-101', 'confirmed');
    expect((await ok('resident-a', 'case', { action: 'rate', id: one.id, stars: 1 })).followUp?.owner).toBe('supervisor');
    const fine = await O.repairAt(h, 'resident-a', '1-1-101', 'confirmed');
    expect((await ok('resident-a', 'case', { action: 'rate', id: fine.id, stars: 3 })).followUp).toBeNull();
    expect(await outboxFor(h, fine.id, 'case.followUp')).toEqual([]);
  });

  it('[R-SAT-2] callbacks are recorded with their outcome, method, who and when', async () => {
    const c = await O.repairAt(h, 'resident-a', '1-1-101', 'completed');
    const problem = await ok('supervisor', 'workbench', { action: 'callback', id: c.id, outcome: 'problem', method: 'visit', note: '龙头底座松动' });
    expect(problem.timeline.at(-2)).toMatchObject({ type: 'callback', by: 'supervisor', byName: '周丽', note: '上门回访，发现问题，返工，龙头底座松动' });
    // R-SAT-2: the problem found is followed up by the supervisor as well.
    expect(problem.timeline.at(-1)).toMatchObject({ type: 'followUpOpened', by: 'supervisor', note: '回访发现问题：龙头底座松动' });
    expect(problem.followUp).toMatchObject({ owner: 'supervisor', reason: '回访发现问题：龙头底座松动' });
    await arrive(c.id);
    await complete(c.id, { result: '紧固底座' });
    const ok2 = await ok('frontdesk', 'workbench', { action: 'callback', id: c.id, outcome: 'satisfied', method: 'phone', note: '住户满意' });
    expect(ok2.work.callback).toEqual({ at: expect.any(String), by: 'frontdesk', outcome: 'satisfied', method: 'phone', note: '住户满意' });
    expect(ok2.timeline.filter((t: { type: string }) => t.type === 'callback').map((t: { note: string }) => t.note)).toEqual(['上门回访，发现问题，返工，龙头底座松动', '电话回访，住户满意，住户满意']);
  });
});
