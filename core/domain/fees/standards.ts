/**
 * Charging standards (收费标准, R-FEE-1, R-FEE-2): per community, per item, a basis and a price in
 * integer fen (R-FEE-4), each effective from a Shanghai day. Saving never edits: every version stays,
 * and the standard in force on a day is the newest version effective on or before it. Renovation items
 * default to the rule book's figures (R-REN-5) until a community sets its own; the other items have no
 * default (a community that never set its elevator fee charges none).
 */
export const FEE_ITEMS = [
  'property_fee',
  'elevator',
  'public_lighting',
  'garbage',
  'parking',
  'reno_deposit',
  'reno_deposit_office',
  'reno_garbage',
  'reno_second',
  'reno_demolition',
  'reno_permit',
  'reno_worker_pass',
] as const;
export type FeeItem = (typeof FEE_ITEMS)[number];

export const FEE_BASES = ['per_m2_month', 'per_household_month', 'per_space_month', 'once_per_m2', 'once_per_household', 'once_each'] as const;
export type FeeBasis = (typeof FEE_BASES)[number];

export const FEE_ITEM_LABELS: Record<FeeItem, string> = {
  property_fee: '物业费',
  elevator: '电梯费',
  public_lighting: '公共照明费',
  garbage: '垃圾清运费',
  parking: '停车费',
  reno_deposit: '装修押金（住宅）',
  reno_deposit_office: '装修押金（办公）',
  reno_garbage: '装修垃圾清运费',
  reno_second: '二次装修管理费',
  reno_demolition: '拆墙费',
  reno_permit: '施工许可证工本费',
  reno_worker_pass: '施工人员出入证工本费',
};

export const FEE_BASIS_LABELS: Record<FeeBasis, string> = {
  per_m2_month: '元/平方米/月',
  per_household_month: '元/户/月',
  per_space_month: '元/车位/月',
  once_per_m2: '元/平方米（一次性）',
  once_per_household: '元/户（一次性）',
  once_each: '元/个（一次性）',
};

/** Which bases each item may be charged on. */
export const ITEM_BASES: Record<FeeItem, readonly FeeBasis[]> = {
  property_fee: ['per_m2_month', 'per_household_month'],
  elevator: ['per_household_month', 'per_m2_month'],
  public_lighting: ['per_household_month', 'per_m2_month'],
  garbage: ['per_household_month', 'per_m2_month'],
  parking: ['per_space_month'],
  reno_deposit: ['once_per_household'],
  reno_deposit_office: ['once_per_household'],
  reno_garbage: ['once_per_m2'],
  reno_second: ['once_per_m2'],
  reno_demolition: ['once_per_m2'],
  reno_permit: ['once_each'],
  reno_worker_pass: ['once_each'],
};

/** The rule book's figures (R-REN-5), in force until a community sets its own. */
export const DEFAULT_FEE_STANDARDS: Partial<Record<FeeItem, { basis: FeeBasis; priceFen: number }>> = {
  reno_deposit: { basis: 'once_per_household', priceFen: 100_000 },
  reno_deposit_office: { basis: 'once_per_household', priceFen: 200_000 },
  reno_garbage: { basis: 'once_per_m2', priceFen: 500 },
  reno_second: { basis: 'once_per_m2', priceFen: 1_000 },
  reno_demolition: { basis: 'once_per_m2', priceFen: 2_000 },
  reno_permit: { basis: 'once_each', priceFen: 5_000 },
  reno_worker_pass: { basis: 'once_each', priceFen: 2_000 },
};

/** The highest price a standard may name: 10,000 元 per unit. */
export const MAX_PRICE_FEN = 1_000_000;

export interface FeeStandardRow {
  id: string;
  communityId: string;
  item: FeeItem;
  basis: FeeBasis;
  priceFen: number;
  /** Shanghai day (YYYY-MM-DD) the standard is charged from. */
  effectiveFrom: string;
  savedBy: string;
  savedAt: number;
}

export interface FeeStandardInForce {
  item: FeeItem;
  basis: FeeBasis;
  priceFen: number;
  effectiveFrom: string | null;
  /** `community`: set by the community; `default`: the rule book's figure. */
  source: 'community' | 'default';
  id: string | null;
}

/** The newest version of each item effective on or before `day` (ties: the later save), then the rule book's defaults. */
export function standardsInForce(rows: FeeStandardRow[], day: string): FeeStandardInForce[] {
  const best = new Map<FeeItem, FeeStandardRow>();
  for (const r of rows) {
    if (r.effectiveFrom > day) continue;
    const cur = best.get(r.item);
    if (!cur || r.effectiveFrom > cur.effectiveFrom || (r.effectiveFrom === cur.effectiveFrom && (r.savedAt > cur.savedAt || (r.savedAt === cur.savedAt && r.id > cur.id)))) best.set(r.item, r);
  }
  const out: FeeStandardInForce[] = [];
  for (const item of FEE_ITEMS) {
    const r = best.get(item);
    if (r) out.push({ item, basis: r.basis, priceFen: r.priceFen, effectiveFrom: r.effectiveFrom, source: 'community', id: r.id });
    else {
      const d = DEFAULT_FEE_STANDARDS[item];
      if (d) out.push({ item, ...d, effectiveFrom: null, source: 'default', id: null });
    }
  }
  return out;
}

/**
 * One line's amount in fen (R-FEE-4): per-m² bases multiply the area in 0.01 m² (89.50 m² → 8950) by the
 * price per m² and round half up to the fen, in integers only; other bases multiply by the count.
 */
export function lineAmountFen(basis: FeeBasis, priceFen: number, q: { areaM2x100?: number; count?: number }): number {
  if (!Number.isSafeInteger(priceFen) || priceFen < 0) throw new RangeError(`price must be whole fen ≥ 0: ${priceFen}`);
  if (basis === 'per_m2_month' || basis === 'once_per_m2') {
    const area = q.areaM2x100;
    if (area === undefined || !Number.isSafeInteger(area) || area < 0) throw new RangeError(`area must be whole 0.01 m² ≥ 0: ${area}`);
    const n = area * priceFen;
    if (!Number.isSafeInteger(n)) throw new RangeError('amount out of range');
    return Math.floor(n / 100) + (n % 100 >= 50 ? 1 : 0);
  }
  const count = q.count ?? 1;
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0: ${count}`);
  return priceFen * count;
}
