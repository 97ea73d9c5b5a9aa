import type { z } from 'zod';
import { documentsOf, filesOf, missingDocuments } from '../../domain/renovation/documents';
import { RENOVATION_RULES } from '../../domain/renovation/rules';
import type { RenoDocuments } from '../../domain/renovation/state';
import { ok, type Outcome } from '../../errors';
import type { RenovationView, resubmitInput } from '../../schemas/renovation';
import type { UseCaseContext } from '../context';
import { feesFor } from './fees';
import { byName, checkFiles, commit, loadRenovation, messages, missingFailure, staffWith, viewOf } from './shared';

/**
 * renovation.resubmit (R-REN-6): after a return, the household's resident sends what was missing or
 * wrong. The documents given replace those of the same name (the worker register as a whole); the
 * application must then be complete (else refused with the list again); fees follow the new register.
 */
export async function resubmit(ctx: UseCaseContext, input: z.output<ReturnType<typeof resubmitInput>>): Promise<Outcome<RenovationView>> {
  const found = await loadRenovation(ctx, input.id, 'own');
  if (!found.ok) return found;
  const { s, viewer } = found.data;
  const given = documentsOf(input.documents);
  const d = input.documents;
  const documents: RenoDocuments = {
    form: d.form !== undefined ? given.form : s.documents.form,
    drawings: d.drawings !== undefined ? given.drawings : s.documents.drawings,
    workers: d.workers !== undefined ? given.workers : s.documents.workers,
    licence: d.licence !== undefined ? given.licence : s.documents.licence,
    qualification: d.qualification !== undefined ? given.qualification : s.documents.qualification,
    authority: d.authority !== undefined ? given.authority : s.documents.authority,
    powerOfAttorney: d.powerOfAttorney !== undefined ? given.powerOfAttorney : s.documents.powerOfAttorney,
    delegateId: d.delegateId !== undefined ? given.delegateId : s.documents.delegateId,
  };
  const files = await checkFiles(ctx, filesOf(given), filesOf(s.documents));
  if (!files.ok) return files;
  const plan = input.plan ?? s.plan;
  const rulesAccepted = input.rulesAccepted ?? s.rulesAccepted;
  const missing = missingDocuments({ applicant: s.applicant, plan, structuralChange: s.structuralChange, rulesAccepted }, documents);
  if (missing.length) return missingFailure(missing);
  const fees = await feesFor(ctx.tx, s.communityId, ctx.now, { ...s, workers: documents.workers.length });
  const next = await commit(ctx, s, [{ type: 'resubmitted', ...byName(ctx), documents, plan: input.plan ?? null, rulesAccepted: input.rulesAccepted ?? null, rulesVersion: input.rulesAccepted ? RENOVATION_RULES.version : null, fees }]);
  const officers = await staffWith(ctx.tx, s.communityId, ['renovation_officer']);
  await ctx.tx.enqueue(messages(ctx, officers, 'renovation.submitted', { householdId: s.householdId, number: s.number, renovationId: s.id }));
  return ok(await viewOf(ctx, next, viewer));
}
