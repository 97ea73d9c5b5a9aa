import { createMain } from '../_runtime/createMain';

/** `message` cloud function: actions in core/api/handlers.ts (`handlers.message`). */
export const main = createMain('message');
