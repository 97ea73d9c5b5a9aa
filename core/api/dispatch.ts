import { fail } from '../errors';
import type { Deps } from '../ports/runtime';
import type { AnyAction } from './action';
import { dispatchActions, type Envelope, type Identity } from './dispatchActions';
import { type FunctionName, handlers } from './handlers';

export type { Envelope, Identity } from './dispatchActions';

/**
 * Runs one call of the function named `fn`, its actions looked up in the whole handler map (the local
 * platform and the tests). A deployed function calls `dispatchActions` with its own map only.
 */
export async function dispatch(deps: Deps, fn: string, event: unknown, identity: Identity): Promise<Envelope> {
  if (!Object.prototype.hasOwnProperty.call(handlers, fn)) return fail('FUNCTION.NOT_FOUND');
  return dispatchActions(deps, fn, handlers[fn as FunctionName] as Record<string, AnyAction>, event, identity);
}
