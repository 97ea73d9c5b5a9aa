import { action } from '../action';
import * as wb from '../../schemas/workbench';
import { queue } from '../../usecases/workbench/queue';
import { workbenchGet } from '../../usecases/workbench/get';
import { intake } from '../../usecases/workbench/intake';
import { assign } from '../../usecases/workbench/assign';
import { reply } from '../../usecases/workbench/reply';
import { staffList } from '../../usecases/workbench/staff';
import { assignees } from '../../usecases/workbench/assignees';
import { dispatch } from '../../usecases/repair/dispatch';
import { arrive, complete, quote } from '../../usecases/repair/technicianWork';
import { callback } from '../../usecases/repair/callback';
import { pause, resume } from '../../usecases/repair/pause';
import { closeUnresolvable } from '../../usecases/repair/closeUnresolvable';
import { classify } from '../../usecases/complaint/classify';
import { contact } from '../../usecases/complaint/contact';
import { markInvalid } from '../../usecases/complaint/markInvalid';
import { close } from '../../usecases/complaint/close';

/** The `workbench` function's actions (its bundle holds these alone: scripts/bundle-functions.ts). */
export const workbenchActions = {
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
  classify: action(wb.classifyInput, classify),
  contact: action(wb.contactInput, contact),
  markInvalid: action(wb.markInvalidInput, markInvalid),
  close: action(wb.closeInput, close),
} as const;
