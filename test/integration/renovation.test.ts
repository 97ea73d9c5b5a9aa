/**
 * Renovation applications end to end on the local platform with the test clock (service standards §7,
 * contract §3): apply (refused with the list of what is missing, then complete), return and resubmit,
 * approval (permit, passes, a household bill, staff told), payment through the local WeChat Pay
 * stand-in, the closure test, inspections on a schedule (a missed one escalates once), a violation
 * ignored past its deadline, acceptance with a deduction and the refund row it writes.
 */
import { startHarness, rid, type Harness } from '../support/harness';
import { DAY, HOUR, MINUTE, advance, platformNow, setClock } from '../support/clock';
import { sweepRenovations } from '../../core/usecases/renovation/sweep';
import { fold } from '../../core/domain/renovation/state';
import { callsAs, uploadPhotoAs } from '../support/calls';
import { toIso } from '../../core/time';
import { dayOf } from '../../core/shanghai';
import * as O from '../support/objects';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const { call, ok, refusal } = callsAs(() => h);
const ID_A = '110101199001011234';
const ID_B = '11010119851231567X';

interface Outbox {
  to: string;
  template: string;
  data: Record<string, string>;
}
const outbox = async (renovationId: string, template: string) =>
  (((await (await fetch(`${h.url}/local/outbox`)).json()) as { items: Outbox[] }).items).filter((m) => m.data?.renovationId === renovationId && m.template === template).map((m) => m.to).sort();

const dayAfter = (ms: number, days: number) => toIso(ms + days * DAY).slice(0, 10);

async function documents(user: string, opts: { licence?: boolean; qualification?: boolean; photos?: boolean } = {}) {
  const up = () => uploadPhotoAs(h, user);
  return {
    form: await up(),
    drawings: [await up()],
    workers: [
      { name: '张师傅', idNumber: ID_A, ...(opts.photos === false ? {} : { photo: await up() }) },
      { name: '李师傅', idNumber: ID_B, photo: await up() },
    ],
    ...(opts.licence === false ? {} : { licence: await up() }),
    ...(opts.qualification === false ? {} : { qualification: await up() }),
  };
}

const application = async (docs: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
  const now = await platformNow(h);
  return {
    action: 'apply',
    requestId: rid('reno'),
    householdId: '1-1-101',
    applicant: 'owner',
    plan: '厨房、卫生间翻新，客厅拆除一段非承重隔墙',
    structuralChange: false,
    areaM2: 89.5,
    demolitionM2: 3.2,
    startDate: dayAfter(now, 1),
    endDate: dayAfter(now, 60),
    documents: docs,
    rulesAccepted: true,
    ...extra,
  };
};

describe('renovation applications (R-REN-1..11)', () => {
  it('[R-REN-4] the rules an applicant accepts are served from core', async () => {
    const r = await ok('resident-a', 'renovation', { action: 'rules' });
    expect(r.rules.map((x: { title: string }) => x.title)).toEqual(['装修管理规定', '电梯使用规定', '装修告知书']);
  });

  it('[R-REN-2][R-REN-3][R-REN-1] an incomplete application is refused with the list of what is missing', async () => {
    const docs = await documents('resident-a', { licence: false, qualification: false, photos: false });
    const r = await call('resident-a', 'renovation', await application(docs));
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('RENOVATION.DOCUMENTS_MISSING');
    expect(r.body.error.message).toMatch(/请按清单补充/);
    expect(r.body.error.missing.map((m: { code: string }) => m.code)).toEqual(['worker_photo', 'licence', 'qualification']);
    expect(r.body.error.missing[0]).toEqual({ code: 'worker_photo', label: '施工人员照片（张师傅）', worker: 0 });
    // A structural change needs the housing authority's approval (R-REN-3); a delegate, the power of attorney and their ID (R-REN-1).
    const full = await documents('resident-a');
    const structural = await call('resident-a', 'renovation', await application(full, { structuralChange: true, applicant: 'delegate' }));
    expect(structural.body.error.missing.map((m: { code: string }) => m.code)).toEqual(['authority', 'power_of_attorney', 'delegate_id']);
    // R-REN-4: the rules must be accepted.
    const noRules = await call('resident-a', 'renovation', await application(full, { rulesAccepted: false }));
    expect(noRules.body.error.missing.map((m: { code: string }) => m.code)).toEqual(['rules_accepted']);
    // Nothing was stored.
    expect((await ok('resident-a', 'renovation', { action: 'list', householdId: '1-1-101' })).items).toEqual([]);
  });

  it('[R-ACC-4] another household applying for 1-1-101 gets 404; a file that is not the applicant\'s own upload is 404', async () => {
    const docs = await documents('resident-b');
    expect(await refusal('resident-b', 'renovation', await application(docs))).toEqual([404, 'HOUSEHOLD.NOT_FOUND']);
    expect(await refusal('resident-a', 'renovation', await application(docs))).toEqual([404, 'FILE.NOT_FOUND']);
    expect(await refusal('resident-new', 'renovation', await application(docs))).toEqual([403, 'HOUSEHOLD.NOT_BOUND']);
  });

  it('[R-REN-1] a family member bound to the household is not the owner: refused as owner, accepted as a delegate with the power of attorney and their ID', async () => {
    const pending = await O.createPendingBinding(h, '1-1-102');
    await ok('frontdesk', 'account', { action: 'approveBinding', id: pending.id });
    const member = pending.userId;
    const docs = await documents(member);
    const asOwner = await application(docs, { householdId: '1-1-102' });
    expect(await refusal(member, 'renovation', asOwner)).toEqual([403, 'RENOVATION.NOT_OWNER']);
    const asDelegate = await application(docs, { householdId: '1-1-102', applicant: 'delegate' });
    const missing = await call(member, 'renovation', asDelegate);
    expect(missing.body.error.missing.map((m: { code: string }) => m.code)).toEqual(['power_of_attorney', 'delegate_id']);
    const withPapers = { ...asDelegate, requestId: rid('reno'), documents: { ...docs, powerOfAttorney: await uploadPhotoAs(h, member), delegateId: await uploadPhotoAs(h, member) } };
    const applied = await ok(member, 'renovation', withPapers);
    expect(applied).toMatchObject({ status: 'submitted', missing: [] });
    const seen = await ok('resident-b', 'renovation', { action: 'get', id: applied.id });
    expect(seen).toMatchObject({ applicant: 'delegate', applicantName: '待审核', householdId: '1-1-102' });
    // [R-REN-11] the documents are readable by the household and the renovation officer, by no other household.
    const file = async (who: string, fileId: string) => (await fetch(`${h.url}/local/file/${fileId}`, { headers: { authorization: `Bearer ${await h.login(who)}` } })).status;
    expect(await file('reno-officer', seen.documents.powerOfAttorney)).toBe(200);
    expect(await file('resident-b', seen.documents.licence)).toBe(200);
    expect(await file('resident-a', seen.documents.licence)).toBe(404);
    expect(await file('tech-1', seen.documents.licence)).toBe(404);
  });

  it('[R-INT-7] the same application sent three times at once is stored once: every answer names the same application', async () => {
    const before = (await ok('resident-b', 'renovation', { action: 'list', householdId: '1-1-102' })).items.length;
    const body = await application(await documents('resident-b'), { householdId: '1-1-102' });
    const answers = await Promise.all([1, 2, 3].map(() => call('resident-b', 'renovation', body)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(new Set(answers.map((a) => a.body.data.id)).size).toBe(1);
    expect((await ok('resident-b', 'renovation', { action: 'list', householdId: '1-1-102' })).items.length).toBe(before + 1);
  });

  it('[R-REN-1..11] apply → return → resubmit → approve → pay → closure test → inspections (a missed one escalates once) → violation → accept with a deduction → refund', async () => {
    // ---- apply (R-REN-1..5): fees from the rule book's defaults, shown before payment.
    const docs = await documents('resident-a');
    const body = await application(docs);
    const applied = await ok('resident-a', 'renovation', body);
    expect(applied).toMatchObject({ status: 'submitted', missing: [], number: expect.stringMatching(/^ZX\d{8}-\d{4}$/) });
    const fees = Object.fromEntries(applied.fees.map((f: { item: string; amountFen: number }) => [f.item, f.amountFen]));
    // [R-REN-5] deposit 1000 元, garbage 89.50 m² × 5 元, demolition 3.20 m² × 20 元, permit 50 元, 2 passes × 20 元.
    expect(fees).toEqual({ reno_deposit: 100_000, reno_garbage: 44_750, reno_demolition: 6_400, reno_permit: 5_000, reno_worker_pass: 4_000 });
    expect(applied.totalFen).toBe(160_150);
    const id = applied.id as string;
    // Idempotent per requestId (contract §1): the same call answers the first result again.
    expect((await ok('resident-a', 'renovation', body)).id).toBe(id);
    expect(await refusal('resident-a', 'renovation', { ...body, plan: '另一份方案' })).toEqual([409, 'REQUEST.REPLAY_MISMATCH']);
    expect(await outbox(id, 'renovation.submitted')).toEqual(['reno-officer']);

    // ---- who may see and act (R-ACC-4, R-ACC-3).
    expect(await refusal('resident-b', 'renovation', { action: 'get', id })).toEqual([404, 'RENOVATION.NOT_FOUND']);
    expect(await refusal('resident-a', 'renovation', { action: 'review', id, decision: 'approve' })).toEqual([403, 'AUTH.FORBIDDEN']);
    expect(await refusal('tech-1', 'renovation', { action: 'review', id, decision: 'approve' })).toEqual([403, 'AUTH.FORBIDDEN']);
    expect(await refusal('resident-b', 'renovation', { action: 'review', id, decision: 'approve' })).toEqual([403, 'AUTH.FORBIDDEN']);
    expect(await refusal('resident-b', 'renovation', { action: 'resubmit', id, documents: {} })).toEqual([404, 'RENOVATION.NOT_FOUND']);

    // ---- [R-REN-6] returned with what is missing or wrong; staff-internal notes never reach the resident.
    // Approving with a checklist item that did not pass is refused; returning names what did not pass.
    expect(await refusal('reno-officer', 'renovation', { action: 'review', id, decision: 'approve', checklist: { licence: true, qualification: false } })).toEqual([400, 'INPUT.INVALID']);
    const returned = await ok('reno-officer', 'renovation', { action: 'review', id, decision: 'return', checklist: { form: true, licence: true, qualification: false }, note: '资质证书已过期，请上传有效的资质证书', internalNote: '施工单位去年有违章记录' });
    expect(returned.status).toBe('returned');
    const seen = await ok('resident-a', 'renovation', { action: 'get', id });
    expect(seen).toMatchObject({ rulesAccepted: true, rulesVersion: '2026-12', status: 'returned', missing: [{ code: 'qualification', label: '施工单位资质证书' }], returnNote: '资质证书已过期，请上传有效的资质证书', internalNotes: null, allowed: { resubmit: true, review: false } });
    expect(JSON.stringify(seen)).not.toContain('违章记录');
    expect((await ok('reno-officer', 'renovation', { action: 'get', id })).internalNotes).toEqual([expect.objectContaining({ note: '施工单位去年有违章记录' })]);
    expect(await outbox(id, 'renovation.returned')).toEqual(['resident-a']);
    expect(await refusal('reno-officer', 'renovation', { action: 'resubmit', id, documents: {} })).toEqual([403, 'HOUSEHOLD.NOT_BOUND']);
    const resubmitted = await ok('resident-a', 'renovation', { action: 'resubmit', id, documents: { qualification: await uploadPhotoAs(h, 'resident-a') } });
    expect(resubmitted).toMatchObject({ status: 'submitted', missing: [] });

    // ---- [R-REN-6] approved: permit and passes, the bill, maintenance and front desk told.
    const approved = await ok('reno-officer', 'renovation', { action: 'review', id, decision: 'approve', checklist: { form: true, licence: true, qualification: true } });
    expect(approved.reviews.map((r: { decision: string; by: string }) => [r.decision, r.by])).toEqual([['return', '孙浩'], ['approve', '孙浩']]);
    expect(approved.reviews[0].checklist).toEqual(expect.arrayContaining([{ item: 'qualification', label: '施工单位资质证书', ok: false }]));
    expect(approved).toMatchObject({ status: 'approved', permitNumber: `${applied.number}-XK`, billStatus: 'unpaid' });
    expect(approved.documents.workers.map((w: { passNumber: string }) => w.passNumber)).toEqual([`${applied.number}-W01`, `${applied.number}-W02`]);
    expect(await outbox(id, 'renovation.approved')).toEqual(['resident-a']);
    expect(await outbox(id, 'renovation.approvedStaff')).toEqual(expect.arrayContaining(['frontdesk', 'tech-1', 'tech-2']));

    // ---- [R-ACC-5] ID numbers are never shown in full after upload, to anyone.
    for (const who of ['resident-a', 'reno-officer', 'manager']) {
      const v = await ok(who, 'renovation', { action: 'get', id });
      expect(v.documents.workers.map((w: { idNumber: string }) => w.idNumber)).toEqual(['110***********1234', '110***********567X']);
      expect(JSON.stringify(v)).not.toContain(ID_A);
      expect(JSON.stringify(await ok(who, 'renovation', { action: 'list', householdId: '1-1-101' }))).not.toContain(ID_A);
    }

    // ---- [R-REN-10] acceptance refuses while the renovation bill is unpaid.
    expect(await refusal('reno-officer', 'renovation', { action: 'accept', id })).toEqual([409, 'RENOVATION.BILL_UNPAID']);

    // ---- the bill is paid like any bill (R-FEE-5: confirmed by the stand-in's signed notification).
    const bills = await ok('resident-a', 'fee', { action: 'bills', householdId: '1-1-101', status: 'unpaid' });
    const bill = bills.items.find((b: { id: string }) => b.id === approved.billId);
    expect(bill).toMatchObject({ totalFen: 160_150, status: 'unpaid' });
    expect(bill.lines.map((l: { label: string }) => l.label)).toEqual(['装修押金（住宅）', '装修垃圾清运费', '拆墙费', '施工许可证工本费', '施工人员出入证工本费']);
    const pay = await ok('resident-a', 'fee', { action: 'pay', requestId: rid('pay'), billIds: [bill.id] });
    const confirmed = await fetch(`${h.url}/local/pay/confirm`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ outTradeNo: pay.outTradeNo }) });
    expect(confirmed.status).toBe(200);
    expect((await ok('resident-a', 'fee', { action: 'order', outTradeNo: pay.outTradeNo })).status).toBe('paid');
    expect((await ok('resident-a', 'renovation', { action: 'get', id })).billStatus).toBe('paid');
    const paidOn = dayOf(await platformNow(h));
    const receiptNumber = (await ok('resident-a', 'fee', { action: 'order', outTradeNo: pay.outTradeNo })).receiptNumber as string;

    // ---- [R-REN-7] the 24-hour closure test, recorded only once it has run 24 hours.
    let now = await advance(h, 25 * HOUR);
    expect(await refusal('reno-officer', 'renovation', { action: 'closureTest', id, passed: true, note: '卫生间闭水', startedAt: toIso(now - 2 * HOUR) })).toEqual([409, 'RENOVATION.CLOSURE_TOO_SHORT']);
    const tested = await ok('reno-officer', 'renovation', { action: 'closureTest', id, passed: true, note: '卫生间、厨房闭水 24 小时无渗漏，业主在场确认', startedAt: toIso(now - 24 * HOUR - MINUTE), ownerPresent: true });
    expect(tested.status).toBe('in_progress');
    expect(tested.closureTests).toEqual([expect.objectContaining({ passed: true, hours: 24, ownerPresent: true })]);

    // ---- [R-REN-8] an inspection, then the next one missed: escalated to the supervisor once, however often the sweep runs.
    // 5 s past a whole minute: the inspection falls due between two ticks of the platform's timer.
    now = await setClock(h, toIso(Math.ceil(now / MINUTE) * MINUTE + MINUTE + 5_000));
    const inspected = await ok('reno-officer', 'renovation', { action: 'inspect', id, passed: true, findings: '按申报项目施工，公共区域保护到位', checklist: { passes: true, structure: true, common_areas: true } });
    expect(Date.parse(inspected.nextInspectionDueAt)).toBe(now + 2 * DAY);
    expect(inspected.inspections[0].checklist).toEqual(expect.arrayContaining([{ item: 'structure', label: '未损坏主体结构', ok: true }]));
    now = await advance(h, 2 * DAY + 10_000);
    expect(await outbox(id, 'renovation.inspectionMissed')).toEqual([]); // due 5 s after the last tick: not swept yet
    // [R-ESC-5] two sweeps at once, then the timer's own ticks: one escalation.
    const swept = await Promise.all([sweepRenovations(h.platform.deps), sweepRenovations(h.platform.deps)]);
    expect(swept.reduce((n, r) => n + r.escalations, 0)).toBe(1);
    now = await advance(h, 10 * MINUTE);
    expect(await outbox(id, 'renovation.inspectionMissed')).toEqual(['supervisor']);
    const staffView = await ok('reno-officer', 'renovation', { action: 'get', id });
    expect(staffView.timeline.filter((t: { type: string }) => t.type === 'inspection_escalated')).toHaveLength(1);
    expect(staffView.deadlines.find((d: { name: string }) => d.name === 'inspection')).toMatchObject({ breached: true });
    // The resident's record leaves the internal escalation out.
    expect((await ok('resident-a', 'renovation', { action: 'get', id })).timeline.map((t: { type: string }) => t.type)).not.toContain('inspection_escalated');
    await ok('reno-officer', 'renovation', { action: 'inspect', id, passed: false, findings: '阳台私接公共用电，已口头提醒' });

    // ---- [R-REN-9] a violation notice with a deadline; ignored, a report to the authority comes due (the officer and the manager told).
    const noticed = await ok('reno-officer', 'renovation', { action: 'violation', id, description: '阳台私接公共用电', deadline: toIso(now + DAY), stopOrder: true, proofs: [await uploadPhotoAs(h, 'reno-officer')] });
    const violationId = noticed.violations[0].id;
    expect(await outbox(id, 'renovation.violation')).toEqual(['resident-a']);
    await advance(h, DAY + 5 * MINUTE);
    await advance(h, 5 * MINUTE);
    expect(await outbox(id, 'renovation.violationOverdue')).toEqual(['manager', 'reno-officer']);
    const overdue = await ok('reno-officer', 'renovation', { action: 'get', id });
    expect(overdue.violations[0]).toMatchObject({ status: 'report_due', stopOrder: true, proofs: [expect.stringMatching(/^f_/)] });
    expect(overdue.allowed).toMatchObject({ accept: false, resolveViolation: true });
    expect(await refusal('reno-officer', 'renovation', { action: 'accept', id })).toEqual([409, 'RENOVATION.VIOLATION_OPEN']);
    await ok('reno-officer', 'renovation', { action: 'resolveViolation', id, violationId, outcome: 'reported', note: '已书面报告街道城管部门，业主已拆除私接线路', proofs: [await uploadPhotoAs(h, 'reno-officer')] });

    // ---- [R-REN-10] acceptance with a deduction: deposit less the deduction plus the permit and passes, refunded to the paying order.
    expect(await refusal('reno-officer', 'renovation', { action: 'accept', id, deductions: [{ reason: '超额', amountFen: 100_001 }] })).toEqual([409, 'RENOVATION.DEDUCTION_TOO_LARGE']);
    expect(await refusal('resident-a', 'renovation', { action: 'accept', id })).toEqual([403, 'AUTH.FORBIDDEN']);
    // Three acceptances at once (the officer and the manager): one is decided, one refund is written.
    const acceptBody = { action: 'accept', id, deductions: [{ reason: '公共走廊墙面污损修复', amountFen: 20_000 }] };
    const tries = await Promise.all([call('reno-officer', 'renovation', acceptBody), call('manager', 'renovation', acceptBody), call('reno-officer', 'renovation', acceptBody)]);
    expect(tries.filter((t) => t.body.ok)).toHaveLength(1);
    expect(tries.filter((t) => !t.body.ok).map((t) => [t.status, t.body.error.code])).toEqual([[409, 'RENOVATION.INVALID_TRANSITION'], [409, 'RENOVATION.INVALID_TRANSITION']]);
    const accepted = tries.find((t) => t.body.ok)!.body.data;
    expect(accepted).toEqual({ status: 'accepted', refundFen: 100_000 - 20_000 + 5_000 + 4_000, deductedFen: 20_000 });
    expect((await h.platform.deps.store.transaction((tx) => tx.refundsOfHousehold('1-1-101'))).filter((r) => r.source === 'renovation')).toHaveLength(1);
    const refund = await h.platform.deps.store.transaction((tx) => tx.refundOf('renovation', id));
    expect(refund).toMatchObject({ amountFen: 89_000, outTradeNo: pay.outTradeNo, householdId: '1-1-101', status: 'pending' });
    expect(await refusal('reno-officer', 'renovation', { action: 'accept', id })).toEqual([409, 'RENOVATION.INVALID_TRANSITION']);
    expect(await outbox(id, 'renovation.accepted')).toEqual(['resident-a']);

    // ---- [R-REN-10][R-FEE-8] the refund goes back through WeChat Pay (the sla timer's refund job: asked,
    // then queried) and the cashier's day book reconciles it with the receipt of the renovation fees.
    await advance(h, 3 * MINUTE);
    const refunded = await h.platform.deps.store.transaction((tx) => tx.refundOf('renovation', id));
    expect(refunded).toMatchObject({ status: 'succeeded', amountFen: 89_000 });
    expect((await ok('resident-a', 'renovation', { action: 'get', id })).status).toBe('refunded');
    const feesDay = await ok('cashier', 'cashier', { action: 'dayBook', date: paidOn });
    expect(feesDay.receipts.map((r: { number: string; totalFen: number }) => [r.number, r.totalFen])).toContainEqual([receiptNumber, 160_150]);
    const refundDay = await ok('cashier', 'cashier', { action: 'dayBook', date: dayOf(refunded!.succeededAt!) });
    expect(refundDay.refunds.map((r: { outRefundNo: string; outTradeNo: string; amountFen: number }) => [r.outRefundNo, r.outTradeNo, r.amountFen])).toEqual([[refunded!.outRefundNo, pay.outTradeNo, 89_000]]);
    expect(refundDay.refundsFen).toBe(89_000);
    expect(refundDay.netFen).toBe(refundDay.totalFen - 89_000);
    expect(feesDay.balanced && refundDay.balanced).toBe(true);

    // ---- [R-REN-11] the household's archive: every application with its full record, for the owner and for staff; not for another household.
    for (const who of ['resident-a', 'reno-officer']) {
      const archive = await ok(who, 'renovation', { action: 'list', householdId: '1-1-101' });
      expect(archive.items).toHaveLength(1);
      expect(archive.items[0]).toMatchObject({ id, status: 'refunded', refundFen: 89_000, deductions: [{ reason: '公共走廊墙面污损修复', amountFen: 20_000 }] });
      expect(archive.items[0].timeline.map((t: { type: string }) => t.type)).toEqual(expect.arrayContaining(['submitted', 'returned', 'resubmitted', 'approved', 'closure_tested', 'inspected', 'violation_noticed', 'violation_overdue', 'violation_resolved', 'accepted']));
    }
    expect(await refusal('resident-b', 'renovation', { action: 'list', householdId: '1-1-101' })).toEqual([404, 'HOUSEHOLD.NOT_FOUND']);
    expect((await ok('resident-b', 'renovation', { action: 'list' })).items.map((i: { householdId: string }) => i.householdId)).not.toContain('1-1-101');
    // The escalation happened once in the whole run.
    expect(await outbox(id, 'renovation.inspectionMissed')).toEqual(['supervisor']);
    // The message center's texts: every step in Chinese, nothing left unfilled, no ID number.
    await O.settle(h);
    const texts = async (who: string) => ((await ok(who, 'message', { action: 'list' })).items as { title: string; body: string }[]).filter((m) => m.title.includes('装修')).map((m) => `${m.title}：${m.body}`);
    const owner = await texts('resident-a');
    expect(owner.map((t) => t.split('：')[0])).toEqual(expect.arrayContaining(['装修申请需补充材料', '装修申请已批准', '装修违章处理通知', '装修已验收']));
    expect(owner.find((t) => t.startsWith('装修已验收'))).toContain('¥890.00');
    expect(await texts('supervisor')).toEqual([expect.stringContaining('装修巡查逾期，请跟进')]);
    expect(await texts('manager')).toEqual(expect.arrayContaining([expect.stringContaining('装修违章逾期未整改')]));
    for (const who of ['resident-a', 'supervisor', 'manager', 'reno-officer', 'tech-1']) {
      for (const t of await texts(who)) {
        expect(t).not.toMatch(/undefined|null|NaN/);
        expect(t).not.toContain(ID_A);
      }
    }
  });
});

describe('renovation settings (R-REN-8, R-REN-7)', () => {
  it('[R-REN-8][R-REN-7] the manager sets inspections every 3 days and a 48-hour closure test; the next approval and test follow them', async () => {
    const base = (await ok('manager', 'setup', { action: 'settings' })).current;
    expect(base.renovation).toEqual({ inspectionInterval: 'P2D', closureTest: 'PT24H' });
    const today = toIso(await platformNow(h)).slice(0, 10);
    const tooShort = await call('manager', 'setup', { action: 'saveSettings', requestId: rid('st'), effectiveFrom: today, settings: { ...base, renovation: { closureTest: 'PT12H' } } });
    expect([tooShort.status, tooShort.body.error.fields['settings.renovation.closureTest']]).toEqual([400, expect.stringContaining('闭水试验时长不能短于')]);
    await ok('manager', 'setup', { action: 'saveSettings', requestId: rid('st'), effectiveFrom: today, settings: { ...base, renovation: { inspectionInterval: 'P3D', closureTest: 'PT48H' } } });
    const body = await application(await documents('resident-a'));
    const applied = await ok('resident-a', 'renovation', body);
    const approved = await ok('reno-officer', 'renovation', { action: 'review', id: applied.id, decision: 'approve' });
    expect(Date.parse(approved.nextInspectionDueAt)).toBe(Date.parse(`${body.startDate}T00:00:00+08:00`) + 3 * DAY);
    const now = await platformNow(h);
    expect(await refusal('reno-officer', 'renovation', { action: 'closureTest', id: applied.id, passed: true, note: '无渗漏', startedAt: toIso(now - 30 * HOUR) })).toEqual([409, 'RENOVATION.CLOSURE_TOO_SHORT']);
    const tested = await ok('reno-officer', 'renovation', { action: 'closureTest', id: applied.id, passed: true, note: '无渗漏', startedAt: toIso(now - 48 * HOUR) });
    expect(tested.closureTests[0].hours).toBe(48);
  });
});

describe('the archive is the log (R-REN-11)', () => {
  it('[R-REN-11] every stored application is exactly the fold of its event log', async () => {
    const ids = (await O.dbOf(h).selectFrom('renovations').select('id').execute()).map((r) => r.id);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    for (const id of ids) {
      const [state, events] = await h.platform.deps.store.transaction(async (tx) => [await tx.renovation(id), await tx.renovationEvents(id)] as const);
      expect(fold([...events])).toEqual(state);
      expect(events.map((e) => e.at)).toEqual([...events.map((e) => e.at)].sort((a, b) => a - b));
    }
  });
});
