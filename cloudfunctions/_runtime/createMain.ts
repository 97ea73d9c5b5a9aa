import { dispatch, type Envelope } from '../../core/api/dispatch';
import type { FunctionName } from '../../core/api/handlers';
import { runtimeDeps } from './deps';
import { openidFromContext } from './identity';

/** A cloud function's entry: `main(event, context)` → the result envelope (contract §1). */
export const createMain =
  (name: FunctionName) =>
  (event: unknown, context: unknown): Promise<Envelope> =>
    dispatch(runtimeDeps(), name, withoutPlatformFields(event), { openid: openidFromContext(context) });

/**
 * WeChat's cloud call adds `userInfo { appId, openId }` to the event of a mini-program call. It is
 * dropped, never trusted: identity is read from the context only (R-ACC-2).
 */
function withoutPlatformFields(event: unknown): unknown {
  if (event === null || typeof event !== 'object' || Array.isArray(event) || !Object.prototype.hasOwnProperty.call(event, 'userInfo')) return event;
  return Object.fromEntries(Object.entries(event).filter(([k]) => k !== 'userInfo'));
}
