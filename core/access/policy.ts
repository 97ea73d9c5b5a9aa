import type { StaffRole } from '../schemas/common';

/**
 * THE permission table (R-ACC-3). Residents act only on their own household's objects; staff by role,
 * within their communities. `requireAccess` reads nothing else.
 */
export type Permission =
  | 'account.me'
  | 'account.bind'
  | 'binding.review'
  | 'case.submit'
  | 'case.readOwn'
  | 'case.cancelOwn'
  | 'message.read'
  | 'workbench.queue'
  | 'workbench.read'
  | 'workbench.intake'
  | 'workbench.assign'
  | 'workbench.reply';

type Who = 'anyone' | 'resident' | StaffRole;

const ALL_STAFF: StaffRole[] = ['frontdesk', 'technician', 'supervisor', 'manager', 'renovation_officer', 'cashier'];
const CASE_DESK: StaffRole[] = ['frontdesk', 'supervisor', 'manager'];

export const POLICY: Record<Permission, readonly Who[]> = {
  'account.me': ['anyone'],
  'account.bind': ['anyone'],
  'message.read': ['anyone'],
  'binding.review': ['frontdesk', 'supervisor', 'manager'],
  'case.submit': ['resident'],
  'case.readOwn': ['resident'],
  'case.cancelOwn': ['resident'],
  'workbench.queue': ALL_STAFF,
  'workbench.read': ALL_STAFF,
  'workbench.intake': CASE_DESK,
  'workbench.assign': CASE_DESK,
  'workbench.reply': CASE_DESK,
};
