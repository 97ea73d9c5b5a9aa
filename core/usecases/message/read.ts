import type { z } from 'zod';
import { requireAccess } from '../../access/requireAccess';
import { ok, type Outcome } from '../../errors';
import type { messageReadInput } from '../../schemas/message';
import type { UseCaseContext } from '../context';

/** Marks the caller's own messages read; others' ids are ignored. */
export async function readMessages(ctx: UseCaseContext, input: z.output<ReturnType<typeof messageReadInput>>): Promise<Outcome<{ done: true }>> {
  const access = requireAccess(ctx.caller, 'message.read');
  if (!access.ok) return access;
  await ctx.tx.markMessagesRead(ctx.caller!.userId, input.ids, ctx.now);
  return ok({ done: true });
}
