import { action } from './action';
import * as staff from '../schemas/setupStaff';
import * as settings from '../schemas/setupSettings';
import { setupStaffList } from '../usecases/setup/staffList';
import { inviteStaff } from '../usecases/setup/inviteStaff';
import { revokeInvite } from '../usecases/setup/revokeInvite';
import { acceptInvite } from '../usecases/setup/acceptInvite';
import { setStaffRoles } from '../usecases/setup/setStaffRoles';
import { deactivateStaff } from '../usecases/setup/deactivateStaff';
import { rota, setRota } from '../usecases/setup/rota';
import { saveSettings, settings as readSettings } from '../usecases/setup/settings';
import { feeStandards, saveFeeStandard } from '../usecases/setup/feeStandards';

/** `setup` actions for staff accounts and the duty rota (经理; the rota also 客服主管; accepting: the invited person). */
export const staffSetupActions = {
  staff: action(staff.staffInput, setupStaffList, { readOnly: true }),
  inviteStaff: action(staff.inviteStaffInput, inviteStaff, { idempotent: true }),
  revokeInvite: action(staff.revokeInviteInput, revokeInvite),
  acceptInvite: action(staff.acceptInviteInput, acceptInvite, { idempotent: true }),
  setStaffRoles: action(staff.setStaffRolesInput, setStaffRoles),
  deactivateStaff: action(staff.deactivateStaffInput, deactivateStaff),
  rota: action(staff.rotaInput, rota, { readOnly: true }),
  setRota: action(staff.setRotaInput, setRota),
} as const;

/** `setup` actions for service settings and fee standards, versioned by effective date (经理). */
export const settingsSetupActions = {
  settings: action(settings.settingsInput, readSettings, { readOnly: true }),
  saveSettings: action(settings.saveSettingsInput, saveSettings, { idempotent: true }),
  feeStandards: action(settings.feeStandardsInput, feeStandards, { readOnly: true }),
  saveFeeStandard: action(settings.saveFeeStandardInput, saveFeeStandard, { idempotent: true }),
} as const;
