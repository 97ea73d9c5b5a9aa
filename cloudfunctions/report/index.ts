import { reportActions } from '../../core/api/actions/report';
import { excelSpreadsheets } from '../../adapters/spreadsheets/exceljs';
import { createMain } from '../_runtime/createMain';
import { provideSpreadsheets } from '../_runtime/deps';

provideSpreadsheets(excelSpreadsheets());

/** `report` cloud function: actions in core/api/actions/report.ts (report.export writes .xlsx through exceljs, loaded on first use). */
export const main = createMain('report', reportActions);
