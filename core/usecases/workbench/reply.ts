import type { z } from 'zod';
import type { Outcome } from '../../errors';
import type { replyInput } from '../../schemas/workbench';
import { commitCaseEvent } from '../../domain/case/commit';
import type { CaseView } from '../../domain/case/view';
import type { UseCaseContext } from '../context';
import { loadCase, viewAfter } from '../case/loadCase';
import { complaintCallbackOwner } from '../complaint/callbackOwner';

/**
 * Answers a consultation, suggestion, praise or help request; the resident is told (案结事了). For a
 * complaint: the result told to the resident, the day handling ends (R-CMP-3); the callback then falls to
 * a designated person who is not the handler (complaintCallbackOwner).
 */
export async function reply(ctx: UseCaseContext, input: z.output<ReturnType<typeof replyInput>>): Promise<Outcome<CaseView>> {
  const loaded = await loadCase(ctx, input.id, 'workbench.reply');
  if (!loaded.ok) return loaded;
  const s = loaded.data;
  const c = ctx.caller!;
  const callbackOwner = s.complaint ? await complaintCallbackOwner(ctx, s, c.userId) : undefined;
  const next = await commitCaseEvent(ctx, s, { type: 'replied', at: ctx.now, by: c.userId, byName: c.name, note: input.note, ...(callbackOwner ? { callbackOwner } : {}) });
  return viewAfter(ctx, next);
}
