import { fold, transition, type RenovationState } from './state';
import { nextDueAtOf, sweepSteps, type RenoLadder } from './schedule';
import { approved, approvedLog, officer, submitted, T0, who } from '../../../test/support/renovationLog';

const DAY = 86_400_000;
const ladder: RenoLadder = { supervisor: { id: 'supervisor', name: '周丽' }, manager: { id: 'manager', name: '吴军' }, managerGapMs: 5 * DAY };

describe('renovation state (event log, R-REN-6..11)', () => {
  it('[R-REN-11] the stored state is the fold of the log; each step bumps the version', () => {
    const s = approved();
    expect(s).toMatchObject({ status: 'approved', version: 2, permitNumber: 'ZX20261202-0001-XK', billId: 'bill-1' });
    expect(s.documents.workers[0].passNumber).toBe('ZX20261202-0001-W01');
  });

  it('[R-REN-6] only a submitted application is reviewed; only a returned one is resubmitted', () => {
    const s = fold([submitted()]);
    const returned = transition(s, { type: 'returned', at: T0 + 1, ...officer, missing: [{ code: 'licence', label: '施工单位营业执照' }], note: '请补充营业执照', internalNote: null });
    expect(returned).toMatchObject({ ok: true, next: { status: 'returned', missing: [{ code: 'licence' }] } });
    expect(transition(s, { type: 'resubmitted', at: T0 + 1, ...who, documents: s.documents, plan: null, rulesAccepted: null, fees: s.fees })).toEqual({ ok: false, code: 'RENOVATION.INVALID_TRANSITION' });
    const again = transition(returned.ok ? returned.next : s, { type: 'resubmitted', at: T0 + 2, ...who, documents: s.documents, plan: null, rulesAccepted: null, fees: s.fees });
    expect(again).toMatchObject({ ok: true, next: { status: 'submitted', missing: [], returnNote: null } });
    expect(transition(approved(), { type: 'returned', at: T0 + 1, ...officer, missing: [], note: 'x', internalNote: null })).toEqual({ ok: false, code: 'RENOVATION.INVALID_TRANSITION' });
  });

  it('[R-REN-7][R-REN-8][R-REN-9] the closure test, inspections and violations are recorded only while work goes on', () => {
    const sub = fold([submitted()]);
    const test = { type: 'closure_tested' as const, at: T0 + DAY, ...officer, passed: true, note: '无渗漏', startedAt: null, hours: 24, ownerPresent: true, photos: [] };
    expect(transition(sub, test)).toEqual({ ok: false, code: 'RENOVATION.INVALID_TRANSITION' });
    const r = transition(approved(), test);
    expect(r).toMatchObject({ ok: true, next: { status: 'in_progress', closureTests: [{ passed: true, hours: 24 }] } });
  });

  it('[R-REN-8][R-ESC-5] a missed inspection escalates to the supervisor once, then to the manager once, however often the sweep runs', () => {
    const dueAt = T0 + 3 * DAY;
    let s: RenovationState = approved();
    expect(nextDueAtOf(s, ladder.managerGapMs)).toBe(dueAt);
    expect(sweepSteps(s, dueAt - 1, ladder).events).toEqual([]);
    const first = sweepSteps(s, dueAt + 60_000, ladder);
    expect(first.events).toEqual([expect.objectContaining({ type: 'inspection_escalated', level: 1, to: 'supervisor', dueAt })]);
    s = first.next;
    expect(sweepSteps(s, dueAt + 120_000, ladder).events).toEqual([]);
    expect(nextDueAtOf(s, ladder.managerGapMs)).toBe(dueAt + 5 * DAY);
    const second = sweepSteps(s, dueAt + 5 * DAY, ladder);
    expect(second.events).toEqual([expect.objectContaining({ type: 'inspection_escalated', level: 2, to: 'manager' })]);
    expect(sweepSteps(second.next, dueAt + 9 * DAY, ladder).events).toEqual([]);
    expect(nextDueAtOf(second.next, ladder.managerGapMs)).toBeNull();
    // An inspection resets the ladder for the next due time.
    const inspected = transition(second.next, { type: 'inspected', at: dueAt + 6 * DAY, ...officer, passed: true, findings: '正常', checklist: {}, photos: [], internalNote: null, nextDueAt: dueAt + 8 * DAY });
    expect(inspected).toMatchObject({ ok: true, next: { inspectionEscalation: 0, inspectionDueAt: dueAt + 8 * DAY } });
  });

  it('[R-REN-8][R-ESC-3] with no supervisor, a missed inspection goes straight to the manager, once; with no one to tell, nothing is recorded', () => {
    const dueAt = T0 + 3 * DAY;
    const noSupervisor = sweepSteps(approved(), dueAt, { ...ladder, supervisor: null });
    expect(noSupervisor.events).toEqual([expect.objectContaining({ type: 'inspection_escalated', level: 2, to: 'manager' })]);
    expect(sweepSteps(noSupervisor.next, dueAt + 9 * DAY, { ...ladder, supervisor: null }).events).toEqual([]);
    expect(sweepSteps(approved(), dueAt, { ...ladder, supervisor: null, manager: null }).events).toEqual([]);
  });

  it('[R-REN-9] an ignored violation notice comes due for a report once; resolved, it leaves the schedule', () => {
    const log = [...approvedLog(T0 + 30 * DAY), { type: 'violation_noticed' as const, at: T0 + DAY, ...officer, violationId: 'v1', description: '私接公共用电', deadline: T0 + 2 * DAY, stopOrder: true, proofs: ['f_p'] }];
    let s = fold(log);
    expect(nextDueAtOf(s, 5 * DAY)).toBe(T0 + 2 * DAY);
    const swept = sweepSteps(s, T0 + 2 * DAY, ladder);
    expect(swept.events.map((e) => e.type)).toEqual(['violation_overdue']);
    s = swept.next;
    expect(s.violations[0].status).toBe('report_due');
    expect(sweepSteps(s, T0 + 3 * DAY, ladder).events).toEqual([]);
    const resolved = transition(s, { type: 'violation_resolved', at: T0 + 3 * DAY, ...officer, violationId: 'v1', outcome: 'reported', note: '已书面上报', proofs: ['f_r'] });
    expect(resolved).toMatchObject({ ok: true, next: { violations: [{ status: 'reported', resolutionProofs: ['f_r'] }] } });
    expect(transition(resolved.ok ? resolved.next : s, { type: 'violation_resolved', at: T0 + 4 * DAY, ...officer, violationId: 'v1', outcome: 'rectified', note: 'x', proofs: [] })).toEqual({ ok: false, code: 'RENOVATION.INVALID_TRANSITION' });
  });

  it('[R-REN-10] acceptance ends the schedule; nothing is recorded after it', () => {
    const r = transition(approved(), { type: 'accepted', at: T0 + 10 * DAY, ...officer, deductions: [], refundFen: 107_000, note: null });
    expect(r).toMatchObject({ ok: true, next: { status: 'accepted', inspectionDueAt: null, refundFen: 107_000 } });
    if (!r.ok) return;
    expect(nextDueAtOf(r.next, DAY)).toBeNull();
    expect(transition(r.next, { type: 'inspected', at: T0 + 11 * DAY, ...officer, passed: true, findings: 'x', checklist: {}, photos: [], internalNote: null, nextDueAt: 0 })).toEqual({ ok: false, code: 'RENOVATION.INVALID_TRANSITION' });
  });
});
