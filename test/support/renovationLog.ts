import type { RenovationEvent, RenovationState } from '../../core/domain/renovation/state';
import type { Store } from '../../core/ports/store';
import { fold } from '../../core/domain/renovation/state';

/** Test helpers (pure): a submitted application and its log. */
export const T0 = Date.UTC(2026, 11, 2, 1, 0); // 2026-12-02 09:00 Shanghai
export const who = { by: 'resident-a', byName: '李明' };
export const officer = { by: 'reno-officer', byName: '孙浩' };

export function submitted(at = T0): RenovationEvent {
  return {
    type: 'submitted',
    at,
    ...who,
    id: 'reno-1',
    number: 'ZX20261202-0001',
    communityId: 'demo',
    householdId: '1-1-101',
    application: { applicant: 'owner', plan: '厨卫翻新', structuralChange: false, areaM2x100: 8950, demolitionM2x100: null, secondRenovation: false, premises: 'home', startDate: '2026-12-03', endDate: '2027-01-31', rulesAccepted: true },
    documents: {
      form: 'f_form',
      drawings: ['f_draw'],
      workers: [{ name: '张师傅', idNumber: '110101199001011234', photo: 'f_w1', passNumber: null }],
      licence: 'f_lic',
      qualification: 'f_qual',
      authority: null,
      powerOfAttorney: null,
      delegateId: null,
    },
    fees: [
      { item: 'reno_deposit', amountFen: 100_000, quantity: '1', refundable: true },
      { item: 'reno_garbage', amountFen: 44_750, quantity: '89.50', refundable: false },
      { item: 'reno_permit', amountFen: 5_000, quantity: '1', refundable: true },
      { item: 'reno_worker_pass', amountFen: 2_000, quantity: '1', refundable: true },
    ],
  };
}

export const approvedLog = (dueAt = T0 + 3 * 86_400_000): RenovationEvent[] => [
  submitted(),
  { type: 'approved', at: T0 + 3_600_000, ...officer, permitNumber: 'ZX20261202-0001-XK', passNumbers: ['ZX20261202-0001-W01'], billId: 'bill-1', inspectionDueAt: dueAt, internalNote: '内部备注' },
];

export const approved = (): RenovationState => fold(approvedLog());

/**
 * An application written straight to the store at a stage of its life (the authorization suites'
 * fixtures): `approved` bills the fees (unpaid); `acceptable` has the bill paid by a paid order and the
 * closure test passed; `violation` has an open violation notice.
 */
export async function seedRenovation(
  store: Store,
  o: { id: string; communityId: string; householdId: string; by: string; byName: string; stage: 'submitted' | 'returned' | 'approved' | 'violation' | 'acceptable'; now: number },
): Promise<{ id: string; violationId: string }> {
  const at = o.now;
  const first = submitted(at) as Extract<RenovationEvent, { type: 'submitted' }>;
  const events: RenovationEvent[] = [{ ...first, id: o.id, communityId: o.communityId, householdId: o.householdId, by: o.by, byName: o.byName, number: `ZX${o.id.slice(-8)}` }];
  const billId = `bill-${o.id}`;
  const violationId = `v-${o.id}`;
  const total = first.fees.reduce((s, f) => s + f.amountFen, 0);
  if (o.stage === 'returned') events.push({ type: 'returned', at, ...officer, missing: [{ code: 'licence', label: '施工单位营业执照' }], note: '请补充营业执照', internalNote: null });
  if (o.stage === 'approved' || o.stage === 'violation' || o.stage === 'acceptable') {
    events.push({ type: 'approved', at, ...officer, permitNumber: `ZX${o.id.slice(-8)}-XK`, passNumbers: ['W01'], billId, inspectionDueAt: at + 2 * 86_400_000, internalNote: null });
  }
  if (o.stage === 'violation') events.push({ type: 'violation_noticed', at, ...officer, violationId, description: '私接公共用电', deadline: at + 86_400_000, stopOrder: false, proofs: [] });
  if (o.stage === 'acceptable') events.push({ type: 'closure_tested', at, ...officer, passed: true, note: '无渗漏', startedAt: null, hours: 24, ownerPresent: true, photos: [] });
  const state = fold(events);
  await store.transaction(async (tx) => {
    if (state.billId) {
      const paid = o.stage === 'acceptable';
      const orderNo = `rn${o.id.replace(/[^0-9A-Za-z]/g, '')}`.slice(0, 32);
      await tx.insertBills([{ id: billId, communityId: o.communityId, householdId: o.householdId, period: '2026-12', source: `reno:${o.id}`, lines: first.fees.map((f) => ({ item: f.item, amountFen: f.amountFen })), totalFen: total, status: paid ? 'paid' : 'unpaid', orderNo: paid ? orderNo : null, receiptNumber: null, createdAt: at, paidAt: paid ? at : null }]);
      if (paid) {
        await tx.insertOrder({ outTradeNo: orderNo, communityId: o.communityId, householdId: o.householdId, payerUserId: o.by, payerOpenid: `o_${o.by}`, billIds: [billId], totalFen: total, description: '装修费用', status: 'paid', createdAt: at, expiresAt: at + 1_800_000, paidAt: at, transactionId: null, receiptNumber: null, checkedAt: null });
      }
    }
    await tx.insertRenovation(state, null, events);
  });
  return { id: o.id, violationId };
}
