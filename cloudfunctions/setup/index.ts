import { setupActions } from '../../core/api/actions/setup';
import { excelSpreadsheets } from '../../adapters/spreadsheets/exceljs';
import { createMain } from '../_runtime/createMain';
import { provideSpreadsheets } from '../_runtime/deps';

provideSpreadsheets(excelSpreadsheets());

/** `setup` cloud function (community setup, 经理): actions in core/api/actions/setup.ts. */
export const main = createMain('setup', setupActions);
