import { workbenchActions } from '../../core/api/actions/workbench';
import { createMain } from '../_runtime/createMain';

/** `workbench` cloud function: actions in core/api/actions/workbench.ts. */
export const main = createMain('workbench', workbenchActions);
