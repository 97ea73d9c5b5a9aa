import { z } from 'zod';
import { action, outsideAction } from './action';
import * as file from '../schemas/file';
import * as account from '../schemas/account';
import * as cases from '../schemas/case';
import * as wb from '../schemas/workbench';
import * as msg from '../schemas/message';
import { me } from '../usecases/account/me';
import { bind } from '../usecases/account/bind';
import { bindings } from '../usecases/account/bindings';
import { decideBinding } from '../usecases/account/decideBinding';
import { subscribe, subscribeTemplates } from '../usecases/account/subscribe';
import { submitCase } from '../usecases/case/submit';
import { listCases } from '../usecases/case/list';
import { getCase } from '../usecases/case/get';
import { cancelCase } from '../usecases/case/cancel';
import { queue } from '../usecases/workbench/queue';
import { workbenchGet } from '../usecases/workbench/get';
import { intake } from '../usecases/workbench/intake';
import { assign } from '../usecases/workbench/assign';
import { reply } from '../usecases/workbench/reply';
import { staffList } from '../usecases/workbench/staff';
import { assignees } from '../usecases/workbench/assignees';
import { listMessages } from '../usecases/message/list';
import * as report from '../schemas/report';
import { dispatch } from '../usecases/repair/dispatch';
import { arrive, complete, quote } from '../usecases/repair/technicianWork';
import { callback } from '../usecases/repair/callback';
import { pause, resume } from '../usecases/repair/pause';
import { closeUnresolvable } from '../usecases/repair/closeUnresolvable';
import { confirm, decideQuote, rate, urge } from '../usecases/repair/residentActions';
import { monthlyRepairs } from '../usecases/report/monthlyRepairs';
import { readMessages } from '../usecases/message/read';
import { uploadPath } from '../usecases/file/uploadPath';
import { inspectUpload, registerUpload } from '../usecases/file/register';
import { photoToRead, photoUrl } from '../usecases/file/url';
import { settingsSetupActions, staffSetupActions } from './setupActions';

/**
 * THE handler map: function → action → definition. Cloud functions dispatch through it; the app's
 * client derives its types from it, so a renamed field breaks the build, not the user.
 */
export const handlers = {
  account: {
    me: action(account.meInput, me, { readOnly: true }),
    bind: action(account.bindInput, bind, { idempotent: true }),
    bindings: action(account.bindingsInput, bindings, { readOnly: true }),
    approveBinding: action(account.approveBindingInput, (ctx, i) => decideBinding(ctx, { id: i.id, decision: 'approved' })),
    rejectBinding: action(account.rejectBindingInput, (ctx, i) => decideBinding(ctx, { id: i.id, decision: 'rejected', reason: i.reason })),
    subscribe: action(account.subscribeInput, subscribe, { idempotent: true }),
    subscribeTemplates: action(account.subscribeTemplatesInput, subscribeTemplates, { readOnly: true }),
  },
  case: {
    submit: action(cases.submitCaseInput, submitCase, { idempotent: true }),
    list: action(cases.listCasesInput, listCases, { readOnly: true }),
    get: action(cases.getCaseInput, getCase, { readOnly: true }),
    cancel: action(cases.cancelCaseInput, cancelCase),
    urge: action(cases.caseIdInput, urge),
    acceptQuote: action(cases.quoteDecisionInput, (ctx, i) => decideQuote(ctx, i, true)),
    declineQuote: action(cases.quoteDecisionInput, (ctx, i) => decideQuote(ctx, i, false)),
    confirm: action(cases.confirmInput, confirm),
    rate: action(cases.rateInput, rate),
  },
  workbench: {
    queue: action(wb.queueInput, queue, { readOnly: true }),
    get: action(wb.workbenchGetInput, workbenchGet, { readOnly: true }),
    intake: action(wb.intakeInput, intake, { idempotent: true }),
    assign: action(wb.assignInput, assign),
    reply: action(wb.replyInput, reply),
    staff: action(wb.staffInput, staffList, { readOnly: true }),
    assignees: action(wb.workbenchGetInput, assignees, { readOnly: true }),
    dispatch: action(wb.dispatchInput, dispatch),
    arrive: action(wb.arriveInput, arrive),
    quote: action(wb.quoteInput, quote),
    complete: action(wb.completeInput, complete),
    callback: action(wb.callbackInput, callback),
    pause: action(wb.pauseInput, pause),
    resume: action(wb.workIdInput, resume),
    closeUnresolvable: action(wb.closeUnresolvableInput, closeUnresolvable),
  },
  report: {
    monthly: action(report.monthlyInput, monthlyRepairs, { readOnly: true }),
  },
  message: {
    list: action(msg.messageListInput, listMessages, { readOnly: true }),
    read: action(msg.messageReadInput, readMessages),
  },
  /** Photos through cloud storage: the mini-program uploads them itself, registers them, reads them by URL. */
  file: {
    uploadPath: action(file.uploadPathInput, uploadPath, { readOnly: true }),
    register: outsideAction(file.registerInput, { before: inspectUpload, run: registerUpload }, { idempotent: true }),
    url: outsideAction(file.fileUrlInput, { run: photoToRead, after: photoUrl }, { readOnly: true }),
  },
  /** Community setup (经理): staff accounts and the duty rota, service settings and fee standards. */
  setup: {
    ...staffSetupActions,
    ...settingsSetupActions,
  },
} as const;

export type Handlers = typeof handlers;
export type FunctionName = keyof Handlers;
export const FUNCTION_NAMES = Object.keys(handlers) as FunctionName[];

/** The envelope every function answers with (contract §1). */
export const envelope = z.object({ action: z.string().min(1).max(40) });
