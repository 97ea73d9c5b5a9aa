import { fail } from '../../core/errors';
import { runSweep } from '../../core/usecases/sla/run';
import { runtimeDeps } from '../_runtime/deps';
import { openidFromContext } from '../_runtime/identity';
import { useWechatPay } from '../_runtime/wechatPay';

useWechatPay();

/**
 * `sla` cloud function: the scheduled sweep (timer trigger in config.json, every minute, UTC+8).
 * Refuses any call that carries a user's identity. A sweep that fails (the store unreachable, the
 * configuration missing) answers INTERNAL and logs why; the next tick tries again.
 */
export const main = async (event: unknown, context: unknown) => {
  const deps = runtimeDeps();
  try {
    return await runSweep(deps, event, openidFromContext(context));
  } catch (e) {
    deps.log.error({ fn: 'sla', err: e instanceof Error ? { name: e.name, message: e.message } : String(e) }, 'sweep failed');
    return fail('INTERNAL');
  }
};
