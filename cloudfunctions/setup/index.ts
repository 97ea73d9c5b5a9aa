import { excelSpreadsheets } from '../../adapters/spreadsheets/exceljs';
import { createMain } from '../_runtime/createMain';
import { provideSpreadsheets } from '../_runtime/deps';

provideSpreadsheets(excelSpreadsheets());

/** `setup` cloud function (community setup, 经理): actions in core/api/handlers.ts (`handlers.setup`). */
export const main = createMain('setup');
