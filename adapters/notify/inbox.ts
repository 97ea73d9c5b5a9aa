import { renderMessage } from '../../core/domain/notifications';
import type { Notifier } from '../../core/ports/notifier';

/** The in-app message center (消息): one message per outbox message, however often delivered. */
export const inboxNotifier: Notifier = {
  inStore: true,
  async deliver(msg, tx, now) {
    const { title, body } = renderMessage(msg.template, msg.data);
    await tx.insertMessage({
      id: `m_${msg.id}`,
      userId: msg.to,
      title,
      body,
      caseId: msg.data.caseId ?? null,
      createdAt: now,
      readAt: null,
      sourceId: msg.id,
    });
  },
};
