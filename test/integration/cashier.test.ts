/**
 * The cashier workbench end to end on the local platform (real HTTP, SQLite): arrears and their ladder
 * with the test clock and the sweep (R-FEE-7), voiding receipts with every number accounted for
 * (R-FEE-6), the day book balanced and not (R-FEE-8) and its export, and who may do any of it.
 * Payments are booked through the provider's notification (test Payments port), as in fees.test.ts.
 */
import { startHarness, rid, type Harness } from '../support/harness';
import * as O from '../support/objects';
import { testPayments } from '../support/testPayments';
import { readXlsx } from '../support/register';
import { handleNotification } from '../../core/usecases/fee/notify';
import { runArrearsSweep } from '../../core/usecases/sla/arrearsSweep';
import { addMonths, at, dayOf, monthOf } from '../../core/shanghai';
import { DAY } from '../../core/time';
import { roomLabel } from '../../core/vocabulary';

let h: Harness;
const pay = testPayments();
let cashier: string;
let manager: string;
let a: string;
let b: string;
let staffB: string;

beforeAll(async () => {
  h = await startHarness();
  h.platform.deps.payments = pay;
  await O.createCommunityB(h);
  [cashier, manager, a, b, staffB] = await Promise.all([h.login('cashier'), h.login('manager'), h.login('resident-a'), h.login('resident-b'), h.login(O.COMMUNITY_B.staff)]);
}, 30_000);
afterAll(() => h.close());

const now = () => h.platform.clock.now();
const cash = (token: string | null, body: Record<string, unknown>) => h.call(token, 'cashier', body);
const data = async (token: string, body: Record<string, unknown>) => {
  const res = await cash(token, body);
  if (!res.body.ok) throw new Error(`${String(body.action)}: ${JSON.stringify(res.body.error)}`);
  return res.body.data;
};
/** Moves the platform clock on by whole days (more than one: the scheduler runs one sweep at the new time). */
const advanceDays = async (days: number) => {
  const res = await fetch(`${h.url}/local/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: days * DAY }) });
  expect(res.status).toBe(200);
};
const outbox = async (template: string) => {
  const items = ((await (await fetch(`${h.url}/local/outbox`)).json()) as { items: { to: string; template: string; data: Record<string, string> }[] }).items;
  return items.filter((i) => i.template === template);
};
/** How many times the cashier was told that this household's step is due. */
const mentions = async (householdId: string, label: string) => (await outbox('fee.arrearsDue')).filter((m) => m.to === 'cashier' && m.data.list.includes(`${roomLabel(householdId)}（${label}）`)).length;
const item = async (householdId: string) => ((await data(cashier, { action: 'arrears' })).items as { householdId: string }[]).find((i) => i.householdId === householdId) as any;
/** Pays the household's unpaid bills (all, or the first `n`) as its resident; answers the receipt number. */
async function payBills(token: string, householdId: string, n?: number): Promise<{ number: string; totalFen: number; outTradeNo: string }> {
  const bills = (await h.call(token, 'fee', { action: 'bills', householdId, status: 'unpaid' })).body.data.items as { id: string }[];
  const ids = bills.slice(0, n ?? bills.length).map((x) => x.id);
  const order = (await h.call(token, 'fee', { action: 'pay', requestId: rid('cp'), billIds: ids })).body.data;
  const answer = await handleNotification(h.platform.deps, pay.notification(pay.pay(order.outTradeNo, now()), now()));
  expect(answer.statusCode).toBe(204);
  const o = (await h.call(token, 'fee', { action: 'order', outTradeNo: order.outTradeNo })).body.data;
  return { number: o.receiptNumber, totalFen: o.totalFen, outTradeNo: order.outTradeNo };
}

describe('cashier workbench', () => {
  it('[R-FEE-7] the demo seed: last month unpaid is overdue (its month has ended), this month is not yet; each household counted with amount and months', async () => {
    const d = await data(cashier, { action: 'arrears' });
    const lastMonth = addMonths(monthOf(now()), -1);
    const mine = d.items.find((i: { householdId: string }) => i.householdId === '1-1-101');
    expect(mine).toMatchObject({ owedFen: 25_375, months: 1, periods: [lastMonth], nextStep: 'reminder', nextStepDue: true, allowed: { remind: true, demandLetter: false } });
    expect(mine.ownerPhone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(d.items.map((i: { householdId: string }) => i.householdId).sort()).toEqual(['1-1-101', '1-1-102', '1-2-201']);
  });

  it('[R-FEE-7][R-ACC-3] residents are refused; the other community\'s cashier sees and reaches nothing of this one (404)', async () => {
    expect((await cash(a, { action: 'arrears' })).body.error.code).toBe('AUTH.FORBIDDEN');
    expect((await cash(a, { action: 'remind', householdId: '1-1-101' })).status).toBe(403);
    expect((await cash(null, { action: 'dayBook', date: dayOf(now()) })).status).toBe(401);
    const theirs = await data(staffB, { action: 'arrears' });
    expect(theirs.communityId).toBe(O.COMMUNITY_B.id);
    expect(JSON.stringify(theirs)).not.toMatch(/1-1-10|1-2-201/);
    for (const body of [
      { action: 'remind', householdId: '1-1-101' },
      { action: 'demandLetter', householdId: '1-1-101' },
    ]) {
      const res = await cash(staffB, body);
      expect([res.status, res.body.error.code]).toEqual([404, 'HOUSEHOLD.NOT_FOUND']);
    }
    expect((await cash(staffB, { action: 'arrears', communityId: 'demo' })).body.error.code).toBe('COMMUNITY.NOT_FOUND');
    expect((await cash(staffB, { action: 'dayBook', date: dayOf(now()), communityId: 'demo' })).status).toBe(404);
    expect((await O.dbOf(h).selectFrom('arrears_steps').selectAll().execute()).length).toBe(0);
  });

  it('[R-FEE-7] a reminder goes to the resident\'s message center with amount, period and deadline; the demand letter is due 3 months on, not before', async () => {
    const r = await data(cashier, { action: 'remind', householdId: '1-1-101' });
    expect(r).toMatchObject({ owedFen: 25_375, sentTo: 1, nextStep: 'demand_letter' });
    expect(monthOf(Date.parse(r.nextStepDueAt))).toBe(addMonths(monthOf(now()), 3));
    await O.settle(h);
    const sent = (await outbox('fee.arrearsReminder')).filter((m) => m.to === 'resident-a');
    expect(sent).toHaveLength(1);
    expect(sent[0].data).toMatchObject({ householdId: '1-1-101', amount: '253.75', deadline: r.deadlineDay });
    const msgs = (await h.call(a, 'message', { action: 'list' })).body.data.items as { title: string; body: string }[];
    const reminder = msgs.find((m) => m.title === '缴费提醒')!;
    expect(reminder.body).toContain('¥253.75');
    expect(reminder.body).toContain(r.deadlineDay);
    expect(reminder.body).toContain(addMonths(monthOf(now()), -1));
    // resident-b hears nothing of 1-1-101.
    expect(((await h.call(b, 'message', { action: 'list' })).body.data.items as { title: string }[]).some((m) => m.title === '缴费提醒')).toBe(false);

    const early = await cash(cashier, { action: 'demandLetter', householdId: '1-1-101' });
    expect([early.status, early.body.error.code]).toEqual([409, 'ARREARS.NOT_DUE']);
    const never = await cash(manager, { action: 'demandLetter', householdId: '1-1-102' });
    expect(never.body.error.code).toBe('ARREARS.NOT_DUE');
    const i = await item('1-1-101');
    expect(i.steps.map((s: { step: string; byName: string }) => [s.step, s.byName])).toEqual([['reminder', '郑芳']]);
    expect([i.nextStep, i.nextStepDue, i.allowed.demandLetter]).toEqual(['demand_letter', false, false]);
  });

  it('[R-FEE-7] the morning sweep opens the other households\' ladders and tells the cashier once per step; a sweep run twice, or on two instances at once, tells nothing more', async () => {
    const t = now();
    // Other ticks open nothing (households newly in arrears are looked for on the 09:00 tick).
    expect((await runArrearsSweep(h.platform.deps, at(dayOf(t), 9, 1))).opened).toBe(0);
    expect(await O.dbOf(h).selectFrom('arrears_ladders').select('household_id').execute()).toEqual([{ household_id: '1-1-101' }]);
    await runArrearsSweep(h.platform.deps, at(dayOf(t), 9, 0));
    expect(await runArrearsSweep(h.platform.deps, t)).toEqual({ opened: 0, closed: 0, notified: 0 });
    const [x, y] = await Promise.all([runArrearsSweep(h.platform.deps, t + 60_000), runArrearsSweep(h.platform.deps, t + 60_000)]);
    expect(x.notified + y.notified).toBe(0);
    await O.settle(h);
    expect([await mentions('1-1-102', '缴费提醒'), await mentions('1-2-201', '缴费提醒')]).toEqual([1, 1]);
    expect(await mentions('1-1-101', '催缴函')).toBe(0);
    const ladders = await O.dbOf(h).selectFrom('arrears_ladders').select(['household_id', 'next_step', 'notified_step']).orderBy('household_id').execute();
    expect(ladders.map((l) => [l.household_id, l.next_step, l.notified_step])).toEqual([
      ['1-1-101', 'demand_letter', null],
      ['1-1-102', 'reminder', 'reminder'],
      ['1-2-201', 'reminder', 'reminder'],
    ]);
  });

  it('[R-FEE-7] 3 months after the reminder unpaid: the demand letter is due (cashier told once), recorded with what the letter needs; asked again it is the same letter', async () => {
    await advanceDays(93);
    await O.settle(h);
    expect(await mentions('1-1-101', '催缴函')).toBe(1);
    await runArrearsSweep(h.platform.deps, now());
    await O.settle(h);
    expect(await mentions('1-1-101', '催缴函')).toBe(1);

    const before = await item('1-1-101');
    expect([before.nextStep, before.nextStepDue, before.allowed.demandLetter]).toEqual(['demand_letter', true, true]);
    const letter = await data(cashier, { action: 'demandLetter', householdId: '1-1-101' });
    expect(letter).toMatchObject({ householdId: '1-1-101', ownerName: '李明', communityName: '示例花园', issuedBy: '郑芳', created: true, nextStep: 'legal' });
    // Every month billed is overdue by now: both demo months, 25,375 fen each.
    expect([letter.owedFen, letter.periods.length, letter.lines.length]).toEqual([50_750, 2, 4]);
    expect(letter.basis).toMatch(/物业管理条例/);
    const again = await data(manager, { action: 'demandLetter', householdId: '1-1-101' });
    expect([again.created, again.letterNo, again.issuedAt]).toEqual([false, letter.letterNo, letter.issuedAt]);
    const steps = (await item('1-1-101')).steps.map((s: { step: string }) => s.step);
    expect(steps).toEqual(['reminder', 'demand_letter']);
    await O.settle(h);
    expect(((await h.call(a, 'message', { action: 'list' })).body.data.items as { title: string }[]).filter((m) => m.title === '催缴函')).toHaveLength(1);
  });

  it('[R-FEE-7] long-term refusal: 3 months after the letter the legal channel is recorded as due by the sweep; paying the arrears ends the ladder', async () => {
    await advanceDays(93);
    await runArrearsSweep(h.platform.deps, now());
    await O.settle(h);
    const i = await item('1-1-101');
    expect(i.steps.map((s: { step: string; byName: string }) => [s.step, s.byName])).toEqual([
      ['reminder', '郑芳'],
      ['demand_letter', '郑芳'],
      ['legal', '系统'],
    ]);
    expect(i.nextStep).toBeNull();
    expect(await mentions('1-1-101', '法律途径')).toBe(1);

    await payBills(a, '1-1-101');
    expect(await item('1-1-101')).toBeUndefined();
    const swept = await runArrearsSweep(h.platform.deps, now());
    expect(swept.closed).toBe(1);
    const ladders = await O.dbOf(h).selectFrom('arrears_ladders').selectAll().where('household_id', '=', '1-1-101').execute();
    expect(ladders.map((l) => [l.closed_at !== null, l.open_household])).toEqual([[true, null]]);
    const res = await cash(cashier, { action: 'remind', householdId: '1-1-101' });
    expect([res.status, res.body.error.code]).toEqual([404, 'ARREARS.NOT_FOUND']);
  });

  it('[R-FEE-8] a day with two payments and their receipts balances: numbers, amounts and totals reconcile', async () => {
    await advanceDays(2);
    const day = dayOf(now());
    const p1 = await payBills(b, '1-1-102', 1);
    const p2 = await payBills(b, '1-1-102', 1);
    const d = await data(cashier, { action: 'dayBook', date: day });
    expect(d.receipts.map((r: { number: string }) => r.number)).toEqual([p1.number, p2.number]);
    expect(d.payments.map((p: { receiptNumber: string; reconciled: boolean }) => [p.receiptNumber, p.reconciled])).toEqual([
      [p1.number, true],
      [p2.number, true],
    ]);
    expect([d.totalFen, d.receiptsFen, d.refundsFen, d.balanced, d.issues]).toEqual([50_750, 50_750, 0, true, []]);
    expect(d.range).toEqual({ from: p1.number, to: p2.number });
    // Another day is empty and balanced; the other community's cashier sees none of it.
    const yesterday = await data(cashier, { action: 'dayBook', date: dayOf(now() - DAY) });
    expect([yesterday.receipts.length, yesterday.balanced]).toEqual([0, true]);
    const theirs = await data(staffB, { action: 'dayBook', date: day });
    expect([theirs.communityId, theirs.receipts.length, theirs.payments.length, theirs.totalFen]).toEqual([O.COMMUNITY_B.id, 0, 0, 0]);

    const exp = await data(cashier, { action: 'exportDayBook', date: day });
    expect(exp.name).toBe(`收费日结-${day}.xlsx`);
    const file = await fetch(`${h.url}/local/file/${exp.fileId}`, { headers: { authorization: `Bearer ${cashier}` } });
    expect(file.status).toBe(200);
    const rows = (await readXlsx(Buffer.from(await file.arrayBuffer()))).map((r) => r.join('|'));
    expect(rows).toEqual(expect.arrayContaining(['收款合计(元)|507.5', '对账结果|账实相符']));
    expect((await fetch(`${h.url}/local/file/${exp.fileId}`, { headers: { authorization: `Bearer ${a}` } })).status).toBe(404);
  });

  it('[R-FEE-6] voiding: reason required, who and when recorded, the number stays accounted for; the resident\'s receipt and the public check say 已作废; twice changes nothing', async () => {
    const day = dayOf(now());
    const book = await data(cashier, { action: 'dayBook', date: day });
    const number = book.receipts[1].number as string;
    const count = async () => (await O.dbOf(h).selectFrom('receipts').select('number').execute()).length;
    const n0 = await count();

    expect((await cash(cashier, { action: 'voidReceipt', number, reason: ' ' })).body.error.code).toBe('INPUT.INVALID');
    expect((await cash(cashier, { action: 'voidReceipt', number })).body.error.code).toBe('INPUT.INVALID');
    expect((await cash(b, { action: 'voidReceipt', number, reason: '重复开具' })).body.error.code).toBe('AUTH.FORBIDDEN');
    const other = await cash(staffB, { action: 'voidReceipt', number, reason: '重复开具' });
    expect([other.status, other.body.error.code]).toEqual([404, 'RECEIPT.NOT_FOUND']);

    const v = await data(cashier, { action: 'voidReceipt', number, reason: '缴费人信息填写有误' });
    expect(v).toMatchObject({ number, status: 'voided', voidReason: '缴费人信息填写有误', voidedBy: '郑芳', allowed: { void: false } });
    expect(Math.abs(Date.parse(v.voidedAt) - now())).toBeLessThan(5_000);
    const twice = await cash(manager, { action: 'voidReceipt', number, reason: '再次作废' });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'RECEIPT.INVALID_TRANSITION']);
    const row = await O.dbOf(h).selectFrom('receipts').selectAll().where('number', '=', number).executeTakeFirstOrThrow();
    expect([row.status, row.void_reason, row.voided_by, await count()]).toEqual(['voided', '缴费人信息填写有误', 'cashier', n0]);

    const mine = (await h.call(b, 'fee', { action: 'receipt', number })).body.data;
    expect([mine.status, mine.voidReason]).toEqual(['voided', '缴费人信息填写有误']);
    const checked = (await h.call(null, 'fee', { action: 'verifyReceipt', number, code: mine.code })).body.data;
    expect([checked.status, checked.voidReason]).toEqual(['voided', '缴费人信息填写有误']);
    const list = (await data(cashier, { action: 'receipts' })).items.find((r: { number: string }) => r.number === number);
    expect([list.status, list.allowed.void]).toEqual(['voided', false]);
  });

  it('[R-FEE-8] the day book does not balance, per line: a voided receipt of an unrefunded payment, a missing number, a receipt amount that differs', async () => {
    const day = dayOf(now());
    const d = await data(cashier, { action: 'dayBook', date: day });
    expect(d.balanced).toBe(false);
    expect(d.issues.map((i: { kind: string; number: string }) => [i.kind, i.number])).toEqual([['receipt_voided', d.receipts[1].number]]);
    expect(d.voided.map((r: { number: string; voidReason: string; voidedBy: string }) => [r.number, r.voidReason, r.voidedBy])).toEqual([[d.receipts[1].number, '缴费人信息填写有误', '郑芳']]);
    expect(d.receiptsFen).toBe(25_375);
    expect(d.issues[0].text).toContain('缴费人信息填写有误');

    // The voided receipt's payment refunded in full that day: the day book lists the refund and balances again.
    const v = d.receipts[1];
    await O.dbOf(h)
      .insertInto('refunds')
      .values({ out_refund_no: 'rf_cashier_1', community_id: 'demo', household_id: v.householdId, out_trade_no: v.outTradeNo, source: 'test', source_id: 'cashier-1', amount_fen: v.totalFen, reason: '重复缴费退款', status: 'succeeded', requested_by: 'manager', created_at: now(), refund_id: 'r_1', succeeded_at: now(), checked_at: null })
      .execute();
    const refunded = await data(cashier, { action: 'dayBook', date: day });
    expect([refunded.balanced, refunded.issues, refunded.refundsFen, refunded.netFen, refunded.refunds.map((f: { reason: string }) => f.reason)]).toEqual([true, [], v.totalFen, refunded.totalFen - v.totalFen, ['重复缴费退款']]);

    // Two days on: this month billed, two payments that balance; then one receipt's amount altered and the other's row lost.
    await advanceDays(2);
    const next = dayOf(now());
    await data(cashier, { action: 'issueBills', period: monthOf(now()) });
    const p1 = await payBills(a, '1-1-101');
    const p2 = await payBills(b, '1-1-102');
    const fine = await data(cashier, { action: 'dayBook', date: next });
    expect([fine.balanced, fine.receipts.length, fine.totalFen]).toEqual([true, 2, p1.totalFen + p2.totalFen]);
    const db = O.dbOf(h);
    await db.updateTable('receipts').set({ total_fen: p2.totalFen - 1 }).where('number', '=', p2.number).execute();
    const bad = await data(cashier, { action: 'dayBook', date: next });
    expect(bad.issues.map((i: { kind: string; number: string }) => [i.kind, i.number])).toEqual([['amount_mismatch', p2.number]]);
    const reconciled = Object.fromEntries(bad.payments.map((p: { outTradeNo: string; reconciled: boolean }) => [p.outTradeNo, p.reconciled]));
    expect([bad.balanced, reconciled]).toEqual([false, { [p1.outTradeNo]: true, [p2.outTradeNo]: false }]);
    await db.deleteFrom('receipts').where('number', '=', p1.number).execute();
    const gone = await data(cashier, { action: 'dayBook', date: next });
    const byKind = (i: { kind: string }, j: { kind: string }) => i.kind.localeCompare(j.kind);
    expect([...gone.issues].sort(byKind).map((i: { kind: string; label: string; number: string | null; outTradeNo: string | null }) => [i.kind, i.label, i.number, i.outTradeNo])).toEqual([
      ['amount_mismatch', '金额不符', p2.number, p2.outTradeNo],
      ['missing_receipt', '收款无收据', null, p1.outTradeNo],
      ['number_missing', '收据号缺失', p1.number, null],
    ]);
  });
});
