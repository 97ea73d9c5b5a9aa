import { action, outsideAction } from '../action';
import * as fee from '../../schemas/fee';
import * as cashier from '../../schemas/cashier';
import { issueBills } from '../../usecases/fee/issueBills';
import { arrears } from '../../usecases/cashier/arrears';
import { remind } from '../../usecases/cashier/remind';
import { demandLetter } from '../../usecases/cashier/demandLetter';
import { voidReceipt } from '../../usecases/cashier/voidReceipt';
import { cashierReceipts } from '../../usecases/cashier/receipts';
import { dayBook } from '../../usecases/cashier/dayBook';
import { exportDayBook, storeDayBook } from '../../usecases/cashier/exportDayBook';

/** The `cashier` function's actions (收费员/经理, contract §3; R-FEE-1, R-FEE-6..8). */
export const cashierActions = {
  issueBills: action(fee.issueBillsInput, issueBills),
  arrears: action(cashier.arrearsInput, arrears, { readOnly: true }),
  remind: action(cashier.remindInput, remind),
  demandLetter: action(cashier.demandLetterInput, demandLetter),
  receipts: action(cashier.cashierReceiptsInput, cashierReceipts, { readOnly: true }),
  voidReceipt: action(cashier.voidReceiptInput, voidReceipt),
  dayBook: action(cashier.dayBookInput, dayBook, { readOnly: true }),
  exportDayBook: outsideAction(cashier.dayBookInput, { run: exportDayBook, after: storeDayBook }),
} as const;
