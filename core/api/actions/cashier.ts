import { action } from '../action';
import * as fee from '../../schemas/fee';
import { issueBills } from '../../usecases/fee/issueBills';

/** The `cashier` function's actions (收费员/经理, contract §3). */
export const cashierActions = {
  issueBills: action(fee.issueBillsInput, issueBills),
} as const;
