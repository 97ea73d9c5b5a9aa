/**
 * Money is integer fen (分) everywhere; people type 元. Amounts are parsed from the text, digit by
 * digit — never through floating point (0.1 + 0.2, 19.99 * 100 = 1998.9999…).
 */
export const MAX_FEN = 10_000_000;

/** '35', '35.5', '35.50', '¥35.50', '35.50元' → 3550; anything else (negative, 3 decimals, letters) → null. */
export function yuanToFen(input: string): number | null {
  const s = input
    .trim()
    .replace(/^[¥￥]\s*/, '')
    .replace(/\s*元$/, '')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[。．]/g, '.');
  const m = /^(\d{1,6})(?:\.(\d{0,2}))?$/.exec(s);
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return fen <= MAX_FEN ? fen : null;
}

/** 3550 → '35.50' (integer arithmetic only); a non-integer amount is a bug, not money. */
export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new Error(`amount in fen must be an integer: ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * A price as people read it: ¥35.50, or 免费 for exactly 0. Anything else — NaN, a fraction, a negative —
 * is a bug upstream, never a free service: it throws (house style: bugs throw) instead of showing 免费.
 */
export function money(fen: number, free = '免费'): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`a price must be whole fen ≥ 0: ${fen}`);
  return fen === 0 ? free : `¥${fenToYuan(fen)}`;
}
