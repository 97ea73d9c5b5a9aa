import type { DueWork } from '../../ports/dueWork';
import { MINUTE } from '../../time';
import { RECHECK_MS, RECONCILE_AFTER_MS } from '../fee/reconcile';
import { REFUND_RECHECK_MS } from '../fee/deliverRefunds';
import { ALL_DUE, planTick, probeOf } from './plan';

const NONE: DueWork = { settings: false, cases: false, renovations: false, orders: false, refunds: false, laddersSettled: false, laddersDue: false, outbox: false, pushes: false };
// 2026-12-02 10:07 Shanghai: neither the top of an hour nor 09:00.
const QUIET = Date.parse('2026-12-02T10:07:00+08:00');

describe('the minute tick: what it asks and what it runs', () => {
  it('asks each job\'s question as of the time that job reads (the sweeps never ahead of the clock)', () => {
    expect(probeOf(QUIET, QUIET + 30 * MINUTE)).toEqual({
      settingsAt: QUIET,
      casesAt: QUIET,
      renovationsAt: QUIET,
      orders: { createdBefore: QUIET - RECONCILE_AFTER_MS, checkedBefore: QUIET - RECHECK_MS },
      refundsCheckedBefore: QUIET - REFUND_RECHECK_MS,
      ladders: { beforePeriod: '2026-12', dueAt: QUIET },
      deliveryAt: QUIET + 30 * MINUTE,
    });
    // A tick stamped ahead of the clock: the sweeps go by the clock, the others by the tick (as each job does).
    expect(probeOf(QUIET, QUIET - 1)).toMatchObject({ settingsAt: QUIET, casesAt: QUIET - 1, renovationsAt: QUIET - 1, deliveryAt: QUIET - 1 });
    // No time in the event: the clock. The month is Shanghai's (16:00 UTC on 30 Nov is already December).
    expect(probeOf(undefined, Date.parse('2026-11-30T16:00:00Z')).ladders.beforePeriod).toBe('2026-12');
  });

  it('nothing due on a quiet minute: nothing runs', () => {
    expect(planTick(NONE, QUIET)).toEqual({ settings: false, cases: false, renovations: false, purge: false, payments: false, refunds: false, arrears: false, deliver: false });
  });

  it('each job runs when its own query has a row; what may leave messages is followed by the delivery pass', () => {
    expect(planTick({ ...NONE, settings: true }, QUIET)).toMatchObject({ settings: true, cases: false, deliver: false });
    expect(planTick({ ...NONE, cases: true }, QUIET)).toMatchObject({ cases: true, renovations: false, deliver: true });
    expect(planTick({ ...NONE, renovations: true }, QUIET)).toMatchObject({ renovations: true, deliver: true });
    expect(planTick({ ...NONE, orders: true }, QUIET)).toMatchObject({ payments: true, refunds: false, deliver: true });
    expect(planTick({ ...NONE, refunds: true }, QUIET)).toMatchObject({ refunds: true, payments: false, deliver: true });
    expect(planTick({ ...NONE, laddersSettled: true }, QUIET)).toMatchObject({ arrears: true, deliver: true });
    expect(planTick({ ...NONE, laddersDue: true }, QUIET)).toMatchObject({ arrears: true, deliver: true });
    expect(planTick({ ...NONE, outbox: true }, QUIET)).toEqual({ settings: false, cases: false, renovations: false, purge: false, payments: false, refunds: false, arrears: false, deliver: true });
    expect(planTick({ ...NONE, pushes: true }, QUIET)).toMatchObject({ cases: false, deliver: true });
    expect(Object.values(planTick(ALL_DUE, QUIET)).filter((v) => !v)).toEqual([false]); // all but the purge
  });

  it('what goes by the clock, not by a query, runs on its tick: the hourly purge, the 09:00 opening of arrears ladders', () => {
    expect(planTick(NONE, Date.parse('2026-12-02T11:00:00+08:00'))).toMatchObject({ purge: true, arrears: false, cases: false });
    expect(planTick(NONE, Date.parse('2026-12-02T09:00:00+08:00'))).toMatchObject({ purge: true, arrears: true, deliver: true });
    expect(planTick(NONE, Date.parse('2026-12-02T09:01:00+08:00'))).toMatchObject({ purge: false, arrears: false });
  });
});
