import { fenToYuan } from '../../lib/money';

/** An amount people read: ¥253.75 (integer fen in, two decimals out; never floating point). */
export const yuan = (fen: number) => `¥${fenToYuan(fen)}`;

/** '2026-11' → '2026年11月'. */
export function monthLabel(period: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  return m ? `${m[1]}年${Number(m[2])}月` : period;
}

/** '2026-12-02T10:32:05+08:00' → '2026年12月2日' (the community's date, as the API writes it). */
export function dateLabel(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** Where the receipt's QR code points: the public verification page with the number and its code. */
export function verifyPath(number: string, code: string): string {
  return `/fee/verify/index?number=${encodeURIComponent(number)}&code=${encodeURIComponent(code)}`;
}
