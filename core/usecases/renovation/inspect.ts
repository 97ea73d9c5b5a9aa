import type { z } from 'zod';
import { ok, type Outcome } from '../../errors';
import type { inspectInput, RenovationView } from '../../schemas/renovation';
import type { UseCaseContext } from '../context';
import { byName, checkFiles, commit, loadRenovation, settingsOf, viewOf } from './shared';

/**
 * renovation.inspect (R-REN-8): one inspection recorded with its checklist, findings and photos; the
 * next is due one interval later (default 2 days). A missed one escalates through the sweep.
 */
export async function inspect(ctx: UseCaseContext, input: z.output<ReturnType<typeof inspectInput>>): Promise<Outcome<RenovationView>> {
  const found = await loadRenovation(ctx, input.id, 'manage');
  if (!found.ok) return found;
  const { s, viewer } = found.data;
  const files = await checkFiles(ctx, input.photos ?? []);
  if (!files.ok) return files;
  const settings = await settingsOf(ctx.tx, s.communityId);
  const next = await commit(ctx, s, [
    {
      type: 'inspected',
      ...byName(ctx),
      passed: input.passed,
      findings: input.findings,
      checklist: { ...(input.checklist ?? {}) },
      photos: input.photos ?? [],
      internalNote: input.internalNote ?? null,
      nextDueAt: ctx.now + settings.inspectionIntervalMs,
    },
  ]);
  return ok(await viewOf(ctx, next, viewer));
}
