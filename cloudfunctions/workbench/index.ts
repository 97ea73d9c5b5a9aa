import { createMain } from '../_runtime/createMain';

/** `workbench` cloud function: actions in core/api/handlers.ts (`handlers.workbench`). */
export const main = createMain('workbench');
