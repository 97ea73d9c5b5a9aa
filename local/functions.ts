import { main as account } from '../cloudfunctions/account/index';
import { main as caseFn } from '../cloudfunctions/case/index';
import { main as workbench } from '../cloudfunctions/workbench/index';
import { main as message } from '../cloudfunctions/message/index';
import { main as report } from '../cloudfunctions/report/index';
import { main as file } from '../cloudfunctions/file/index';
import { main as setup } from '../cloudfunctions/setup/index';
import { main as fee } from '../cloudfunctions/fee/index';
import { main as cashier } from '../cloudfunctions/cashier/index';
import type { FunctionName } from '../core/api/handlers';
import type { Envelope } from '../core/api/dispatch';

/** Every cloud function the gateway hosts at POST /fn/<name>: the same `main` CloudBase runs. */
export const FUNCTIONS: Record<FunctionName, (event: unknown, context: unknown) => Promise<Envelope>> = {
  account,
  case: caseFn,
  workbench,
  message,
  report,
  file,
  setup,
  fee,
  cashier,
};
