import type { z } from 'zod';
import { requireAccess } from '../../access/requireAccess';
import { fail, type Outcome } from '../../errors';
import type { submitCaseInput } from '../../schemas/case';
import type { CaseView } from '../../domain/case/view';
import type { UseCaseContext } from '../context';
import { dutyShiftAt } from '../../domain/community/rota';
import { openCase } from './openCase';
import { creationCount, withinCreationLimit } from './creationRate';

/** A bound resident submits a case for their own household (R-ACC-1, R-ACC-4, R-INT-2). */
export async function submitCase(ctx: UseCaseContext, input: z.output<ReturnType<typeof submitCaseInput>>): Promise<Outcome<CaseView>> {
  const pre = requireAccess(ctx.caller, 'case.submit');
  if (!pre.ok) return pre;
  // One read for the household, its community and staff, the creation count and the photos (checked below in order).
  const at = await ctx.tx.caseOpening(input.householdId, { ...creationCount(ctx, 'submit'), duty: dutyShiftAt(ctx.now), files: input.photos, bindings: false });
  const household = at?.household;
  const access = requireAccess(ctx.caller, 'case.submit', {
    communityId: household?.communityId ?? '',
    householdId: input.householdId,
    notFound: 'HOUSEHOLD.NOT_FOUND',
  });
  if (!access.ok) return access;
  if (!at || !household) return fail('HOUSEHOLD.NOT_FOUND');
  const rate = withinCreationLimit(ctx, 'submit', at.opened);
  if (!rate.ok) return rate;

  const c = ctx.caller!;
  const binding = c.households.find((h) => h.householdId === household.id);
  const { requestId: _r, householdId: _h, ...fields } = input;
  return openCase(ctx, at, fields, {
    channel: 'miniprogram',
    contactName: binding?.contactName ?? c.name,
    contactPhone: binding?.contactPhone ?? '',
    submittedBy: c.userId,
    recordedBy: { id: c.userId, name: binding?.contactName ?? c.name },
  });
}
