/**
 * What the minute timer asks before it runs its jobs (Store.dueWork): each job's own "due" question, as
 * of the times the job itself would ask it. One read answers them all; a job with nothing to do is not
 * started (core/usecases/sla/plan.ts).
 */
export interface DueProbe {
  /** Setting versions saved for later whose time has come (applyDueSettings: dueSettingVersions). */
  settingsAt: number;
  /** Cases whose next SLA moment has come (sweep: dueCaseIds). */
  casesAt: number;
  /** Renovations whose next moment has come (sweepRenovations: dueRenovationIds). */
  renovationsAt: number;
  /** Payment orders to reconcile (reconcilePayments: pendingOrders(createdBefore, checkedBefore)). */
  orders: { createdBefore: number; checkedBefore: number };
  /** Refunds to ask of the provider (deliverRefunds: refundsDue(checkedBefore)). */
  refundsCheckedBefore: number;
  /** Arrears ladders: paid ones to close (laddersSettled(beforePeriod)), steps come due (laddersDue(dueAt)). */
  ladders: { beforePeriod: string; dueAt: number };
  /** Outbox messages and pushes due for delivery (deliverDue: dueOutbox; deliverPushes: duePushes). */
  deliveryAt: number;
}

/** For each job of the probe: true exactly when that job's own due query has a row. */
export interface DueWork {
  settings: boolean;
  cases: boolean;
  renovations: boolean;
  orders: boolean;
  refunds: boolean;
  laddersSettled: boolean;
  laddersDue: boolean;
  outbox: boolean;
  pushes: boolean;
}
