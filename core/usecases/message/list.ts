import { requireAccess } from '../../access/requireAccess';
import { ok, type Outcome } from '../../errors';
import { toIso } from '../../time';
import type { UseCaseContext } from '../context';

/** The caller's message center (消息), newest first. */
export async function listMessages(ctx: UseCaseContext, _input: Record<string, never>) {
  const access = requireAccess(ctx.caller, 'message.read');
  if (!access.ok) return access;
  const rows = await ctx.tx.messagesOf(ctx.caller!.userId, 100);
  const items = rows.map((m) => ({ id: m.id, title: m.title, body: m.body, caseId: m.caseId, createdAt: toIso(m.createdAt), read: m.readAt !== null }));
  return ok({ items, unread: items.filter((m) => !m.read).length }) as Outcome<{ items: typeof items; unread: number }>;
}
