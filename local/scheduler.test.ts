import { MINUTE } from '../core/time';
import { Scheduler } from './scheduler';

describe('scheduler (CloudBase timer triggers, locally)', () => {
  it('runs each job once per minute of platform time that passed, in order, and never twice for the same minute', async () => {
    let now = Date.parse('2026-11-24T09:00:30+08:00');
    const ticks: number[] = [];
    const s = new Scheduler({ now: () => now }, [{ name: 'sweep', run: async (at) => void ticks.push(at) }], () => {});
    now += 16 * MINUTE;
    await Promise.all([s.catchUp(), s.catchUp()]);
    await s.catchUp();
    expect(ticks).toHaveLength(16);
    expect(ticks[0]).toBe(Date.parse('2026-11-24T09:01:00+08:00'));
    expect(ticks[15]).toBe(Date.parse('2026-11-24T09:16:00+08:00'));
    expect(new Set(ticks).size).toBe(16);
  });

  it('a failing job is reported and does not stop the others', async () => {
    let now = 0;
    const errors: string[] = [];
    let ran = 0;
    const s = new Scheduler(
      { now: () => now },
      [
        { name: 'bad', run: async () => Promise.reject(new Error('x')) },
        { name: 'good', run: async () => void ran++ },
      ],
      (job) => errors.push(job),
    );
    now += 3 * MINUTE;
    await s.catchUp();
    expect([ran, errors]).toEqual([3, ['bad', 'bad', 'bad']]);
  });
});
