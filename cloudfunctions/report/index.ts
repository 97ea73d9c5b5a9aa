import { createMain } from '../_runtime/createMain';

/** `report` cloud function: actions in core/api/handlers.ts (`handlers.report`). */
export const main = createMain('report');
