import { action, outsideAction } from '../action';
import * as fee from '../../schemas/fee';
import { standards } from '../../usecases/fee/standards';
import { bills } from '../../usecases/fee/bills';
import { preview } from '../../usecases/fee/preview';
import { payAtProvider, payOrder, replayPay } from '../../usecases/fee/pay';
import { order } from '../../usecases/fee/order';
import { receipt, receipts } from '../../usecases/fee/receipts';
import { verifyReceipt } from '../../usecases/fee/verifyReceipt';
import { refunds } from '../../usecases/fee/refunds';

/**
 * The `fee` function's actions (contract §3): residents, their own household only; `verifyReceipt`
 * anyone. `pay` writes the order in the transaction and asks WeChat Pay after the commit.
 */
export const feeActions = {
  standards: action(fee.standardsInput, standards, { readOnly: true }),
  bills: action(fee.billsInput, bills, { readOnly: true }),
  preview: action(fee.previewInput, preview, { readOnly: true }),
  pay: outsideAction(fee.payInput, { run: payOrder, after: payAtProvider, replay: replayPay }, { idempotent: true }),
  order: action(fee.orderInput, order, { readOnly: true }),
  receipts: action(fee.receiptsInput, receipts, { readOnly: true }),
  receipt: action(fee.receiptInput, receipt, { readOnly: true }),
  refunds: action(fee.refundsInput, refunds, { readOnly: true }),
  verifyReceipt: action(fee.verifyReceiptInput, verifyReceipt, { readOnly: true }),
} as const;
