import { renderMessage } from '../../domain/notifications';
import { ROBOT_PER_MINUTE, robotDigest, robotMarkdown } from '../../domain/notify/robot';
import { SUBSCRIBE_KEY_OF, subscribeData, subscribePage } from '../../domain/notify/subscribe';
import type { PushOutcome, PushRequest, PushSender } from '../../ports/notifier';
import type { Deps } from '../../ports/runtime';
import type { PushRow, Tx } from '../../ports/store';
import { MINUTE } from '../../time';
import { MAX_ATTEMPTS, retryDelay } from './deliverDue';

/**
 * How long a claimed push waits before a pass may send it again when its outcome never got recorded
 * (the process died, or the function timed out, between the request and the settling write). Longer
 * than one send can take (senders time out after seconds), so a live send is never doubled by a pass.
 */
export const LEASE_MS = 2 * MINUTE;

interface Unit {
  key: string;
  channel: PushRow['channel'];
  rows: PushRow[];
}

/**
 * Sends the due pushes, one at a time: claim (a transaction that records the attempt and fixes the
 * send key), the request, then settle (a second transaction). Delivery is AT LEAST ONCE at the HTTP
 * boundary: a crash between the request and the settling write leaves the push `sending`, and after
 * `LEASE_MS` it is sent again WITH THE SAME KEY (the `Idempotency-Key` header; the push id, or the
 * digest's key). On our side a push is never sent twice under two keys and never re-sent once settled.
 * WeChat and the robot do not dedupe by that header: the window for a duplicate is one crash between
 * a request and its write; for a subscribe message WeChat itself then refuses the second send (43101)
 * unless the resident has accepted again. Runs from a timer (the `sla` function, the local scheduler),
 * never after a function has answered. `deadline` (clock ms): no new send starts after it.
 */
export async function deliverPushes(
  deps: Pick<Deps, 'store' | 'clock' | 'log'>,
  senders: { wechat?: PushSender; wecom?: PushSender },
  opts: { limit?: number; deadline?: number } = {},
): Promise<{ sent: number; skipped: number; failed: number; retrying: number }> {
  const tally = { sent: 0, skipped: 0, failed: 0, retrying: 0 };
  const plan = await deps.store.transaction((tx) => planUnits(tx, deps.clock.now(), opts.limit ?? 50));
  for (const unit of plan) {
    if (opts.deadline !== undefined && deps.clock.now() > opts.deadline) break;
    const sender = senders[unit.channel];
    const claimed = await deps.store.transaction((tx) => claim(tx, unit, deps.clock.now(), !!sender));
    if (!claimed) continue;
    if (claimed === 'failed') {
      tally.failed += unit.rows.length;
      continue;
    }
    let outcome: PushOutcome;
    try {
      outcome = await sender!.send(claimed.request);
    } catch (e) {
      outcome = { result: 'retry', error: String((e as Error)?.message ?? e).slice(0, 200) };
    }
    const result = await deps.store.transaction((tx) => settle(tx, claimed.rows, outcome, deps.clock.now()));
    tally[result] += claimed.rows.length;
    if (outcome.result !== 'sent') deps.log.warn({ push: unit.key, channel: unit.channel, result, error: outcome.error }, 'push not sent');
  }
  return tally;
}

/** Groups the due pushes into sends: one each, robot digests beyond the per-minute allowance. */
async function planUnits(tx: Tx, now: number, limit: number): Promise<Unit[]> {
  const due = await tx.duePushes(now, limit);
  const units: Unit[] = [];
  const seen = new Set<string>();
  const waiting = new Map<string, PushRow[]>();
  for (const p of due) {
    if (p.status === 'sending' && p.sendKey) {
      // Outcome unknown or failed before: the same send again, same key, all its rows.
      if (seen.has(p.sendKey)) continue;
      seen.add(p.sendKey);
      units.push({ key: p.sendKey, channel: p.channel, rows: p.sendKey === p.id ? [p] : await tx.pushesWithKey(p.sendKey) });
    } else if (p.channel === 'wechat') {
      units.push({ key: p.id, channel: 'wechat', rows: [p] });
    } else {
      waiting.set(p.target, [...(waiting.get(p.target) ?? []), p]);
    }
  }
  for (const [target, rows] of waiting) {
    const resent = units.filter((u) => u.channel === 'wecom' && u.rows[0].target === target).length;
    const budget = ROBOT_PER_MINUTE - (await tx.sendsSince('wecom', target, now - MINUTE)) - resent;
    if (budget <= 0) continue; // the robot's minute is used up: they wait for the next pass
    const single = rows.length <= budget ? rows : rows.slice(0, budget - 1);
    for (const p of single) units.push({ key: p.id, channel: 'wecom', rows: [p] });
    const rest = rows.slice(single.length);
    if (rest.length) units.push({ key: `dg_${rest[0].id}`, channel: 'wecom', rows: rest });
  }
  return units;
}

/** Records the attempt BEFORE the request: `sending`, the key fixed, the lease set. */
async function claim(tx: Tx, unit: Unit, now: number, hasSender: boolean): Promise<{ rows: PushRow[]; request: PushRequest } | 'failed' | null> {
  const rows: PushRow[] = [];
  for (const p of unit.rows) {
    const exhausted = p.attempts >= MAX_ATTEMPTS || !hasSender;
    const next: PushRow = exhausted
      ? { ...p, status: 'failed', lastError: hasSender ? p.lastError : `channel ${p.channel} not configured` }
      : { ...p, status: 'sending', attempts: p.attempts + 1, sendKey: unit.key, claimedAt: now, nextAttemptAt: now + LEASE_MS };
    if (!(await tx.updatePush(p.id, p, next))) continue; // another pass has it
    if (!exhausted) rows.push(next);
  }
  if (rows.length === 0) return unit.rows.some((p) => p.attempts >= MAX_ATTEMPTS) || !hasSender ? 'failed' : null;
  if (unit.channel === 'wecom') {
    const texts = rows.map((p) => renderMessage(p.template, p.data));
    return { rows, request: { channel: 'wecom', key: unit.key, target: rows[0].target, markdown: unit.key.startsWith('dg_') ? robotDigest(texts) : robotMarkdown(texts[0]) } };
  }
  const p = rows[0];
  const key = SUBSCRIBE_KEY_OF[p.template];
  const user = await tx.userById(p.target);
  if (!key || !user) {
    await tx.updatePush(p.id, p, { ...p, status: 'failed', lastError: key ? 'user not found' : 'template has no subscribe key' });
    return 'failed';
  }
  const data = subscribeData(key, p.template, p.data, renderMessage(p.template, p.data), p.createdAt);
  return { rows, request: { channel: 'wechat', key: unit.key, openid: user.openid, template: key, data, page: subscribePage(p.data) } };
}

async function settle(tx: Tx, rows: PushRow[], outcome: PushOutcome, now: number): Promise<'sent' | 'skipped' | 'failed' | 'retrying'> {
  const error = outcome.result === 'sent' ? null : outcome.error.slice(0, 480);
  const status = outcome.result === 'sent' ? 'sent' : outcome.result === 'noConsent' ? 'skipped' : outcome.result === 'failed' ? 'failed' : 'retrying';
  for (const p of rows) {
    const gaveUp = status === 'retrying' && p.attempts >= MAX_ATTEMPTS;
    await tx.updatePush(p.id, p, {
      ...p,
      status: status === 'retrying' ? (gaveUp ? 'failed' : 'sending') : status,
      nextAttemptAt: status === 'retrying' ? now + retryDelay(p.attempts) : p.nextAttemptAt,
      sentAt: status === 'sent' ? now : null,
      lastError: error,
    });
  }
  return status;
}
