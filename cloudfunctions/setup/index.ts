import { setupActions } from '../../core/api/actions/setup';
import { excelSpreadsheets } from '../../adapters/spreadsheets/exceljs';
import { createMain } from '../_runtime/createMain';
import { provideSpreadsheets } from '../_runtime/deps';
import { useCloudStorage } from '../_runtime/lazyCloudStorage';

provideSpreadsheets(excelSpreadsheets());
// Exports go to the environment's cloud storage and are read through a temporary URL (storeWorkbook).
useCloudStorage();

/** `setup` cloud function (community setup, 经理): actions in core/api/actions/setup.ts. */
export const main = createMain('setup', setupActions);
