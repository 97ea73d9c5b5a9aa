import { messageActions } from '../../core/api/actions/message';
import { createMain } from '../_runtime/createMain';

/** `message` cloud function: actions in core/api/actions/message.ts. */
export const main = createMain('message', messageActions);
