import type { RenovationEvent, RenovationState } from '../../core/domain/renovation/state';
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
