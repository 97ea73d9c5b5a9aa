import type { Notifier, PushSender } from '../../ports/notifier';
import type { Deps } from '../../ports/runtime';
import type { OutboxRow, Tx } from '../../ports/store';
import { MINUTE, HOUR } from '../../time';
import { fanOut } from './fanOut';

/** The message center, and the push channels a delivered message fans out to (fanOut.ts). */
export interface Deliverers {
  inbox?: Notifier;
  wechat?: PushSender;
  wecom?: PushSender;
}

const notifierOf = (d: Deliverers, msg: OutboxRow) => (msg.channel === 'inbox' ? d.inbox : undefined);

/** Delivers into the store and fans out, in the caller's transaction. */
async function deliverOne(d: Deliverers, msg: OutboxRow, tx: Tx, now: number) {
  await notifierOf(d, msg)!.deliver(msg, tx, now);
  await fanOut(tx, msg, now, d);
}

export const MAX_ATTEMPTS = 10;

/**
 * The transaction as a write's use case sees it when some channels deliver by writing to the store (the
 * message center): what it enqueues for them is delivered right there — the messages written in one
 * statement per channel, their outbox rows written as delivered — in the same transaction, so they
 * commit (or roll back, with a savepoint too) together. Other channels are enqueued pending, for `deliverDue`;
 * `onPending` hears of those (a write that left nothing pending needs no delivery pass after it).
 */
export function deliveringInStore(tx: Tx, now: number, notifiers: Deliverers, onPending?: () => void): Tx {
  // Object.assign, not `{ ...tx, enqueue }`: spreading a Tx (~130 methods) in a literal takes V8's slow
  // path (milliseconds per call; adapters/store/sql/sqlTx.ts).
  const delivering: Pick<Tx, 'enqueue'> = {
    async enqueue(messages, deliveredAt) {
      if (deliveredAt !== undefined) return tx.enqueue(messages, deliveredAt);
      const inStore = (m: { channel: OutboxRow['channel'] }) => notifierOf(notifiers, m as OutboxRow)?.inStore === true;
      const here = messages.filter(inStore);
      const later = messages.filter((m) => !inStore(m));
      if (here.length) {
        const rows: OutboxRow[] = here.map((m) => ({ ...m, status: 'pending', attempts: 0, nextAttemptAt: m.createdAt, deliveredAt: null, lastError: null }));
        await deliverAll(notifiers.inbox!, rows, tx, now);
        // What the message center got also goes out as pushes where configured and consented (fanOut.ts).
        for (const row of rows) await fanOut(tx, row, now, notifiers);
        await tx.enqueue(here, now);
      }
      if (later.length) {
        await tx.enqueue(later);
        onPending?.();
      }
    },
  };
  return Object.assign({}, tx, delivering);
}

/** One call for a batch when the notifier can (one statement for the message center), else one per message. */
async function deliverAll(notifier: Notifier, messages: OutboxRow[], tx: Tx, now: number) {
  if (notifier.deliverAll) return notifier.deliverAll(messages, tx, now);
  for (const msg of messages) await notifier.deliver(msg, tx, now);
}

/** Retry schedule: 1, 2, 4 … minutes, at most an hour apart. */
export const retryDelay = (attempts: number) => Math.min(2 ** Math.max(0, attempts - 1) * MINUTE, HOUR);

/**
 * Delivers the outbox messages that are due, with retries. A message is marked delivered in the same
 * transaction as an in-store delivery, so a crash between the two cannot deliver it twice. When every
 * due message goes to an in-store channel, the whole batch shares one transaction; otherwise (or if
 * that batch fails) each message gets its own, so one bad message cannot hold up the others.
 */
export async function deliverDue(deps: Pick<Deps, 'store' | 'clock' | 'log'>, notifiers: Deliverers, limit = 100) {
  const now = deps.clock.now();
  const batch = await deps.store
    .transaction(async (tx) => {
      const due = await tx.dueOutbox(now, limit);
      if (!due.every((m) => notifierOf(notifiers, m)?.inStore)) return { done: false as const, due };
      for (const msg of due) {
        await deliverOne(notifiers, msg, tx, now);
        await tx.markOutbox(msg.id, { status: 'delivered', attempts: msg.attempts + 1, nextAttemptAt: msg.nextAttemptAt, deliveredAt: now, lastError: null });
      }
      return { done: true as const, due };
    })
    .catch(() => null);
  if (batch?.done) return { delivered: batch.due.length, failed: 0 };
  const due = batch?.due ?? (await deps.store.transaction((tx) => tx.dueOutbox(now, limit)));
  let delivered = 0;
  let failed = 0;
  for (const msg of due) {
    const notifier = notifierOf(notifiers, msg);
    try {
      if (!notifier) throw new Error(`no notifier for channel ${msg.channel}`);
      await deps.store.transaction(async (tx) => {
        await deliverOne(notifiers, msg, tx, now);
        await tx.markOutbox(msg.id, { status: 'delivered', attempts: msg.attempts + 1, nextAttemptAt: msg.nextAttemptAt, deliveredAt: now, lastError: null });
      });
      delivered++;
    } catch (e) {
      failed++;
      const attempts = msg.attempts + 1;
      const error = String((e as Error)?.message ?? e).slice(0, 480);
      deps.log.warn({ outboxId: msg.id, channel: msg.channel, attempts, error }, 'notification delivery failed');
      await deps.store.transaction((tx) =>
        tx.markOutbox(msg.id, {
          status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
          attempts,
          nextAttemptAt: now + retryDelay(attempts),
          deliveredAt: null,
          lastError: error,
        }),
      );
    }
  }
  return { delivered, failed };
}
