import { createMain } from '../_runtime/createMain';

/** `file` cloud function: actions in core/api/handlers.ts (`handlers.file`). */
export const main = createMain('file');
