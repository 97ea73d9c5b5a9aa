import { lineAmountFen, standardsInForce, type FeeStandardRow } from './standards';

const row = (over: Partial<FeeStandardRow>): FeeStandardRow => ({ id: 'fs1', communityId: 'demo', item: 'property_fee', basis: 'per_m2_month', priceFen: 250, effectiveFrom: '2025-01-01', savedBy: 'manager', savedAt: 1, ...over });

describe('fee standards', () => {
  it('[R-FEE-4] a per-m² line is the area in 0.01 m² × the price, rounded half up to the fen, in integers', () => {
    expect(lineAmountFen('per_m2_month', 250, { areaM2x100: 8950 })).toBe(22_375); // contract §2: 89.50 m² × 2.50 元
    expect(lineAmountFen('per_m2_month', 235, { areaM2x100: 8950 })).toBe(21_033); // 210.325 → 210.33
    expect(lineAmountFen('per_m2_month', 235, { areaM2x100: 8930 })).toBe(20_986); // 209.855 → 209.86
    expect(lineAmountFen('per_m2_month', 1, { areaM2x100: 49 })).toBe(0); // 0.49 fen → 0
    expect(lineAmountFen('per_m2_month', 1, { areaM2x100: 50 })).toBe(1); // 0.50 fen → 1
    expect(lineAmountFen('per_household_month', 3_000, {})).toBe(3_000);
    expect(lineAmountFen('once_each', 2_000, { count: 3 })).toBe(6_000);
    expect(() => lineAmountFen('per_m2_month', 2.5, { areaM2x100: 8950 })).toThrow(RangeError);
    expect(() => lineAmountFen('per_m2_month', 250, { areaM2x100: 89.5 })).toThrow(RangeError);
  });

  it('[R-FEE-2] the standard in force on a day is the newest version effective by then; history is never overwritten', () => {
    const rows = [row({ id: 'a' }), row({ id: 'b', priceFen: 280, effectiveFrom: '2027-01-01', savedAt: 2 }), row({ id: 'c', item: 'elevator', basis: 'per_household_month', priceFen: 3_000 })];
    const at = (day: string) => Object.fromEntries(standardsInForce(rows, day).map((s) => [s.item, s.priceFen]));
    expect(at('2026-12-31')).toMatchObject({ property_fee: 250, elevator: 3_000 });
    expect(at('2027-01-01')).toMatchObject({ property_fee: 280, elevator: 3_000 });
    expect(at('2024-12-31').property_fee).toBeUndefined();
    // Two saves for the same day: the later one counts.
    expect(at.call(null, '2025-01-01').property_fee).toBe(250);
    const twice = standardsInForce([...rows, row({ id: 'd', priceFen: 260, savedAt: 5 })], '2026-06-01');
    expect(twice.find((s) => s.item === 'property_fee')).toMatchObject({ priceFen: 260, id: 'd', source: 'community' });
  });

  it('[R-REN-5] renovation fees default to the rule book until the community sets its own', () => {
    const d = Object.fromEntries(standardsInForce([], '2026-12-01').map((s) => [s.item, [s.priceFen, s.source]]));
    expect(d).toEqual({
      reno_deposit: [100_000, 'default'],
      reno_deposit_office: [200_000, 'default'],
      reno_garbage: [500, 'default'],
      reno_second: [1_000, 'default'],
      reno_demolition: [2_000, 'default'],
      reno_permit: [5_000, 'default'],
      reno_worker_pass: [2_000, 'default'],
    });
    const own = standardsInForce([row({ item: 'reno_garbage', basis: 'once_per_m2', priceFen: 600 })], '2026-12-01');
    expect(own.find((s) => s.item === 'reno_garbage')).toMatchObject({ priceFen: 600, source: 'community' });
  });
});
