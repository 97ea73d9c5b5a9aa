import { accountActions } from '../../core/api/actions/account';
import { createMain } from '../_runtime/createMain';

/** `account` cloud function: actions in core/api/actions/account.ts. */
export const main = createMain('account', accountActions);
