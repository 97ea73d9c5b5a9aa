import type { z } from 'zod';
import type { Outcome } from '../../errors';
import type { replyInput } from '../../schemas/workbench';
import { commitCaseEvent } from '../../domain/case/commit';
import type { CaseView } from '../../domain/case/view';
import type { UseCaseContext } from '../context';
import { loadCase, viewAfter } from '../case/loadCase';

/** Answers a consultation, suggestion, praise or help request; the resident is told (案结事了). */
export async function reply(ctx: UseCaseContext, input: z.output<typeof replyInput>): Promise<Outcome<CaseView>> {
  const loaded = await loadCase(ctx, input.id, 'workbench.reply');
  if (!loaded.ok) return loaded;
  const s = loaded.data;
  const c = ctx.caller!;
  const next = await commitCaseEvent(ctx, s, { type: 'replied', at: ctx.now, by: c.userId, byName: c.name, note: input.note });
  return viewAfter(ctx, next);
}
