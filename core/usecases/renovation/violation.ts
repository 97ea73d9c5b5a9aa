import type { z } from 'zod';
import { fail, ok, type Outcome } from '../../errors';
import type { RenovationView, violationInput } from '../../schemas/renovation';
import { parseIso, toIso } from '../../time';
import type { UseCaseContext } from '../context';
import { byName, checkFiles, commit, loadRenovation, messages, viewOf } from './shared';

/**
 * renovation.violation (R-REN-9): a written violation notice (装修违章处理通知单) with a deadline, its
 * proofs kept; the applicant is told. Ignored past the deadline, the sweep marks a report to the
 * authority due.
 */
export async function violation(ctx: UseCaseContext, input: z.output<ReturnType<typeof violationInput>>): Promise<Outcome<RenovationView>> {
  const found = await loadRenovation(ctx, input.id, 'manage');
  if (!found.ok) return found;
  const { s, viewer } = found.data;
  const files = await checkFiles(ctx, input.proofs ?? []);
  if (!files.ok) return files;
  const deadline = parseIso(input.deadline);
  if (!(deadline > ctx.now)) return fail('INPUT.INVALID', { deadline: '整改期限应晚于现在' });
  const violationId = ctx.ids.next('rv');
  const next = await commit(ctx, s, [
    { type: 'violation_noticed', ...byName(ctx), violationId, description: input.description, deadline, stopOrder: input.stopOrder ?? false, proofs: input.proofs ?? [] },
  ]);
  await ctx.tx.enqueue(messages(ctx, [s.applicantId], 'renovation.violation', { householdId: s.householdId, number: s.number, description: input.description.slice(0, 100), deadline: toIso(deadline).slice(0, 16).replace('T', ' '), renovationId: s.id }));
  return ok(await viewOf(ctx, next, viewer));
}
