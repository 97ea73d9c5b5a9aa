import { useEffect, useState } from 'react';

/**
 * The platform's time. Promises (技师将于 10:32 前到达) count down against the server's clock, not the
 * phone's: a phone set a few minutes wrong must not show a wrong countdown. On the local platform (H5)
 * the clock can also be moved by the test harness (TEST_CLOCK=1), and the app follows it.
 */
let offsetMs = 0;
let syncing: Promise<void> | null = null;

export const serverNow = () => Date.now() + offsetMs;

/** Re-reads the platform clock (H5, local platform only; silently keeps the device time elsewhere). */
export function syncClock(): Promise<void> {
  if (process.env.TARO_ENV !== 'h5') return Promise.resolve();
  if (syncing) return syncing;
  const sent = Date.now();
  syncing = fetch('/local/clock', { headers: { accept: 'application/json' } })
    .then(async (r) => {
      if (!r.ok || !(r.headers.get('content-type') ?? '').includes('json')) return;
      const body = (await r.json()) as { now?: string };
      const at = body.now ? Date.parse(body.now) : NaN;
      if (Number.isFinite(at)) offsetMs = at - (sent + Date.now()) / 2;
    })
    .catch(() => undefined)
    .finally(() => {
      syncing = null;
    });
  return syncing;
}

/** Re-renders every `ms` while `live`, answering the platform time (for countdowns). */
export function useNow(live: boolean, ms = 1000): number {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    setNow(serverNow());
    if (!live) return;
    const t = setInterval(() => setNow(serverNow()), ms);
    return () => clearInterval(t);
  }, [live, ms]);
  return now;
}
