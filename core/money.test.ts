import fc from 'fast-check';
import { fenToYuan, money, yuanToFen } from './money';

describe('money in integer fen', () => {
  it('[R-FEE-4] typed yuan become exact fen and back, with no floating point on the way', () => {
    expect(yuanToFen('19.99')).toBe(1999);
    expect(yuanToFen('¥35.5')).toBe(3550);
    expect(yuanToFen('０.１')).toBe(10);
    expect(yuanToFen('1.234')).toBeNull();
    expect(yuanToFen('-5')).toBeNull();
    expect(fenToYuan(1999)).toBe('19.99');
    expect(money(0)).toBe('免费');
    expect(() => fenToYuan(19.99)).toThrow(/integer/);
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000 }), (fen) => yuanToFen(fenToYuan(fen)) === fen));
  });

  it('[R-FEE-4] a price shows 免费 only for exactly 0 fen; NaN, fractions and negatives are bugs and throw', () => {
    expect(money(0)).toBe('免费');
    expect(money(1)).toBe('¥0.01');
    expect(money(3550)).toBe('¥35.50');
    expect(money(0, '—')).toBe('—');
    for (const bad of [NaN, Infinity, -1, 0.5, 19.99, Number.MAX_SAFE_INTEGER + 2]) expect(() => money(bad)).toThrow(RangeError);
  });
});
