import { action } from '../action';
import * as cases from '../../schemas/case';
import { submitCase } from '../../usecases/case/submit';
import { listCases } from '../../usecases/case/list';
import { getCase } from '../../usecases/case/get';
import { cancelCase } from '../../usecases/case/cancel';
import { confirm, decideQuote, rate, urge } from '../../usecases/repair/residentActions';

/** The `case` function's actions (its bundle holds these alone: scripts/bundle-functions.ts). */
export const caseActions = {
  submit: action(cases.submitCaseInput, submitCase, { idempotent: true }),
  list: action(cases.listCasesInput, listCases, { readOnly: true }),
  get: action(cases.getCaseInput, getCase, { readOnly: true }),
  cancel: action(cases.cancelCaseInput, cancelCase),
  urge: action(cases.caseIdInput, urge),
  acceptQuote: action(cases.quoteDecisionInput, (ctx, i) => decideQuote(ctx, i, true)),
  declineQuote: action(cases.quoteDecisionInput, (ctx, i) => decideQuote(ctx, i, false)),
  confirm: action(cases.confirmInput, confirm),
  rate: action(cases.rateInput, rate),
} as const;
