import { action } from '../action';
import * as msg from '../../schemas/message';
import { listMessages } from '../../usecases/message/list';
import { readMessages } from '../../usecases/message/read';

/** The `message` function's actions (its bundle holds these alone: scripts/bundle-functions.ts). */
export const messageActions = {
  list: action(msg.messageListInput, listMessages, { readOnly: true }),
  read: action(msg.messageReadInput, readMessages),
} as const;
