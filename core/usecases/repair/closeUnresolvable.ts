import type { z } from 'zod';
import type { Outcome } from '../../errors';
import type { closeUnresolvableInput } from '../../schemas/workbench';
import { commitCaseEvent } from '../../domain/case/commit';
import type { CaseView } from '../../domain/case/view';
import type { UseCaseContext } from '../context';
import { loadCase, viewAfter } from '../case/loadCase';

/** R-ESC-4: only the manager closes a case that cannot be handled, with a written reason. */
export async function closeUnresolvable(ctx: UseCaseContext, input: z.output<ReturnType<typeof closeUnresolvableInput>>): Promise<Outcome<CaseView>> {
  const loaded = await loadCase(ctx, input.id, 'workbench.closeUnresolvable');
  if (!loaded.ok) return loaded;
  const c = ctx.caller!;
  return viewAfter(ctx, await commitCaseEvent(ctx, loaded.data, { type: 'closedUnresolvable', at: ctx.now, by: c.userId, byName: c.name, note: input.reason }));
}
