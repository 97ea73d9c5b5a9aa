import type { z } from 'zod';
import { requireAccess } from '../../access/requireAccess';
import { fail, ok, type Outcome } from '../../errors';
import { fenToYuan } from '../../money';
import { FEE_BASIS_LABELS, FEE_ITEM_LABELS, standardsInForce } from '../../domain/fees/standards';
import type { standardsInput, StandardsOutput } from '../../schemas/fee';
import { dayOf } from '../../shanghai';
import type { UseCaseContext } from '../context';
import { ownHousehold } from './views';

/** What the standards rest on (收费依据), published with them (R-FEE-2). */
export const FEE_BASIS_TEXT =
  '依据《物业管理条例》及当地物价主管部门有关物业服务收费的规定，按物业服务合同约定的标准收取；收费标准在小区公示栏同步公示，如有调整将提前公示。';

/** A resident reads the charging standards in force today in their household's community, with their basis (R-FEE-2). */
export async function standards(ctx: UseCaseContext, input: z.output<ReturnType<typeof standardsInput>>): Promise<Outcome<StandardsOutput>> {
  const pre = requireAccess(ctx.caller, 'fee.readOwn');
  if (!pre.ok) return pre;
  const householdId = input.householdId ?? ctx.caller!.households[0]?.householdId;
  if (!householdId) return fail('HOUSEHOLD.NOT_BOUND');
  const h = await ownHousehold(ctx, householdId);
  if (!h.ok) return h;
  const community = await ctx.tx.community(h.data.communityId);
  if (!community) return fail('HOUSEHOLD.NOT_FOUND');
  const day = dayOf(ctx.now);
  const items = standardsInForce(await ctx.tx.feeStandards(community.id), day)
    .filter((s) => !s.item.startsWith('reno_') || s.source === 'community')
    .map((s) => ({
      item: s.item,
      label: FEE_ITEM_LABELS[s.item],
      basis: s.basis,
      basisLabel: FEE_BASIS_LABELS[s.basis],
      priceFen: s.priceFen,
      priceText: `${fenToYuan(s.priceFen)} ${FEE_BASIS_LABELS[s.basis]}`,
      effectiveFrom: s.effectiveFrom,
      source: s.source,
    }));
  return ok({ communityId: community.id, communityName: community.name, day, items, basis: FEE_BASIS_TEXT });
}
