import type { z } from 'zod';
import { ok, type Outcome } from '../../errors';
import type { RenovationView, resolveViolationInput } from '../../schemas/renovation';
import type { UseCaseContext } from '../context';
import { byName, checkFiles, commit, loadRenovation, viewOf } from './shared';

/** renovation.resolveViolation (R-REN-9): a notice closed as rectified, or the written report to the authority recorded, with proofs. */
export async function resolveViolation(ctx: UseCaseContext, input: z.output<ReturnType<typeof resolveViolationInput>>): Promise<Outcome<RenovationView>> {
  const found = await loadRenovation(ctx, input.id, 'manage');
  if (!found.ok) return found;
  const { s, viewer } = found.data;
  const files = await checkFiles(ctx, input.proofs ?? []);
  if (!files.ok) return files;
  const next = await commit(ctx, s, [{ type: 'violation_resolved', ...byName(ctx), violationId: input.violationId, outcome: input.outcome, note: input.note, proofs: input.proofs ?? [] }]);
  return ok(await viewOf(ctx, next, viewer));
}
