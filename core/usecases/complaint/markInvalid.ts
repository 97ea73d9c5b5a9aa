import type { z } from 'zod';
import type { Outcome } from '../../errors';
import type { markInvalidInput } from '../../schemas/workbench';
import { commitCaseEvent } from '../../domain/case/commit';
import type { CaseView } from '../../domain/case/view';
import type { UseCaseContext } from '../context';
import { loadCase, viewAfter } from '../case/loadCase';

/** 无效投诉 (R-CMP-5): still answered — the resident is told the reason — and kept on record. */
export async function markInvalid(ctx: UseCaseContext, input: z.output<ReturnType<typeof markInvalidInput>>): Promise<Outcome<CaseView>> {
  const loaded = await loadCase(ctx, input.id, 'workbench.reply');
  if (!loaded.ok) return loaded;
  const c = ctx.caller!;
  const next = await commitCaseEvent(ctx, loaded.data, { type: 'markedInvalid', at: ctx.now, by: c.userId, byName: c.name, note: input.reason });
  return viewAfter(ctx, next);
}
