import type { z } from 'zod';
import type { Outcome } from '../../errors';
import type { closeInput } from '../../schemas/workbench';
import { commitCaseEvent } from '../../domain/case/commit';
import type { CaseView } from '../../domain/case/view';
import type { UseCaseContext } from '../context';
import { loadCase, viewAfter } from '../case/loadCase';

/**
 * 结案归档: a complaint answered as invalid is closed once the answer is given. Nothing is deleted: the
 * case and every event stay on record (建档保存, R-INT-4); an answered complaint closes by its callback.
 */
export async function close(ctx: UseCaseContext, input: z.output<ReturnType<typeof closeInput>>): Promise<Outcome<CaseView>> {
  const loaded = await loadCase(ctx, input.id, 'workbench.reply');
  if (!loaded.ok) return loaded;
  const c = ctx.caller!;
  const next = await commitCaseEvent(ctx, loaded.data, { type: 'closed', at: ctx.now, by: c.userId, byName: c.name, note: input.note ?? null });
  return viewAfter(ctx, next);
}
