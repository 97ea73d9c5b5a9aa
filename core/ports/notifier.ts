import type { SubscribeKey } from '../domain/notify/subscribe';
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

/**
 * One push to a platform outside the store (a WeChat subscribe message, a 企业微信 robot post). `key`
 * is the idempotency key of the send: the same key for every attempt at the same push (a retry after
 * a timeout or a crash re-sends with it), sent as the `Idempotency-Key` header.
 */
export type PushRequest =
  | { channel: 'wechat'; key: string; openid: string; template: SubscribeKey; data: Record<string, string>; page: string }
  | { channel: 'wecom'; key: string; target: string; markdown: string };

/**
 * `sent`: the platform took it. `noConsent`: WeChat's 43101 (refused, or no accept left): the consent
 * counts as used, nothing is retried. `retry`: unreachable, timed out, busy or a refused token: may be
 * sent again with the same key. `failed`: refused for good (bad template, bad field…).
 */
export type PushOutcome = { result: 'sent' } | { result: 'noConsent' | 'retry' | 'failed'; error: string };

export interface PushSender {
  send(push: PushRequest): Promise<PushOutcome>;
  /** WeChat: the subscribe keys this deployment has template ids for (the only ones residents are asked to accept). */
  readonly templates?: Partial<Record<SubscribeKey, string>>;
}

/** Every channel of a deployment: the message center always; the pushes when configured. */
export interface Channels {
  inbox: Notifier;
  wechat?: PushSender;
  wecom?: PushSender;
}
