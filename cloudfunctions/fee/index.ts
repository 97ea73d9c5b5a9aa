import { feeActions } from '../../core/api/actions/fee';
import { createMain } from '../_runtime/createMain';
import { useWechatPay } from '../_runtime/wechatPay';

useWechatPay();

/** `fee` cloud function (residents; `verifyReceipt` anyone): actions in core/api/actions/fee.ts. */
export const main = createMain('fee', feeActions);
