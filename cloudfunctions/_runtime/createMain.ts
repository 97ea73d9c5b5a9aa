import { dispatch, type Envelope } from '../../core/api/dispatch';
import type { FunctionName } from '../../core/api/handlers';
import { runtimeDeps } from './deps';
import { openidFromContext } from './identity';

/** A cloud function's entry: `main(event, context)` → the result envelope (contract §1). */
export const createMain =
  (name: FunctionName) =>
  (event: unknown, context: unknown): Promise<Envelope> =>
    dispatch(runtimeDeps(), name, event, { openid: openidFromContext(context) });
