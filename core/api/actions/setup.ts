import { outsideAction } from '../action';
import * as setup from '../../schemas/setup';
import { fetchRegisterFile, importHouseholds } from '../../usecases/setup/importHouseholds';
import { exportHouseholds, storeExport } from '../../usecases/setup/exportHouseholds';
import { settingsSetupActions, staffSetupActions } from '../setupActions';

/**
 * The `setup` function's actions: community setup (经理) — the household register in and out as .xlsx
 * (contract §3), staff accounts and the duty rota, service settings and fee standards.
 */
export const setupActions = {
  importHouseholds: outsideAction(setup.importHouseholdsInput, { before: fetchRegisterFile, run: importHouseholds }),
  exportHouseholds: outsideAction(setup.exportHouseholdsInput, { run: exportHouseholds, after: storeExport }),
  ...staffSetupActions,
  ...settingsSetupActions,
} as const;
