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
  | 'workbench.reply'
  | 'workbench.dispatch'
  | 'workbench.work'
  | 'workbench.callback'
  | 'workbench.pause'
  | 'workbench.closeUnresolvable'
  | 'case.actOwn'
  | 'report.read';

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
  'workbench.dispatch': CASE_DESK,
  /** Arrive, quote, complete: the technician on the work order (checked by the use case). */
  'workbench.work': ['technician'],
  /** Callbacks are made by the desk, never by the technician who did the work (R-REP-6). */
  'workbench.callback': CASE_DESK,
  'workbench.pause': [...CASE_DESK, 'technician'],
  /** R-ESC-4: only the manager closes what cannot be handled. */
  'workbench.closeUnresolvable': ['manager'],
  'case.actOwn': ['resident'],
  'report.read': ['supervisor', 'manager'],
};
