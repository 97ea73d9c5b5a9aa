import type { Clock } from '../core/ports/clock';
import { MINUTE } from '../core/time';

export interface Job {
  name: string;
  /** Runs at every whole minute of platform time that passes. */
  run(at: number): Promise<void>;
}

/**
 * Plays CloudBase's timer triggers: each job runs once for each minute of platform time that became
 * due (a clock moved forward by 16 minutes runs 16 ticks, in order). Ticks never overlap.
 */
export class Scheduler {
  private lastTick: number;
  private running: Promise<void> = Promise.resolve();
  constructor(
    private readonly clock: Clock,
    private readonly jobs: Job[],
    private readonly onError: (job: string, e: unknown) => void,
  ) {
    this.lastTick = Math.floor(clock.now() / MINUTE) * MINUTE;
  }

  /** Runs every tick due up to the clock's now; resolves when they are done. */
  catchUp(): Promise<void> {
    this.running = this.running.then(async () => {
      const target = Math.floor(this.clock.now() / MINUTE) * MINUTE;
      // A clock moved far ahead runs at most a day of ticks one by one, then jumps (each job sees the latest tick).
      if (target - this.lastTick > 1440 * MINUTE) this.lastTick = target - MINUTE;
      while (this.lastTick < target) {
        this.lastTick += MINUTE;
        for (const job of this.jobs) {
          try {
            await job.run(this.lastTick);
          } catch (e) {
            this.onError(job.name, e);
          }
        }
      }
    });
    return this.running;
  }
}
