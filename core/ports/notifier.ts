import type { OutboxRow, Tx } from './store';

/**
 * Delivers one outbox message on one channel. The in-app message center writes inside the store's
 * transaction (so a delivery retried after a crash stores the message once); WeChat channels call out.
 */
export interface Notifier {
  /** Delivers by writing to the store itself: a batch can then share one transaction (one fsync). */
  readonly inStore?: boolean;
  deliver(message: OutboxRow, tx: Tx, now: number): Promise<void>;
  /** Delivers several at once, as `deliver` each would (an in-store channel writes them in one statement). */
  deliverAll?(messages: OutboxRow[], tx: Tx, now: number): Promise<void>;
}
