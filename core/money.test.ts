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
});
