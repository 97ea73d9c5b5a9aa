import type { z } from 'zod';
import { fail, type Outcome } from '../../errors';
import type { arriveInput, completeInput, quoteInput } from '../../schemas/workbench';
import { earlyArrival } from '../../domain/case/deadlines';
import { partRefusal, type CaseAction } from '../../access/caseActions';
import { commitCaseEvent } from '../../domain/case/commit';
import { feeCapFen } from '../../domain/case/fee';
import type { CaseView } from '../../domain/case/view';
import type { CaseState } from '../../domain/case/types';
import type { UseCaseContext } from '../context';
import { loadCase, viewAfter } from '../case/loadCase';

/** Only the technician on the work order records its work; another technician gets 403. */
async function ownWorkOrder(ctx: UseCaseContext, id: string, action: CaseAction): Promise<Outcome<CaseState>> {
  const loaded = await loadCase(ctx, id, 'workbench.work');
  if (!loaded.ok) return loaded;
  return partRefusal(ctx.caller!, loaded.data, action) ?? loaded;
}

/**
 * On site: the arrival time is recorded (R-REP-5), meeting the arrival deadline (R-REP-3/4). Before the
 * window agreed with the resident the check-in is refused until the technician confirms it (`early`,
 * after the view's `arrivalWarning`); it is then recorded as early, and not counted as on time.
 */
export async function arrive(ctx: UseCaseContext, input: z.output<ReturnType<typeof arriveInput>>): Promise<Outcome<CaseView>> {
  const own = await ownWorkOrder(ctx, input.id, 'arrive');
  if (!own.ok) return own;
  const early = earlyArrival(own.data, ctx.now) !== null;
  if (early && !input.early) return fail('CASE.EARLY_ARRIVAL');
  const c = ctx.caller!;
  const note = early ? '早于预约时间签到（技师已确认）' : null;
  return viewAfter(ctx, await commitCaseEvent(ctx, own.data, { type: 'arrived', at: ctx.now, by: c.userId, byName: c.name, note }));
}

/**
 * Paid in-home work needs a quote the resident accepts before work starts (R-REP-2); common areas
 * are always free, and an accepted quote is not quoted again (the transition table refuses both).
 * While the resident decides, the clocks pause.
 */
export async function quote(ctx: UseCaseContext, input: z.output<ReturnType<typeof quoteInput>>): Promise<Outcome<CaseView>> {
  const own = await ownWorkOrder(ctx, input.id, 'quote');
  if (!own.ok) return own;
  const c = ctx.caller!;
  return viewAfter(ctx, await commitCaseEvent(ctx, own.data, { type: 'quoted', at: ctx.now, by: c.userId, byName: c.name, note: input.note, feeFen: input.feeFen }));
}

/**
 * Done: result, materials and the fee (R-REP-5). The fee is the accepted quote, never more; free work
 * is 0. The case passes to the desk, who makes the callback.
 */
export async function complete(ctx: UseCaseContext, input: z.output<ReturnType<typeof completeInput>>): Promise<Outcome<CaseView>> {
  const own = await ownWorkOrder(ctx, input.id, 'complete');
  if (!own.ok) return own;
  const s = own.data;
  const accepted = feeCapFen(s);
  const feeFen = input.feeFen ?? accepted;
  if (feeFen > accepted) return fail('INPUT.INVALID', { feeFen: accepted ? '费用不能超过住户已接受的报价' : '未经住户确认报价，不能收取费用' });
  const community = await ctx.tx.community(s.communityId);
  const deskId = community?.responsible.customer_service ?? s.owner;
  const desk = await ctx.tx.userById(deskId);
  const c = ctx.caller!;
  const next = await commitCaseEvent(ctx, s, {
    type: 'completed',
    at: ctx.now,
    by: c.userId,
    byName: c.name,
    note: null,
    result: input.result,
    materials: input.materials,
    feeFen,
    callbackOwner: deskId,
    callbackOwnerName: desk?.name ?? deskId,
  });
  return viewAfter(ctx, next);
}
