import { fail, ok, type Outcome } from '../../errors';
import type { Deps } from '../../ports/runtime';
import { parseIso } from '../../time';
import { purgeReplies } from './purgeReplies';
import { sweep, type SweepResult } from './sweep';
import { applyDueSettings } from '../setup/settings';
import { reconcilePayments, type ReconcileResult } from '../fee/reconcile';
import { deliverRefunds, type RefundDeliveryResult } from '../fee/deliverRefunds';
import { runArrearsSweep, type ArrearsSweepResult } from './arrearsSweep';
import { sweepRenovations, type RenovationSweepResult } from '../renovation/sweep';
import { ALL_DUE, planTick, probeOf } from './plan';

/** Time the `sla` function gives delivery after its sweep (its timeout is 60 s). */
const DELIVERY_BUDGET_MS = 30_000;

const nothingSwept = (): SweepResult => ({ looked: 0, events: 0, escalations: 0, conflicts: 0, quarantined: 0 });
const noRenovations = (): RenovationSweepResult => ({ looked: 0, escalations: 0, overdueViolations: 0, conflicts: 0, failed: 0 });
const noPayments = (): ReconcileResult => ({ checked: 0, settled: 0, closed: 0 });
const noRefunds = (): RefundDeliveryResult => ({ asked: 0, succeeded: 0, failed: 0 });
const noArrears = (): ArrearsSweepResult => ({ opened: 0, closed: 0, notified: 0 });

/**
 * The `sla` function's entry: only the platform's timer may run the sweep. A call that carries a
 * user's identity (any mini-program call) is refused. One read first asks which jobs have anything to
 * do (Store.dueWork, from each job's own due query); only those run, so an idle minute costs one
 * statement. The tick at the top of each hour also forgets replies older than the replay window
 * (`purged`), and the 09:00 tick opens arrears ladders: those go by the clock, not by a query.
 */
export async function runSweep(deps: Deps, event: unknown, openid: string | null): Promise<Outcome<SweepResult & { purged: number; payments: ReconcileResult; refunds: RefundDeliveryResult; arrears: ArrearsSweepResult; renovations: RenovationSweepResult }>> {
  if (openid) return fail('AUTH.FORBIDDEN');
  const e = (event ?? {}) as { Type?: unknown; TriggerName?: unknown; Time?: unknown };
  if (e.Type !== 'Timer') return fail('AUTH.FORBIDDEN');
  const asOf = typeof e.Time === 'string' ? parseIso(e.Time) : NaN;
  const at = Number.isFinite(asOf) ? asOf : undefined;
  const clockNow = deps.clock.now();
  // A store that cannot answer the precheck gets every job, as if all were due (each then reads for itself).
  const due = await deps.store.dueWork(probeOf(at, clockNow)).catch((e) => {
    deps.log.error({ fn: 'sla', job: 'dueWork', err: String(e) }, 'due-work read failed');
    return ALL_DUE;
  });
  const plan = planTick(due, at ?? clockNow);
  // Service settings saved for a later day come into force first, so the sweep reads them (setup.saveSettings).
  if (plan.settings) await deps.store.transaction((tx) => applyDueSettings(tx, at ?? deps.clock.now()));
  const swept = plan.cases ? await sweep(deps, at) : nothingSwept();
  // Renovations: missed inspections escalate, ignored violation notices come due for a report (R-REN-8, R-REN-9).
  const renovations = !plan.renovations
    ? noRenovations()
    : await sweepRenovations(deps, at).catch((e) => {
        deps.log.error({ fn: 'sla', job: 'renovations', err: String(e) }, 'renovation sweep failed');
        return noRenovations();
      });
  const purged = plan.purge ? await purgeReplies(deps, at) : 0;
  // Payment orders still unpaid 5 minutes on: asked about, settled or closed (R-FEE-5). A failure here
  // never stops the sweep's own work (logged per order; the next tick tries again).
  const payments = !plan.payments
    ? noPayments()
    : await reconcilePayments(deps, at).catch((e) => {
        deps.log.error({ fn: 'sla', job: 'reconcile', err: String(e) }, 'reconciliation failed');
        return noPayments();
      });
  // Refunds decided and committed (requestRefund) are asked of the provider, processing ones queried
  // (R-REN-10); like the reconciliation, a failure never stops the sweep (the next tick tries again).
  const refunds = !plan.refunds
    ? noRefunds()
    : await deliverRefunds(deps, at).catch((e) => {
        deps.log.error({ fn: 'sla', job: 'refunds', err: String(e) }, 'refund delivery failed');
        return noRefunds();
      });
  // Arrears ladders (R-FEE-7): ended when paid, opened when overdue, each step's being due told to the
  // cashier once. Like the reconciliation, a failure never stops the sweep's own work.
  const arrears = !plan.arrears
    ? noArrears()
    : await runArrearsSweep(deps, at).catch((e) => {
        deps.log.error({ fn: 'sla', job: 'arrears', err: String(e) }, 'arrears sweep failed');
        return noArrears();
      });
  // Notifications go out from this timer, inside the invocation (never after it has answered).
  if (deps.deliver && plan.deliver) await deps.deliver(deps.clock.now() + DELIVERY_BUDGET_MS).catch((e) => deps.log.error({ err: String(e) }, 'delivery pass failed'));
  return ok({ ...swept, purged, payments, refunds, arrears, renovations });
}
