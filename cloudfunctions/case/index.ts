import { createMain } from '../_runtime/createMain';

/** `case` cloud function: actions in core/api/handlers.ts (`handlers.case`). */
export const main = createMain('case');
