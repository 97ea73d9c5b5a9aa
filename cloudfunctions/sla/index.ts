import { runSweep } from '../../core/usecases/sla/run';
import { runtimeDeps } from '../_runtime/deps';
import { openidFromContext } from '../_runtime/identity';

/**
 * `sla` cloud function: the scheduled sweep (timer trigger in config.json, every minute, UTC+8).
 * Refuses any call that carries a user's identity.
 */
export const main = (event: unknown, context: unknown) => runSweep(runtimeDeps(), event, openidFromContext(context));
