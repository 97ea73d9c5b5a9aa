import { renovationActions } from '../../core/api/actions/renovation';
import { createMain } from '../_runtime/createMain';

/** `renovation` cloud function (owner or delegate / 装修管理员): actions in core/api/actions/renovation.ts. */
export const main = createMain('renovation', renovationActions);
