/**
 * A sliding-window counter per key, in memory, on the platform clock: at most `max` hits in any
 * `windowMs`. Used for sign-in on the local platform (one process); creations are limited in core,
 * through the store, so the limit holds across CloudBase instances too.
 */
export class WindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Records a hit for `key`; answers 0 when allowed, else the ms until the next hit would be. */
  hit(key: string): number {
    const at = this.now();
    if (this.hits.size > 10_000) this.forgetIdle(at);
    const recent = (this.hits.get(key) ?? []).filter((t) => t > at - this.windowMs);
    if (recent.length >= this.max) {
      this.hits.set(key, recent);
      return Math.max(1, recent[0] + this.windowMs - at);
    }
    recent.push(at);
    this.hits.set(key, recent);
    return 0;
  }

  private forgetIdle(at: number) {
    for (const [key, times] of this.hits) if (times[times.length - 1] <= at - this.windowMs) this.hits.delete(key);
  }
}
