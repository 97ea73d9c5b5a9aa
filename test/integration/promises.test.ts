/**
 * Promises that read well and emergencies reported in seconds (issue 9, items 6 and 7), through the
 * real gateway with the test clock: an emergency needs no description beyond its category and takes 户内
 * when no place is given (ordinary repairs keep the full record); a check-in before the agreed window is
 * refused until the technician confirms it, then recorded as early — not on time; the rating waits for
 * the work to be confirmed.
 */
import { startHarness, rid, type Harness } from '../support/harness';
import * as O from '../support/objects';
import { DAY, HOUR, MINUTE, advance, platformNow, shanghai } from '../support/clock';
import { callsAs, deadlineOf as deadline, uploadPhotoAs } from '../support/calls';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const { call, ok, refusal, get } = callsAs(() => h);
const submit = (over: Record<string, unknown> = {}) => ok('resident-a', 'case', O.repair('1-1-101', over));
const fieldsOf = async (over: Record<string, unknown>) => {
  const r = await call('resident-a', 'case', O.repair('1-1-101', over));
  return [r.status, r.body.error?.code ?? 'ok', r.body.error?.fields ?? {}];
};

describe('[R-REP-3] an emergency takes seconds to report (急修)', () => {
  it('[R-REP-3] an emergency category with no description, a few words, or only a photo is accepted and paged; the place defaults to 户内', async () => {
    const photo = await uploadPhotoAs(h, 'resident-a');
    const bare = { location: undefined, content: '' };
    const noWords = await submit({ category: 'burst_pipe', ...bare });
    const fewWords = await submit({ category: 'key_leak', content: '漏水', location: 'common_area' });
    const onlyPhoto = await submit({ category: 'sewage_backflow', ...bare, photos: [photo] });
    const blank = await submit({ category: 'power_outage', content: '   ' });
    expect([noWords, fewWords, onlyPhoto, blank].map((c) => [c.category, c.emergency, c.status, c.work.technician, c.location, c.content, c.photos.length])).toEqual([
      ['burst_pipe', true, 'dispatched', 'tech-1', 'in_home', '', 0],
      ['key_leak', true, 'dispatched', 'tech-1', 'common_area', '漏水', 0],
      ['sewage_backflow', true, 'dispatched', 'tech-1', 'in_home', '', 1],
      ['power_outage', true, 'dispatched', 'tech-1', 'in_home', '', 0],
    ]);
    // A repair the resident flags urgent is an emergency too, held to the same short form.
    const flagged = await submit({ category: 'electrical', emergency: true, content: '冒烟', location: undefined });
    expect([flagged.emergency, flagged.location, flagged.status]).toEqual([true, 'in_home', 'dispatched']);
  });

  it('[R-REP-1] an ordinary repair keeps today\'s form: 5 characters and 户内/公共区域 required, nothing stored when refused', async () => {
    const db = O.dbOf(h);
    const before = await O.fingerprint(db);
    const photo = await uploadPhotoAs(h, 'resident-a');
    expect(await fieldsOf({ category: 'plumbing', content: '漏水' })).toEqual([400, 'INPUT.INVALID', { content: '请至少填写 5 个字，便于我们了解情况' }]);
    expect(await fieldsOf({ category: 'plumbing', content: '', photos: [photo] })).toEqual([400, 'INPUT.INVALID', { content: '请至少填写 5 个字，便于我们了解情况' }]);
    expect(await fieldsOf({ category: 'door_window', content: '入户门锁坏了', location: undefined })).toEqual([400, 'INPUT.INVALID', { location: '请选择维修位置：户内或公共区域' }]);
    // Other kinds keep it too; `emergency` means nothing outside repair work.
    const complaint = await call('resident-a', 'case', { action: 'submit', requestId: rid('cp'), householdId: '1-1-101', kind: 'complaint', content: '太吵', emergency: true });
    expect([complaint.status, complaint.body.error?.fields]).toEqual([400, { content: '请至少填写 5 个字，便于我们了解情况' }]);
    await O.settle(h);
    expect(O.changedTables(before, await O.fingerprint(db)).filter((t) => t !== 'files')).toEqual([]);
  });

  it('[R-REP-3][R-INT-3] the front desk recording an emergency call takes the same short form', async () => {
    const r = await ok('frontdesk', 'workbench', { action: 'intake', requestId: rid('fd'), householdId: '1-1-102', channel: 'phone', contactName: '王芳', contactPhone: '13800001102', kind: 'repair', category: 'burst_pipe', content: '爆管' });
    expect([r.emergency, r.location, r.status, r.content]).toEqual([true, 'in_home', 'dispatched', '爆管']);
  });

  it('[R-INT-7] one confirmation tap retried (same requestId) is one emergency, never two', async () => {
    const body = O.repair('1-1-101', { category: 'burst_pipe', content: '', location: undefined });
    const [a, b] = await Promise.all([ok('resident-a', 'case', body), ok('resident-a', 'case', body)]);
    expect([a.id, a.number]).toEqual([b.id, b.number]);
  });
});

describe('[R-REP-4] arriving before the agreed window', () => {
  it('[R-REP-4] a check-in a day early is refused until confirmed (the technician reads why), then recorded as early, not on time, never breached', async () => {
    const now = await platformNow(h);
    const t = new Date(now + 8 * HOUR + DAY);
    const [y, m, d] = [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
    const window = { from: shanghai(y, m, d, 14), to: shanghai(y, m, d, 18) };
    const month = new Date(now + 8 * HOUR).toISOString().slice(0, 7);
    const report0 = await ok('supervisor', 'report', { action: 'monthly', month });

    const early = await submit({ category: 'drainage', content: '卫生间下水堵塞', location: 'common_area', preferredTime: window });
    const onTime = await submit({ category: 'door_window', content: '楼道窗户关不上', location: 'common_area', preferredTime: window });
    for (const c of [early, onTime]) await ok('frontdesk', 'workbench', { action: 'dispatch', id: c.id, technicianId: 'tech-1' });

    // The technician's view carries the warning; the resident's does not (not theirs to act on).
    const techView = await ok('tech-1', 'workbench', { action: 'get', id: early.id });
    expect([techView.actions.includes('arrive'), techView.arrivalWarning]).toEqual([true, expect.stringMatching(/^住户预约 \d+月\d+日 14:00–18:00 上门，现在早于预约时间。提前签到不计为按时到场/)]);
    expect((await ok('resident-a', 'case', { action: 'get', id: early.id })).arrivalWarning).toBeNull();

    const refused = await call('tech-1', 'workbench', { action: 'arrive', id: early.id });
    expect([refused.status, refused.body.error?.code, refused.body.error?.message]).toEqual([409, 'CASE.EARLY_ARRIVAL', expect.stringContaining('早于住户预约的上门时间')]);
    expect([(await get(early.id)).status, deadline(await get(early.id), 'arrival')!.metAt]).toEqual(['dispatched', undefined]);

    const confirmed = await ok('tech-1', 'workbench', { action: 'arrive', id: early.id, early: true });
    expect([confirmed.status, confirmed.arrivalWarning]).toEqual(['on_site', null]);
    expect(deadline(confirmed, 'arrival')).toMatchObject({ early: true, breached: false, opensAt: window.from, metAt: expect.any(String) });
    expect(confirmed.timeline.at(-1)).toMatchObject({ type: 'arrived', note: '早于预约时间签到（技师已确认）' });

    // At the window's start the other check-in needs no confirmation and is on time.
    await advance(h, Date.parse(window.from) - (await platformNow(h)) + MINUTE);
    const plain = await ok('tech-1', 'workbench', { action: 'arrive', id: onTime.id });
    expect(deadline(plain, 'arrival')).toMatchObject({ early: false, breached: false });
    // Past the window's end: the early arrival was never late, nothing breached or escalated.
    await advance(h, 5 * HOUR);
    const after = await get(early.id);
    expect([deadline(after, 'arrival')!.breached, after.escalationLevel]).toEqual([false, 0]);

    // R-REP-7: the month's on-time arrivals count the on-time one; the early one is not on time.
    const report1 = await ok('supervisor', 'report', { action: 'monthly', month });
    const [a0, a1] = [report0.repairs.arrival, report1.repairs.arrival];
    // (Earlier emergencies in this file were never visited: they add to `late`, not to these two.)
    expect([a1.onTime - a0.onTime, a1.early - a0.early]).toEqual([1, 1]);
  });
});

describe('[R-SAT-1] the rating waits for the confirmed work', () => {
  it('[R-SAT-1] completed but not confirmed: no rating offered, a rating is refused; once confirmed it is offered and taken', async () => {
    const c = await submit({ category: 'public_lighting', location: 'common_area', content: '楼道灯不亮了' });
    await ok('frontdesk', 'workbench', { action: 'dispatch', id: c.id, technicianId: 'tech-2' });
    await ok('tech-2', 'workbench', { action: 'arrive', id: c.id });
    await ok('tech-2', 'workbench', { action: 'complete', id: c.id, result: '已更换灯泡' });
    const done = await ok('resident-a', 'case', { action: 'get', id: c.id });
    expect([done.status, done.actions]).toEqual(['completed', ['confirm']]);
    expect(await refusal('resident-a', 'case', { action: 'rate', id: c.id, stars: 5 })).toEqual([409, 'CASE.INVALID_TRANSITION']);
    const confirmed = await ok('resident-a', 'case', { action: 'confirm', id: c.id, ok: true });
    expect([confirmed.status, confirmed.actions]).toEqual(['awaiting_callback', ['rate']]);
    expect((await ok('resident-a', 'case', { action: 'rate', id: c.id, stars: 5 })).rating.stars).toBe(5);
  });
});
