import type { z } from 'zod';
import { requireAccess } from '../../access/requireAccess';
import { formatCaseNumber } from '../../domain/case/number';
import { documentsOf, filesOf, missingDocuments } from '../../domain/renovation/documents';
import { areaX100 } from '../../domain/renovation/fees';
import { RENOVATION_RULES } from '../../domain/renovation/rules';
import { transition, type RenovationEvent } from '../../domain/renovation/state';
import { fail, ok, type Outcome } from '../../errors';
import type { applyInput, ApplyOutput } from '../../schemas/renovation';
import { dayOf } from '../../shanghai';
import type { UseCaseContext } from '../context';
import { feesFor, quoteOf } from './fees';
import { checkFiles, messages, missingFailure, staffWith } from './shared';

/**
 * renovation.apply (R-REN-1..5): the owner, or a delegate bound to the household with a power of
 * attorney and their ID, applies with the complete documents (else refused with the list of what is
 * missing) and the rules accepted; the fees come from the community's standards. Idempotent per
 * requestId (the dispatcher replays the first answer). The officers of the community are told.
 */
export async function apply(ctx: UseCaseContext, input: z.output<ReturnType<typeof applyInput>>): Promise<Outcome<ApplyOutput>> {
  const pre = requireAccess(ctx.caller, 'renovation.apply');
  if (!pre.ok) return pre;
  const c = ctx.caller!;
  const mine = c.households.find((h) => h.householdId === input.householdId);
  if (!mine) return fail('HOUSEHOLD.NOT_FOUND');
  // R-REN-1: the owner themself, or a delegate (any resident bound to it) with the power of attorney.
  if (input.applicant === 'owner' && mine.relation !== 'owner') return fail('RENOVATION.NOT_OWNER');
  const household = await ctx.tx.household(input.householdId);
  if (!household || household.communityId !== mine.communityId) return fail('HOUSEHOLD.NOT_FOUND');
  const documents = documentsOf(input.documents);
  const files = await checkFiles(ctx, filesOf(documents));
  if (!files.ok) return files;
  const missing = missingDocuments(input, documents);
  if (missing.length) return missingFailure(missing);

  const application = {
    applicant: input.applicant,
    plan: input.plan,
    structuralChange: input.structuralChange,
    areaM2x100: areaX100(input.areaM2),
    demolitionM2x100: input.demolitionM2 === undefined ? null : areaX100(input.demolitionM2),
    secondRenovation: input.secondRenovation ?? false,
    premises: input.premises ?? 'home',
    startDate: input.startDate,
    endDate: input.endDate,
    rulesAccepted: input.rulesAccepted,
    rulesVersion: RENOVATION_RULES.version,
  };
  const fees = await feesFor(ctx.tx, household.communityId, ctx.now, { ...application, workers: documents.workers.length });
  const key = { prefix: 'ZX', day: dayOf(ctx.now).replace(/-/g, '') };
  const number = formatCaseNumber(key, await ctx.tx.nextCaseSequence(household.communityId, key.prefix, key.day));
  const e: RenovationEvent = {
    type: 'submitted',
    at: ctx.now,
    by: c.userId,
    byName: c.name,
    id: ctx.ids.next('reno'),
    number,
    communityId: household.communityId,
    householdId: household.id,
    application,
    documents,
    fees,
  };
  const r = transition(undefined, e);
  if (!r.ok) return fail(r.code);
  await ctx.tx.insertRenovation(r.next, null, [e]);
  const officers = await staffWith(ctx.tx, household.communityId, ['renovation_officer']);
  await ctx.tx.enqueue(messages(ctx, officers, 'renovation.submitted', { householdId: household.id, number, renovationId: e.id }));
  const q = quoteOf(fees);
  return ok({ id: e.id, number, status: r.next.status, fees: q.fees, totalFen: q.totalFen, missing: [] });
}
