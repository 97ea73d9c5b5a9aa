import { fenToYuan } from '../../lib/money';

/** An amount people read: ¥1,000.00 → ¥1000.00 (integer fen in; never floating point). */
export const yuan = (fen: number) => `¥${fenToYuan(fen)}`;

/** '2026-12-10' → '2026年12月10日'. */
export function dayLabel(day: string | null | undefined): string {
  const m = day ? /^(\d{4})-(\d{2})-(\d{2})/.exec(day) : null;
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : (day ?? '');
}
