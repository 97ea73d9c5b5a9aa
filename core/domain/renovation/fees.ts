import { lineAmountFen, type FeeStandardInForce, type FeeItem } from '../fees/standards';
import type { RenoFeeLine } from './state';
import type { Premises } from './vocabulary';

export interface FeeQuery {
  areaM2x100: number;
  demolitionM2x100: number | null;
  secondRenovation: boolean;
  premises: Premises;
  workers: number;
}

const m2 = (x100: number) => `${Math.floor(x100 / 100)}.${String(x100 % 100).padStart(2, '0')}`;

/**
 * Pure: the fees of an application from the community's standards in force (R-REN-5; the rule book's
 * defaults until the community sets its own): the deposit (home or office), garbage removal per m², the
 * second-renovation fee per m² when it applies, wall demolition per m² of demolished area, the permit and
 * one pass per worker. Per-m² lines round half up to the fen (R-FEE-4). Refundable at acceptance: the
 * deposit (less deductions), the permit and the passes (R-REN-10). A zero line is left out.
 */
export function renovationFees(standards: FeeStandardInForce[], q: FeeQuery): RenoFeeLine[] {
  const price = (item: FeeItem) => standards.find((s) => s.item === item);
  const out: RenoFeeLine[] = [];
  const add = (item: FeeItem, quantity: { areaM2x100?: number; count?: number }, refundable: boolean) => {
    const s = price(item);
    if (!s) return;
    const amountFen = lineAmountFen(s.basis, s.priceFen, quantity);
    if (amountFen <= 0) return;
    out.push({ item, amountFen, quantity: quantity.areaM2x100 !== undefined ? m2(quantity.areaM2x100) : String(quantity.count ?? 1), refundable });
  };
  add(q.premises === 'office' ? 'reno_deposit_office' : 'reno_deposit', { count: 1 }, true);
  add('reno_garbage', { areaM2x100: q.areaM2x100 }, false);
  if (q.secondRenovation) add('reno_second', { areaM2x100: q.areaM2x100 }, false);
  if (q.demolitionM2x100) add('reno_demolition', { areaM2x100: q.demolitionM2x100 }, false);
  add('reno_permit', { count: 1 }, true);
  if (q.workers > 0) add('reno_worker_pass', { count: q.workers }, true);
  return out;
}

export const DEPOSIT_ITEMS: readonly FeeItem[] = ['reno_deposit', 'reno_deposit_office'];

export const depositOf = (fees: RenoFeeLine[]) => fees.filter((f) => DEPOSIT_ITEMS.includes(f.item)).reduce((s, f) => s + f.amountFen, 0);

/**
 * Pure: what goes back at acceptance (R-REN-10): the deposit less the deductions, plus the permit and
 * the passes returned. Undefined when the deductions exceed the deposit.
 */
export function refundOf(fees: RenoFeeLine[], deductions: { amountFen: number }[]): { refundFen: number; deductedFen: number } | undefined {
  const deposit = depositOf(fees);
  const deductedFen = deductions.reduce((s, d) => s + d.amountFen, 0);
  if (deductedFen > deposit) return undefined;
  const returned = fees.filter((f) => f.refundable && !DEPOSIT_ITEMS.includes(f.item)).reduce((s, f) => s + f.amountFen, 0);
  return { refundFen: deposit - deductedFen + returned, deductedFen };
}

/** m² (a number with up to 2 decimals) in whole 0.01 m². */
export const areaX100 = (m2: number) => Math.round(m2 * 100);
export const areaText = m2;
