import { fail, ok, type Outcome } from '../../errors';
import type { Deps } from '../../ports/runtime';
import { parseIso } from '../../time';
import { sweep, type SweepResult } from './sweep';

/**
 * The `sla` function's entry: only the platform's timer may run the sweep. A call that carries a
 * user's identity (any mini-program call) is refused.
 */
export async function runSweep(deps: Deps, event: unknown, openid: string | null): Promise<Outcome<SweepResult>> {
  if (openid) return fail('AUTH.FORBIDDEN');
  const e = (event ?? {}) as { Type?: unknown; TriggerName?: unknown; Time?: unknown };
  if (e.Type !== 'Timer') return fail('AUTH.FORBIDDEN');
  const asOf = typeof e.Time === 'string' ? parseIso(e.Time) : NaN;
  return ok(await sweep(deps, Number.isFinite(asOf) ? asOf : undefined));
}
