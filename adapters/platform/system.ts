import { nodeCrypto } from './nodeCrypto';
import type { Clock, IdSource } from '../../core/ports/clock';

export const systemClock: Clock = { now: () => Date.now() };

/** Platform time that tests can move (TEST_CLOCK=1); starts at the real time or a given instant. */
export class MovableClock implements Clock {
  private offset = 0;
  constructor(private readonly base: Clock = systemClock) {}
  now() {
    return this.base.now() + this.offset;
  }
  advance(ms: number) {
    this.offset += ms;
    return this.now();
  }
  set(ms: number) {
    this.offset = ms - this.base.now();
    return this.now();
  }
}

/** Time-ordered, unguessable ids: `c_` + base36 time + 10 random base32 chars. */
export const randomIds = (clock: Clock): IdSource => ({
  next(prefix) {
    const rand = nodeCrypto().randomBytes(8).toString('base64url').replace(/[-_]/g, '').slice(0, 10).padEnd(10, '0');
    return `${prefix}_${clock.now().toString(36)}${rand}`;
  },
});

export const sha256 = (text: string) => nodeCrypto().createHash('sha256').update(text).digest('hex');
