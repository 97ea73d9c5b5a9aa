import { caseActions } from '../../core/api/actions/case';
import { createMain } from '../_runtime/createMain';

/** `case` cloud function: actions in core/api/actions/case.ts. */
export const main = createMain('case', caseActions);
