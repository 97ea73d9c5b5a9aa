import type { z } from 'zod';
import type { Outcome } from '../../errors';
import type { contactInput } from '../../schemas/workbench';
import { commitCaseEvent } from '../../domain/case/commit';
import type { CaseView } from '../../domain/case/view';
import type { UseCaseContext } from '../context';
import { loadCase, viewAfter } from '../case/loadCase';

/**
 * The complaint's person contacts the resident first (R-CMP-3): recorded with what was said (a staff
 * note, not shown to the household). The first contact meets the `contact` clock (重大: the clear reply).
 */
export async function contact(ctx: UseCaseContext, input: z.output<ReturnType<typeof contactInput>>): Promise<Outcome<CaseView>> {
  const loaded = await loadCase(ctx, input.id, 'workbench.reply');
  if (!loaded.ok) return loaded;
  const c = ctx.caller!;
  const next = await commitCaseEvent(ctx, loaded.data, { type: 'contacted', at: ctx.now, by: c.userId, byName: c.name, note: input.note });
  return viewAfter(ctx, next);
}
