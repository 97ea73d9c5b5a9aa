import { createMain } from '../_runtime/createMain';

/** `account` cloud function: actions in core/api/handlers.ts (`handlers.account`). */
export const main = createMain('account');
