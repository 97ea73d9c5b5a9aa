import { fail, ok, type Outcome } from '../../errors';
import type { Deps } from '../../ports/runtime';
import { parseIso } from '../../time';
import { isPurgeTick, purgeReplies } from './purgeReplies';
import { sweep, type SweepResult } from './sweep';
import { applyDueSettings } from '../setup/settings';
import { reconcilePayments, type ReconcileResult } from '../fee/reconcile';
import { sweepRenovations, type RenovationSweepResult } from '../renovation/sweep';

/** Time the `sla` function gives delivery after its sweep (its timeout is 60 s). */
const DELIVERY_BUDGET_MS = 30_000;

/**
 * The `sla` function's entry: only the platform's timer may run the sweep. A call that carries a
 * user's identity (any mini-program call) is refused. The tick at the top of each hour also forgets
 * replies older than the replay window (`purged`).
 */
export async function runSweep(deps: Deps, event: unknown, openid: string | null): Promise<Outcome<SweepResult & { purged: number; payments: ReconcileResult; renovations: RenovationSweepResult }>> {
  if (openid) return fail('AUTH.FORBIDDEN');
  const e = (event ?? {}) as { Type?: unknown; TriggerName?: unknown; Time?: unknown };
  if (e.Type !== 'Timer') return fail('AUTH.FORBIDDEN');
  const asOf = typeof e.Time === 'string' ? parseIso(e.Time) : NaN;
  const at = Number.isFinite(asOf) ? asOf : undefined;
  // Service settings saved for a later day come into force first, so the sweep reads them (setup.saveSettings).
  await deps.store.transaction((tx) => applyDueSettings(tx, at ?? deps.clock.now()));
  const swept = await sweep(deps, at);
  // Renovations: missed inspections escalate, ignored violation notices come due for a report (R-REN-8, R-REN-9).
  const renovations = await sweepRenovations(deps, at).catch((e) => {
    deps.log.error({ fn: 'sla', job: 'renovations', err: String(e) }, 'renovation sweep failed');
    return { looked: 0, escalations: 0, overdueViolations: 0, conflicts: 0, failed: 0 };
  });
  const purged = isPurgeTick(at ?? deps.clock.now()) ? await purgeReplies(deps, at) : 0;
  // Payment orders still unpaid 5 minutes on: asked about, settled or closed (R-FEE-5). A failure here
  // never stops the sweep's own work (logged per order; the next tick tries again).
  const payments = await reconcilePayments(deps, at).catch((e) => {
    deps.log.error({ fn: 'sla', job: 'reconcile', err: String(e) }, 'reconciliation failed');
    return { checked: 0, settled: 0, closed: 0 };
  });
  // Notifications go out from this timer, inside the invocation (never after it has answered).
  if (deps.deliver) await deps.deliver(deps.clock.now() + DELIVERY_BUDGET_MS).catch((e) => deps.log.error({ err: String(e) }, 'delivery pass failed'));
  return ok({ ...swept, purged, payments, renovations });
}
