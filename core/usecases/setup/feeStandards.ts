import type { z } from 'zod';
import { fail, ok, type Outcome } from '../../errors';
import { fenToYuan } from '../../money';
import { FEE_BASIS_LABELS, FEE_ITEM_LABELS, FEE_ITEMS, ITEM_BASES, standardsInForce, type FeeStandardRow } from '../../domain/fees/standards';
import type { feeStandardsInput, saveFeeStandardInput } from '../../schemas/setupSettings';
import { at, dayOf } from '../../shanghai';
import { toIso } from '../../time';
import type { Tx } from '../../ports/store';
import type { UseCaseContext } from '../context';
import { communityFor } from './scope';

const YEAR_MS = 366 * 86_400_000;
const price = (priceFen: number, basis: FeeStandardRow['basis']) => `${fenToYuan(priceFen)} ${FEE_BASIS_LABELS[basis]}`;

async function feeView(tx: Tx, communityId: string, day: string) {
  const rows = await tx.feeStandards(communityId);
  const names = new Map((await tx.usersByIds([...new Set(rows.map((r) => r.savedBy))])).map((u) => [u.id, u.name]));
  const inForce = standardsInForce(rows, day);
  const inForceIds = new Set(inForce.map((s) => s.id));
  return {
    communityId,
    day,
    inForce: inForce.map((s) => ({ ...s, itemLabel: FEE_ITEM_LABELS[s.item], basisLabel: FEE_BASIS_LABELS[s.basis], priceText: price(s.priceFen, s.basis) })),
    history: rows.map((r) => ({
      id: r.id,
      item: r.item,
      itemLabel: FEE_ITEM_LABELS[r.item],
      basis: r.basis,
      priceFen: r.priceFen,
      priceText: price(r.priceFen, r.basis),
      effectiveFrom: r.effectiveFrom,
      savedAt: toIso(r.savedAt),
      savedBy: names.get(r.savedBy) ?? r.savedBy,
      state: r.effectiveFrom > day ? ('upcoming' as const) : inForceIds.has(r.id) ? ('in_force' as const) : ('superseded' as const),
    })),
    items: FEE_ITEMS.map((item) => ({ item, label: FEE_ITEM_LABELS[item], bases: ITEM_BASES[item].map((b) => ({ basis: b, label: FEE_BASIS_LABELS[b] })) })),
  };
}
export type FeeStandardsView = Awaited<ReturnType<typeof feeView>>;

/** 经理 reads the fee standards of one of their communities: in force on a day (default today), and every version. */
export async function feeStandards(ctx: UseCaseContext, input: z.output<ReturnType<typeof feeStandardsInput>>): Promise<Outcome<FeeStandardsView>> {
  const scope = communityFor(ctx.caller, 'setup.settings', input.communityId);
  if (!scope.ok) return scope;
  return ok(await feeView(ctx.tx, scope.data.communityId, input.day ?? dayOf(ctx.now)));
}

/**
 * 经理 sets a fee standard from a day (R-FEE-1, R-FEE-4: integer fen): a new version, never an edit; an
 * item is charged only on the bases it allows; the day may not be in the past (bills already issued
 * were made from what was in force then).
 */
export async function saveFeeStandard(ctx: UseCaseContext, input: z.output<ReturnType<typeof saveFeeStandardInput>>): Promise<Outcome<FeeStandardsView>> {
  const scope = communityFor(ctx.caller, 'setup.settings', input.communityId);
  if (!scope.ok) return scope;
  const { communityId, caller } = scope.data;
  const today = dayOf(ctx.now);
  const fields: Record<string, string> = {};
  if (!ITEM_BASES[input.item].includes(input.basis)) {
    fields.basis = `${FEE_ITEM_LABELS[input.item]}只能按 ${ITEM_BASES[input.item].map((b) => FEE_BASIS_LABELS[b]).join(' 或 ')} 计费`;
  }
  if (input.effectiveFrom < today) fields.effectiveFrom = '生效日期不能早于今天（已生效的标准保留为历史，不能改写）';
  else if (at(input.effectiveFrom) > ctx.now + YEAR_MS) fields.effectiveFrom = '生效日期不能晚于一年之后';
  if (Object.keys(fields).length) return fail('INPUT.INVALID', fields);
  await ctx.tx.insertFeeStandard({ id: ctx.ids.next('fs'), communityId, item: input.item, basis: input.basis, priceFen: input.priceFen, effectiveFrom: input.effectiveFrom, savedBy: caller.userId, savedAt: ctx.now });
  return ok(await feeView(ctx.tx, communityId, today));
}
