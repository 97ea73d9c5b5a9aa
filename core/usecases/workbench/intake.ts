import type { z } from 'zod';
import { requireAccess } from '../../access/requireAccess';
import { fail, type Outcome } from '../../errors';
import type { intakeInput } from '../../schemas/workbench';
import type { CaseView } from '../../domain/case/view';
import type { UseCaseContext } from '../context';
import { dutyShiftAt } from '../../domain/community/rota';
import { openCase } from '../case/openCase';
import { creationCount, withinCreationLimit } from '../case/creationRate';

/**
 * The front desk records a phone call, visit or letter on a resident's behalf (R-INT-3): the same case,
 * the same clocks, the channel recorded. The household's bound resident (if any) sees it in the app.
 */
export async function intake(ctx: UseCaseContext, input: z.output<ReturnType<typeof intakeInput>>): Promise<Outcome<CaseView>> {
  const pre = requireAccess(ctx.caller, 'workbench.intake');
  if (!pre.ok) return pre;
  // One read for the household, its community and staff, the creation count, the photos and its approved bindings.
  const at = await ctx.tx.caseOpening(input.householdId, { ...creationCount(ctx, 'intake'), duty: dutyShiftAt(ctx.now), files: input.photos, bindings: true });
  if (!at) return fail('HOUSEHOLD.NOT_FOUND');
  const { household } = at;
  const access = requireAccess(ctx.caller, 'workbench.intake', { communityId: household.communityId, notFound: 'HOUSEHOLD.NOT_FOUND' });
  if (!access.ok) return access;
  const rate = withinCreationLimit(ctx, 'intake', at.opened);
  if (!rate.ok) return rate;

  const c = ctx.caller!;
  // The caller's number matches a resident bound to the household: the case is theirs too.
  const bound = at.bindings.find((b) => b.phone === input.contactPhone);
  const { requestId: _r, householdId: _h, channel, contactName, contactPhone, ...fields } = input;
  return openCase(ctx, at, fields, {
    channel,
    contactName,
    contactPhone,
    submittedBy: bound?.userId ?? 'system',
    recordedBy: { id: c.userId, name: c.name },
  });
}
