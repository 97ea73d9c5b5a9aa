import { createMain } from '../_runtime/createMain';

/** `setup` cloud function: actions in core/api/handlers.ts (`handlers.setup`). */
export const main = createMain('setup');
