import { REPLAY_WINDOW_MS } from '../../api/replayWindow';
import type { Deps } from '../../ports/runtime';
import { HOUR, MINUTE } from '../../time';

/** The timer runs every minute; replies are purged on the tick at the top of each hour (a table at most an hour past the window). */
export const isPurgeTick = (at: number) => Math.floor(at / MINUTE) % (HOUR / MINUTE) === 0;

/**
 * Forgets stored replies older than the replay window (R-INT-7), oldest first, in small transactions so
 * a long backlog never holds the write lock for long. Run by the `sla` timer, hourly, as of its own minute.
 */
export async function purgeReplies(deps: Pick<Deps, 'store' | 'clock'>, asOf?: number, batch = 500, maxBatches = 20): Promise<number> {
  const before = Math.min(asOf ?? Infinity, deps.clock.now()) - REPLAY_WINDOW_MS;
  let purged = 0;
  for (let b = 0; b < maxBatches; b++) {
    const n = await deps.store.transaction((tx) => tx.purgeIdempotency(before, batch));
    purged += n;
    if (n < batch) break;
  }
  return purged;
}
