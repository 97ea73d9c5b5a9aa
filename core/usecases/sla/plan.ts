import type { DueProbe, DueWork } from '../../ports/dueWork';
import { monthOf } from '../../time';
import { RECHECK_MS, RECONCILE_AFTER_MS } from '../fee/reconcile';
import { REFUND_RECHECK_MS } from '../fee/deliverRefunds';
import { isArrearsDigestTick } from './arrearsSweep';
import { isPurgeTick } from './purgeReplies';

/**
 * What the tick asks the store (Store.dueWork), as of the very times each job asks its own due query:
 * `at` the tick's time (the timer event's Time), `clockNow` the platform's clock when the tick starts.
 */
export function probeOf(at: number | undefined, clockNow: number): DueProbe {
  const tick = at ?? clockNow;
  // The sweeps run as of their minute, never ahead of the clock (sweep, sweepRenovations).
  const sweptAt = Math.min(at ?? Infinity, clockNow);
  return {
    settingsAt: tick,
    casesAt: sweptAt,
    renovationsAt: sweptAt,
    orders: { createdBefore: tick - RECONCILE_AFTER_MS, checkedBefore: tick - RECHECK_MS },
    refundsCheckedBefore: tick - REFUND_RECHECK_MS,
    ladders: { beforePeriod: monthOf(tick), dueAt: tick },
    deliveryAt: clockNow,
  };
}

/** Everything due: what a tick runs when the store could not answer the precheck (as before it existed). */
export const ALL_DUE: DueWork = { settings: true, cases: true, renovations: true, orders: true, refunds: true, laddersSettled: true, laddersDue: true, outbox: true, pushes: true };

export interface TickPlan {
  settings: boolean;
  cases: boolean;
  renovations: boolean;
  /** Time-based, not a query: the top of each hour (isPurgeTick). */
  purge: boolean;
  payments: boolean;
  refunds: boolean;
  /** Ladders to close or steps due; and the 09:00 Shanghai tick, which opens ladders (isArrearsDigestTick). */
  arrears: boolean;
  /** The delivery pass: messages or pushes due, or a job ran that may have left some. */
  deliver: boolean;
}

/** Pure: the jobs a tick runs, from what is due. A job with nothing to do is not started (no transaction). */
export function planTick(due: DueWork, tick: number): TickPlan {
  const plan = {
    settings: due.settings,
    cases: due.cases,
    renovations: due.renovations,
    purge: isPurgeTick(tick),
    payments: due.orders,
    refunds: due.refunds,
    arrears: due.laddersSettled || due.laddersDue || isArrearsDigestTick(tick),
  };
  const enqueuing = plan.cases || plan.renovations || plan.payments || plan.refunds || plan.arrears;
  return { ...plan, deliver: due.outbox || due.pushes || enqueuing };
}
