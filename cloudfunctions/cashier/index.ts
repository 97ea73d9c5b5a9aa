import { cashierActions } from '../../core/api/actions/cashier';
import { excelSpreadsheets } from '../../adapters/spreadsheets/exceljs';
import { createMain } from '../_runtime/createMain';
import { provideSpreadsheets } from '../_runtime/deps';
import { useCloudStorage } from '../_runtime/lazyCloudStorage';

provideSpreadsheets(excelSpreadsheets());
// The day book's export goes to the environment's cloud storage on CloudBase (storeWorkbook).
useCloudStorage();

/** `cashier` cloud function (收费员/经理): actions in core/api/actions/cashier.ts (exportDayBook writes .xlsx through exceljs, loaded on first use). */
export const main = createMain('cashier', cashierActions);
