import type { z } from 'zod';
import { requireAccess } from '../../access/requireAccess';
import { ok, type Outcome } from '../../errors';
import { badCursor, newestCursor, PAGE_LIMITS } from '../../domain/pageCursor';
import type { messageListInput } from '../../schemas/message';
import { toIso } from '../../time';
import type { UseCaseContext } from '../context';

/** The caller's message center (消息), newest first, a page at a time; `unread` counts all of them. */
export async function listMessages(ctx: UseCaseContext, input: z.output<ReturnType<typeof messageListInput>>) {
  const access = requireAccess(ctx.caller, 'message.read');
  if (!access.ok) return access;
  const after = input.cursor === undefined ? undefined : newestCursor.decode('m', input.cursor);
  if (after === null) return badCursor();
  const userId = ctx.caller!.userId;
  const [rows, unread] = await Promise.all([ctx.tx.messagesOf(userId, PAGE_LIMITS.messages + 1, after), ctx.tx.unreadMessages(userId)]);
  const page = rows.slice(0, PAGE_LIMITS.messages);
  const items = page.map((m) => ({ id: m.id, title: m.title, body: m.body, caseId: m.caseId, createdAt: toIso(m.createdAt), read: m.readAt !== null }));
  const last = page[page.length - 1];
  const cursor = rows.length > page.length ? newestCursor.encode('m', { createdAt: last.createdAt, id: last.id }) : null;
  return ok({ items, unread, cursor }) as Outcome<{ items: typeof items; unread: number; cursor: string | null }>;
}
