import { ROBOT_TEMPLATES } from '../../domain/notify/robot';
import { SUBSCRIBE_KEY_OF } from '../../domain/notify/subscribe';
import type { Channels } from '../../ports/notifier';
import type { OutboxRow, PushRow, Tx } from '../../ports/store';

/** The robot's name in `pushes.target` (one robot per deployment today; the rate limit is per name). */
export const STAFF_ROBOT = 'staff';

/** FNV-1a, 64 bits, hex: a short deterministic id for "the same notification" sent to several staff. */
function fnv64(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (const b of new TextEncoder().encode(text)) h = BigInt.asUintN(64, (h ^ BigInt(b)) * 0x100000001b3n);
  return h.toString(16).padStart(16, '0');
}

const sorted = (d: Record<string, string>) => JSON.stringify(Object.keys(d).sort().map((k) => [k, d[k]]));

/**
 * Called in the transaction that puts an outbox message into the message center (which always gets
 * it): the pushes it also goes out as. A resident's subscribe message only when this deployment has the
 * template AND the resident has an accept left — the accept is bound to the push right here, so the
 * product never sends beyond consent. A staff notification as one robot post per notification (the
 * same notification to several staff shares one deterministic id, so it is posted once).
 */
export async function fanOut(tx: Tx, msg: OutboxRow, now: number, channels: Omit<Channels, 'inbox'>): Promise<void> {
  const pushes: PushRow[] = [];
  const base = { outboxId: msg.id, template: msg.template, data: msg.data, createdAt: now, status: 'pending' as const, attempts: 0, nextAttemptAt: now, sendKey: null, claimedAt: null, sentAt: null, lastError: null };
  const key = SUBSCRIBE_KEY_OF[msg.template];
  if (key && channels.wechat?.templates?.[key]) {
    const id = `${msg.id}.wx`;
    if (await tx.useGrant(msg.to, key, id)) pushes.push({ ...base, id, channel: 'wechat', target: msg.to });
  }
  if (channels.wecom && ROBOT_TEMPLATES.has(msg.template)) {
    pushes.push({ ...base, id: `rb_${fnv64(`${msg.template}|${msg.createdAt}|${sorted(msg.data)}`)}`, channel: 'wecom', target: STAFF_ROBOT });
  }
  await tx.enqueuePushes(pushes);
}
