import { documentsOf, maskIdNumber, missingDocuments } from './documents';
import { renovationFees, refundOf } from './fees';
import { standardsInForce } from '../fees/standards';

const complete = documentsOf({ form: 'f_a', drawings: 'f_b', workers: [{ name: '张师傅', idNumber: '110101199001011234', photo: 'f_c' }], licence: 'f_d', qualification: 'f_e' });
const owner = { applicant: 'owner' as const, plan: '厨卫翻新', structuralChange: false, rulesAccepted: true };

describe('renovation documents (R-REN-1..4)', () => {
  it('[R-REN-2] a complete application lacks nothing; each missing document is named, each worker by name', () => {
    expect(missingDocuments(owner, complete)).toEqual([]);
    const bare = documentsOf({ workers: [{ name: '王师傅' }] });
    expect(missingDocuments(owner, bare).map((m) => m.code)).toEqual(['form', 'drawings', 'worker_id', 'worker_photo', 'licence', 'qualification']);
    expect(missingDocuments(owner, bare)[2]).toEqual({ code: 'worker_id', label: '施工人员身份证号（王师傅）', worker: 0 });
    expect(missingDocuments(owner, documentsOf({})).map((m) => m.code)).toContain('workers');
  });
  it('[R-REN-3] a structural change needs the housing authority\'s approval', () => {
    expect(missingDocuments({ ...owner, structuralChange: true }, complete).map((m) => m.code)).toEqual(['authority']);
    expect(missingDocuments({ ...owner, structuralChange: true }, { ...complete, authority: 'f_x' })).toEqual([]);
  });
  it('[R-REN-1] a delegate needs the power of attorney and their own ID', () => {
    expect(missingDocuments({ ...owner, applicant: 'delegate' }, complete).map((m) => m.code)).toEqual(['power_of_attorney', 'delegate_id']);
  });
  it('[R-REN-4] the rules must be accepted', () => {
    expect(missingDocuments({ ...owner, rulesAccepted: false }, complete).map((m) => m.code)).toEqual(['rules_accepted']);
  });
  it('[R-ACC-5] ID numbers are masked: the first 3 and the last 4 characters only', () => {
    expect(maskIdNumber('110101199001011234')).toBe('110***********1234');
    expect(maskIdNumber('11010119851231567X')).toBe('110***********567X');
    expect(maskIdNumber(null)).toBeNull();
    expect(maskIdNumber('12345')).toBe('*****');
  });
});

describe('renovation fees (R-REN-5, R-REN-10)', () => {
  const defaults = standardsInForce([], '2026-12-02');
  it('[R-REN-5] the rule book\'s defaults: deposit by premises, per-m² lines rounded half up, permit and one pass per worker', () => {
    const home = renovationFees(defaults, { areaM2x100: 8950, demolitionM2x100: 325, secondRenovation: true, premises: 'home', workers: 3 });
    expect(home.map((f) => [f.item, f.amountFen, f.quantity])).toEqual([
      ['reno_deposit', 100_000, '1'],
      ['reno_garbage', 44_750, '89.50'],
      ['reno_second', 89_500, '89.50'],
      ['reno_demolition', 6_500, '3.25'],
      ['reno_permit', 5_000, '1'],
      ['reno_worker_pass', 6_000, '3'],
    ]);
    const office = renovationFees(defaults, { areaM2x100: 1, demolitionM2x100: null, secondRenovation: false, premises: 'office', workers: 0 });
    // 0.01 m² × 5 元 = 0.05 元 → 5 fen; no demolition, no second renovation, no passes.
    expect(office.map((f) => [f.item, f.amountFen])).toEqual([
      ['reno_deposit_office', 200_000],
      ['reno_garbage', 5],
      ['reno_permit', 5_000],
    ]);
  });
  it('[R-REN-5] a community\'s own standard replaces the default', () => {
    const own = standardsInForce([{ id: 's1', communityId: 'demo', item: 'reno_deposit', basis: 'once_per_household', priceFen: 150_000, effectiveFrom: '2026-01-01', savedBy: 'manager', savedAt: 0 }], '2026-12-02');
    expect(renovationFees(own, { areaM2x100: 0, demolitionM2x100: null, secondRenovation: false, premises: 'home', workers: 1 })[0]).toMatchObject({ item: 'reno_deposit', amountFen: 150_000 });
  });
  it('[R-REN-10] the refund is the deposit less deductions plus the permit and passes; deductions above the deposit are refused', () => {
    const fees = renovationFees(defaults, { areaM2x100: 8950, demolitionM2x100: null, secondRenovation: false, premises: 'home', workers: 2 });
    expect(refundOf(fees, [])).toEqual({ refundFen: 100_000 + 5_000 + 4_000, deductedFen: 0 });
    expect(refundOf(fees, [{ amountFen: 20_000 }, { amountFen: 1 }])).toEqual({ refundFen: 80_000 - 1 + 9_000, deductedFen: 20_001 });
    expect(refundOf(fees, [{ amountFen: 100_000 }])).toEqual({ refundFen: 9_000, deductedFen: 100_000 });
    expect(refundOf(fees, [{ amountFen: 100_001 }])).toBeUndefined();
  });
});
