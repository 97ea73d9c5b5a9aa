import fc from 'fast-check';
import { lineAmountFen, standardsInForce, type FeeStandardRow } from './standards';
import { monthlyLines, orderDescription, receiptCodeFrom, receiptNumberOf, totalOf } from './bills';

const std = (item: FeeStandardRow['item'], basis: FeeStandardRow['basis'], priceFen: number): FeeStandardRow => ({ id: `fs_${item}`, communityId: 'demo', item, basis, priceFen, effectiveFrom: '2025-01-01', savedBy: 'manager', savedAt: 1 });

describe('fee math', () => {
  it('[R-FEE-4] the demo household owes 22,375 property + 3,000 elevator = 25,375 fen a month', () => {
    const lines = monthlyLines(standardsInForce([std('property_fee', 'per_m2_month', 250), std('elevator', 'per_household_month', 3000)], '2026-11-01'), 8950);
    expect(lines).toEqual([{ item: 'property_fee', amountFen: 22_375 }, { item: 'elevator', amountFen: 3_000 }]);
    expect(totalOf(lines)).toBe(25_375);
  });

  it('[R-FEE-4] property: every line is a whole fen, the lines sum to the total, per-m² lines are half up of area × price / 100', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_00 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), (area, m2Price, hhPrice) => {
        const lines = monthlyLines(standardsInForce([std('property_fee', 'per_m2_month', m2Price), std('garbage', 'per_household_month', hhPrice), std('public_lighting', 'per_m2_month', 7)], '2026-11-01'), area);
        for (const l of lines) expect(Number.isSafeInteger(l.amountFen) && l.amountFen > 0).toBe(true);
        const total = totalOf(lines);
        expect(total).toBe(lines.reduce((t, l) => t + l.amountFen, 0));
        const property = lines.find((l) => l.item === 'property_fee')?.amountFen ?? 0;
        // Half up, documented: exact = area × price / 100 fen; the line is floor(exact + 1/2).
        const exact = area * m2Price;
        expect(property).toBe(Math.floor((2 * exact + 100) / 200));
        expect(Math.abs(property * 100 - exact)).toBeLessThanOrEqual(50);
      }),
    );
  });

  it('[R-FEE-4] property: a half fen always rounds up, just under half rounds down', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (fen) => {
        // area 50 × price 1 = 0.50 fen; (fen*100 + 50) exactly halfway above `fen` → fen + 1; +49 → fen.
        expect(lineAmountFen('per_m2_month', 1, { areaM2x100: fen * 100 + 50 })).toBe(fen + 1);
        expect(lineAmountFen('per_m2_month', 1, { areaM2x100: fen * 100 + 49 })).toBe(fen);
      }),
    );
  });

  it('[R-FEE-4] a fraction of a fen in a line is a bug, never money: the total refuses it', () => {
    expect(() => totalOf([{ amountFen: 1.5 }])).toThrow(RangeError);
    expect(() => totalOf([{ amountFen: -1 }])).toThrow(RangeError);
  });

  it('[R-FEE-6] receipt numbers are per community and year, zero-padded; codes are 8 of [A-Z0-9]', () => {
    expect(receiptNumberOf('demo', 2026, 7)).toBe('demo-2026-000007');
    fc.assert(fc.property(fc.string({ minLength: 0, maxLength: 30 }), (s) => expect(receiptCodeFrom(`rc_${s}`)).toMatch(/^[A-Z0-9]{8}$/)));
  });

  it('[R-FEE-3] the order description names community, room and months within WeChat\'s 127 bytes', () => {
    expect(orderDescription('示例花园', '1-1-101', ['2026-11', '2026-10'])).toBe('示例花园 1-1-101 物业费等 2026-10至2026-11');
    expect(new TextEncoder().encode(orderDescription('很长的小区名字'.repeat(10), '1-1-101', ['2026-11'])).length).toBeLessThanOrEqual(127);
  });
});
