import { fold } from './state';
import { renovationView } from './view';
import { approvedLog, T0 } from '../../../test/support/renovationLog';

const DAY = 86_400_000;

describe('renovation view (R-ACC-5, R-REN-11)', () => {
  const log = [...approvedLog(), { type: 'inspection_escalated' as const, at: T0 + 4 * DAY, by: 'system', byName: '系统', dueAt: T0 + 3 * DAY, level: 1 as const, to: 'supervisor', toName: '周丽' }];
  const s = fold(log);
  const base = { now: T0 + 4 * DAY, bill: { status: 'unpaid' as const }, refund: null, events: log };

  it('[R-ACC-5] ID numbers are masked for staff and residents alike', () => {
    for (const viewer of [{ kind: 'resident' as const, userId: 'resident-a' }, { kind: 'staff' as const, manage: true }]) {
      const v = renovationView(s, { ...base, viewer });
      expect(v.documents.workers[0].idNumber).toBe('110***********1234');
      expect(JSON.stringify(v)).not.toContain('110101199001011234');
    }
  });

  it('[R-ACC-5] residents never see staff-internal notes or the escalation ladder; staff do', () => {
    const resident = renovationView(s, { ...base, viewer: { kind: 'resident', userId: 'resident-a' } });
    expect(resident.internalNotes).toBeNull();
    expect(JSON.stringify(resident)).not.toContain('内部备注');
    expect(resident.timeline.map((t) => t.type)).toEqual(['submitted', 'approved']);
    expect(resident.allowed).toMatchObject({ pay: true, review: false, inspect: false, accept: false });
    const staff = renovationView(s, { ...base, viewer: { kind: 'staff', manage: true } });
    expect(staff.internalNotes).toEqual([expect.objectContaining({ note: '内部备注' })]);
    expect(staff.timeline.map((t) => t.type)).toEqual(['submitted', 'approved', 'inspection_escalated']);
    expect(staff.deadlines).toEqual([expect.objectContaining({ name: 'inspection', breached: true })]);
    // Unpaid bill, no closure test: not yet acceptable (R-REN-10, R-REN-7).
    expect(staff.allowed).toMatchObject({ inspect: true, closureTest: true, violation: true, resolveViolation: false, accept: false, pay: false });
  });

  it('[R-REN-10] whoever may accept is told what still stands in the way, in the order it is checked; nobody else is', () => {
    const officer = { by: 'reno-officer', byName: '孙浩' };
    const staff = { kind: 'staff' as const, manage: true };
    const view = (events: Parameters<typeof fold>[0], paid: boolean, viewer: Parameters<typeof renovationView>[1]['viewer'] = staff) =>
      renovationView(fold(events), { ...base, events, bill: { status: paid ? 'paid' : 'unpaid' }, viewer });
    const noticed = { type: 'violation_noticed' as const, at: T0 + DAY, ...officer, violationId: 'v1', description: '私接公共用电', deadline: T0 + 2 * DAY, stopOrder: true, proofs: [] };
    const tested = { type: 'closure_tested' as const, at: T0 + DAY, ...officer, passed: true, note: '无渗漏', startedAt: null, hours: 24, ownerPresent: true, photos: [] };
    const resolved = { type: 'violation_resolved' as const, at: T0 + 2 * DAY, ...officer, violationId: 'v1', outcome: 'rectified' as const, note: '已拆除', proofs: [] };

    const all = view([...approvedLog(), noticed], false);
    expect(all.acceptBlockers).toEqual(['装修费用尚未缴清', '闭水试验尚未记录合格', '仍有未整改完毕的违章']);
    expect(all.allowed.accept).toBe(false);
    expect(view([...approvedLog(), noticed, tested], true).acceptBlockers).toEqual(['仍有未整改完毕的违章']);
    const ready = view([...approvedLog(), noticed, tested, resolved], true);
    expect([ready.acceptBlockers, ready.allowed.accept]).toEqual([[], true]);
    // The resident and staff who cannot accept read no such list.
    expect(view([...approvedLog(), noticed], false, { kind: 'resident', userId: 'resident-a' }).acceptBlockers).toEqual([]);
    expect(view([...approvedLog(), noticed], false, { kind: 'staff', manage: false }).acceptBlockers).toEqual([]);
  });

  it('[R-REN-10] an accepted application whose refund went through reads as refunded', () => {
    const accepted = fold([...approvedLog(), { type: 'accepted', at: T0 + 5 * DAY, by: 'reno-officer', byName: '孙浩', deductions: [], refundFen: 107_000, note: null }]);
    const v = (status: 'pending' | 'succeeded') => renovationView(accepted, { ...base, bill: { status: 'paid' }, refund: { amountFen: 107_000, status }, viewer: { kind: 'resident', userId: 'resident-a' } });
    expect(v('pending')).toMatchObject({ status: 'accepted', statusLabel: '已验收', refundFen: 107_000 });
    expect(v('succeeded')).toMatchObject({ status: 'refunded', statusLabel: '押金已退还' });
  });
});
