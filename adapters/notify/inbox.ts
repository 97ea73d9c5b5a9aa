import { renderMessage } from '../../core/domain/notifications';
import type { Notifier } from '../../core/ports/notifier';
import type { MessageRow, OutboxRow } from '../../core/ports/store';

function messageOf(msg: OutboxRow, now: number): MessageRow {
  const { title, body } = renderMessage(msg.template, msg.data);
  return { id: `m_${msg.id}`, userId: msg.to, title, body, caseId: msg.data.caseId ?? null, createdAt: now, readAt: null, sourceId: msg.id };
}

/** The in-app message center (消息): one message per outbox message, however often delivered. */
export const inboxNotifier: Notifier = {
  inStore: true,
  async deliver(msg, tx, now) {
    await tx.insertMessage(messageOf(msg, now));
  },
  async deliverAll(msgs, tx, now) {
    await tx.insertMessages(msgs.map((m) => messageOf(m, now)));
  },
};
