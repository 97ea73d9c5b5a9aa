import { REPLAY_WINDOW_MS } from '../../api/replayWindow';
import type { Deps } from '../../ports/runtime';

/**
 * Forgets stored replies older than the replay window (R-INT-7), oldest first, in small transactions so
 * a long backlog never holds the write lock for long. Run by the `sla` timer as of its own minute.
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
