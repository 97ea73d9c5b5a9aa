import { cashierActions } from '../../core/api/actions/cashier';
import { createMain } from '../_runtime/createMain';

/** `cashier` cloud function (收费员/经理): actions in core/api/actions/cashier.ts. */
export const main = createMain('cashier', cashierActions);
