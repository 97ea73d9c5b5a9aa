import { reportActions } from '../../core/api/actions/report';
import { excelSpreadsheets } from '../../adapters/spreadsheets/exceljs';
import { createMain } from '../_runtime/createMain';
import { provideSpreadsheets } from '../_runtime/deps';
import { useCloudStorage } from '../_runtime/lazyCloudStorage';

provideSpreadsheets(excelSpreadsheets());
// Exports go to the environment's cloud storage and are read through a temporary URL (storeWorkbook).
useCloudStorage();

/** `report` cloud function: actions in core/api/actions/report.ts (report.export writes .xlsx through exceljs, loaded on first use). */
export const main = createMain('report', reportActions);
