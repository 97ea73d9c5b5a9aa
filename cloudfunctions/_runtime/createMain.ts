import type { AnyAction } from '../../core/api/action';
import { dispatchActions, type Envelope } from '../../core/api/dispatchActions';
import type { FunctionName, Handlers } from '../../core/api/handlers';
import { runtimeDeps } from './deps';
import { openidFromContext } from './identity';

/**
 * A cloud function's entry: `main(event, context)` → the result envelope (contract §1). It takes the
 * function's own action map (core/api/actions/<name>.ts), not the whole handler map, so the bundle
 * holds and builds only this function's schemas and use cases.
 */
export const createMain =
  <N extends FunctionName>(name: N, actions: Handlers[N]) =>
  (event: unknown, context: unknown): Promise<Envelope> =>
    dispatchActions(runtimeDeps(), name, actions as unknown as Record<string, AnyAction>, withoutPlatformFields(event), { openid: openidFromContext(context) });

/**
 * WeChat's cloud call adds `userInfo { appId, openId }` to the event of a mini-program call. It is
 * dropped, never trusted: identity is read from the context only (R-ACC-2).
 */
function withoutPlatformFields(event: unknown): unknown {
  if (event === null || typeof event !== 'object' || Array.isArray(event) || !Object.prototype.hasOwnProperty.call(event, 'userInfo')) return event;
  return Object.fromEntries(Object.entries(event).filter(([k]) => k !== 'userInfo'));
}
