import type { z } from 'zod';
import { requireAccess } from '../../access/requireAccess';
import { fail, type Outcome } from '../../errors';
import type { intakeInput } from '../../schemas/workbench';
import type { CaseView } from '../../domain/case/view';
import type { UseCaseContext } from '../context';
import { viewAfter } from '../case/loadCase';
import { openCase } from '../case/openCase';
import { withinCreationLimit } from '../case/creationRate';

/**
 * The front desk records a phone call, visit or letter on a resident's behalf (R-INT-3): the same case,
 * the same clocks, the channel recorded. The household's bound resident (if any) sees it in the app.
 */
export async function intake(ctx: UseCaseContext, input: z.output<typeof intakeInput>): Promise<Outcome<CaseView>> {
  const pre = requireAccess(ctx.caller, 'workbench.intake');
  if (!pre.ok) return pre;
  const household = await ctx.tx.household(input.householdId);
  if (!household) return fail('HOUSEHOLD.NOT_FOUND');
  const access = requireAccess(ctx.caller, 'workbench.intake', { communityId: household.communityId, notFound: 'HOUSEHOLD.NOT_FOUND' });
  if (!access.ok) return access;
  const rate = await withinCreationLimit(ctx, 'intake');
  if (!rate.ok) return rate;

  const c = ctx.caller!;
  const bound = (await ctx.tx.bindingsInCommunities([household.communityId], 'approved')).find(
    (b) => b.householdId === household.id && b.phone === input.contactPhone,
  );
  const { requestId: _r, householdId: _h, channel, contactName, contactPhone, ...fields } = input;
  const opened = await openCase(ctx, household, fields, {
    channel,
    contactName,
    contactPhone,
    submittedBy: bound?.userId ?? 'system',
    recordedBy: { id: c.userId, name: c.name },
  });
  if (!opened.ok) return opened;
  return viewAfter(ctx, opened.data.state);
}
