import { reportActions } from '../../core/api/actions/report';
import { createMain } from '../_runtime/createMain';

/** `report` cloud function: actions in core/api/actions/report.ts. */
export const main = createMain('report', reportActions);
