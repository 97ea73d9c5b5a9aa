import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Store } from '../core/ports/store';
import { parseIso, toIso } from '../core/time';
import type { MovableClock } from '../adapters/platform/system';
import { readJson, sendError, sendJson } from './http';
import type { Scheduler } from './scheduler';

export interface DevRouteDeps {
  store: Store;
  clock: MovableClock;
  scheduler: Scheduler;
  flushOutbox(): Promise<void>;
  /** POST /local/clock allowed (TEST_CLOCK=1). */
  testClock: boolean;
}

/**
 * Development endpoints, mounted only with DEV_ENDPOINTS=1 (npm start / npm run api) or TEST_CLOCK=1:
 * `GET /local/outbox`, `GET /local/clock`, and with the test clock `POST /local/clock`. True when answered.
 */
export async function devRoute(d: DevRouteDeps, req: IncomingMessage, res: ServerResponse, p: string): Promise<boolean> {
  if (req.method === 'GET' && p === '/local/outbox') {
    const rows = await d.store.transaction((tx) => tx.outboxAll());
    const items = rows.map((r) => ({ id: r.id, channel: r.channel, to: r.to, template: r.template, data: r.data, time: toIso(r.createdAt), status: r.status, attempts: r.attempts }));
    const pushRows = await d.store.transaction((tx) => tx.pushesAll());
    const pushItems = pushRows.map((r) => ({ id: r.id, outboxId: r.outboxId, channel: r.channel, to: r.target, template: r.template, status: r.status, attempts: r.attempts, sendKey: r.sendKey, lastError: r.lastError }));
    sendJson(res, 200, { ok: true, data: { items, pushes: pushItems }, items, pushes: pushItems });
    return true;
  }

  if (p === '/local/clock' && (req.method === 'GET' || (d.testClock && req.method === 'POST'))) {
    if (req.method === 'POST') {
      const body = await readJson(req);
      const parsed = z
        .union([z.object({ advanceMs: z.number().int().min(0).max(400 * 86_400_000) }), z.object({ set: z.iso.datetime({ offset: true }) })])
        .safeParse(body.ok ? body.value : null);
      if (!parsed.success) {
        sendError(res, 'INPUT.INVALID');
        return true;
      }
      if ('advanceMs' in parsed.data) d.clock.advance(parsed.data.advanceMs);
      else d.clock.set(parseIso(parsed.data.set));
      await d.scheduler.catchUp();
      await d.flushOutbox();
    }
    const now = toIso(d.clock.now());
    sendJson(res, 200, { ok: true, data: { now }, now });
    return true;
  }
  return false;
}
