import { accountActions } from './actions/account';
import { caseActions } from './actions/case';
import { workbenchActions } from './actions/workbench';
import { reportActions } from './actions/report';
import { messageActions } from './actions/message';
import { fileActions } from './actions/file';
import { setupActions } from './actions/setup';
import { feeActions } from './actions/fee';
import { cashierActions } from './actions/cashier';
import { renovationActions } from './actions/renovation';

/**
 * THE handler map: function → action → definition. Cloud functions dispatch through it; the app's
 * client derives its types from it, so a renamed field breaks the build, not the user. Each function's
 * actions live in core/api/actions/<function>.ts, so a function's bundle holds only its own use cases
 * and schemas (cloudfunctions/<name>/index.ts imports its map alone).
 */
export const handlers = {
  account: accountActions,
  case: caseActions,
  workbench: workbenchActions,
  report: reportActions,
  message: messageActions,
  file: fileActions,
  setup: setupActions,
  fee: feeActions,
  cashier: cashierActions,
  renovation: renovationActions,
} as const;

export type Handlers = typeof handlers;
export type FunctionName = keyof Handlers;
export const FUNCTION_NAMES = Object.keys(handlers) as FunctionName[];

export { envelope } from './envelope';
