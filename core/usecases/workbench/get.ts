import type { z } from 'zod';
import type { Outcome } from '../../errors';
import type { workbenchGetInput } from '../../schemas/workbench';
import type { CaseView } from '../../domain/case/view';
import type { UseCaseContext } from '../context';
import { loadCase, viewAfter } from '../case/loadCase';

/**
 * One case with its whole timeline, for staff whose role reaches it (R-ACC-3); its fields as their role
 * may see them — the full phone for those who contact the resident (R-ACC-5).
 */
export async function workbenchGet(ctx: UseCaseContext, input: z.output<ReturnType<typeof workbenchGetInput>>): Promise<Outcome<CaseView>> {
  const loaded = await loadCase(ctx, input.id, 'workbench.read');
  if (!loaded.ok) return loaded;
  return viewAfter(ctx, loaded.data);
}
