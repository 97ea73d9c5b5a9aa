import { FEE_ITEM_LABELS, lineAmountFen, type FeeItem, type FeeStandardInForce } from './standards';

/** The monthly bases a bill charges (one-off and per-space items are billed elsewhere). */
const MONTHLY = new Set(['per_m2_month', 'per_household_month']);

export interface Line {
  item: FeeItem;
  amountFen: number;
}

/**
 * One household's lines for one month from the standards in force on the month's first day (R-FEE-1,
 * R-FEE-4): per m² items are the area in 0.01 m² × price in fen per m², half up to the fen per line
 * (`lineAmountFen`); per household items are the price. Integer fen only; lines of 0 are left out.
 */
export function monthlyLines(standards: FeeStandardInForce[], areaM2x100: number): Line[] {
  const lines: Line[] = [];
  for (const s of standards) {
    if (!MONTHLY.has(s.basis)) continue;
    const amountFen = lineAmountFen(s.basis, s.priceFen, { areaM2x100, count: 1 });
    if (amountFen > 0) lines.push({ item: s.item, amountFen });
  }
  return lines;
}

/** A bill's total: the sum of its lines, integers only (a fraction is a bug, never money). */
export function totalOf(lines: { amountFen: number }[]): number {
  let t = 0;
  for (const l of lines) {
    if (!Number.isSafeInteger(l.amountFen) || l.amountFen < 0) throw new RangeError(`a line must be whole fen ≥ 0: ${l.amountFen}`);
    t += l.amountFen;
  }
  if (!Number.isSafeInteger(t)) throw new RangeError('total out of range');
  return t;
}

export const lineLabel = (item: FeeItem) => FEE_ITEM_LABELS[item];

/** 'YYYY-MM' → 'YYYY-MM-01' (the day whose standards a month's bill charges). */
export const firstDayOf = (period: string) => `${period}-01`;

/** A receipt's verification code: 8 of [A-Z0-9] from an id's random tail (printed and in the QR code). */
export function receiptCodeFrom(id: string): string {
  const s = id.replace(/^[^_]*_/, '').toUpperCase().replace(/[^A-Z0-9]/g, '');
  return s.slice(-8).padStart(8, '0');
}

/** `<community>-<year>-<000001>` (R-FEE-6: sequential per community and year). */
export const receiptNumberOf = (communityId: string, year: number, seq: number) => `${communityId}-${year}-${String(seq).padStart(6, '0')}`;

/** What WeChat shows in the resident's bill (≤ 127 bytes): 示例花园 1-1-101 物业费等 2026-10至2026-11. */
export function orderDescription(communityName: string, room: string, periods: string[]): string {
  const sorted = [...periods].sort();
  const span = sorted.length > 1 ? `${sorted[0]}至${sorted[sorted.length - 1]}` : sorted[0];
  let d = `${communityName} ${room} 物业费等 ${span}`;
  while (utf8Bytes(d) > 127) d = d.slice(0, -1);
  return d;
}

function utf8Bytes(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}
