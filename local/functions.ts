import { main as account } from '../cloudfunctions/account/index';
import { main as caseFn } from '../cloudfunctions/case/index';
import { main as workbench } from '../cloudfunctions/workbench/index';
import { main as message } from '../cloudfunctions/message/index';
import { main as report } from '../cloudfunctions/report/index';
import { main as file } from '../cloudfunctions/file/index';
import { main as setup } from '../cloudfunctions/setup/index';
import { main as fee } from '../cloudfunctions/fee/index';
import { main as cashier } from '../cloudfunctions/cashier/index';
import { main as renovation } from '../cloudfunctions/renovation/index';
import { main as payNotify } from '../cloudfunctions/payNotify/index';
import type { FunctionName } from '../core/api/handlers';
import type { Envelope } from '../core/api/dispatch';
import type { HttpFunction } from './httpFunctions';

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
  renovation,
};

/** HTTP-triggered functions (CloudBase's HTTP access service; local/httpFunctions.ts), by name: WeChat Pay's notifications (`POST /pay/notify`). */
export const HTTP_FUNCTIONS: Partial<Record<string, HttpFunction>> = { payNotify };

/** The function an HTTP route reaches: a test's stand-in, else HTTP_FUNCTIONS, else a same-named entry of FUNCTIONS. */
export function httpFunction(name: string, overrides?: Record<string, HttpFunction>): HttpFunction | undefined {
  const own = (o: object | undefined) => (o && Object.prototype.hasOwnProperty.call(o, name) ? (o as Record<string, HttpFunction>)[name] : undefined);
  return own(overrides) ?? own(HTTP_FUNCTIONS) ?? own(FUNCTIONS);
}
