import { action, outsideAction } from '../action';
import * as report from '../../schemas/report';
import { monthly } from '../../usecases/report/monthly';
import { exportReport, storeReport } from '../../usecases/report/export';

/** The `report` function's actions (its bundle holds these alone: scripts/bundle-functions.ts). */
export const reportActions = {
  monthly: action(report.monthlyInput, monthly, { readOnly: true }),
  export: outsideAction(report.exportInput, { run: exportReport, after: storeReport }),
} as const;
