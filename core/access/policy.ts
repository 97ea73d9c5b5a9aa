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
  | 'workbench.classify'
  | 'workbench.dispatch'
  | 'workbench.work'
  | 'workbench.callback'
  | 'workbench.pause'
  | 'workbench.closeUnresolvable'
  | 'case.actOwn'
  | 'report.read'
  | 'setup.households'
  | 'setup.staff'
  | 'setup.rota'
  | 'setup.settings'
  | 'setup.acceptInvite'
  | 'fee.readOwn'
  | 'fee.pay'
  | 'fee.verify'
  | 'cashier.bill'
  | 'renovation.apply'
  | 'renovation.readOwn'
  | 'renovation.read'
  | 'renovation.manage';

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
  /** 投诉分级 (R-CMP-2): the front desk, its supervisor and the manager. */
  'workbench.classify': CASE_DESK,
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
  /** The household register (一户一档): import and export, the community's manager only. */
  'setup.households': ['manager'],
  /** Staff accounts of the community: invite, roles, deactivate (经理). */
  'setup.staff': ['manager'],
  /** The technicians' duty rota (值班表): the manager and the customer-service supervisor. */
  'setup.rota': ['manager', 'supervisor'],
  /** Service settings and fee standards, with their history (经理). */
  'setup.settings': ['manager'],
  /** Anyone signed in may accept an invitation made to their own (verified) phone. */
  'setup.acceptInvite': ['anyone'],
  /** Bills, standards, orders and receipts of the resident's own household (R-FEE-1..3, R-FEE-6). */
  'fee.readOwn': ['resident'],
  'fee.pay': ['resident'],
  /** Renovation (R-REN-1): a resident of the household applies (the use case checks owner / delegate). */
  'renovation.apply': ['resident'],
  /** The household's renovation archive (R-REN-11): its own residents. */
  'renovation.readOwn': ['resident'],
  /** Staff who read applications: the officer, the desk that is notified, the supervisor and the manager. */
  'renovation.read': ['renovation_officer', 'frontdesk', 'supervisor', 'manager'],
  /** Review, closure test, inspections, violations, acceptance (R-REN-6..10): 装修管理员 and the manager. */
  'renovation.manage': ['renovation_officer', 'manager'],
  /** A receipt's number and code verify it for anyone (R-FEE-6); checked without a caller too. */
  'fee.verify': ['anyone'],
  /** Issuing bills, arrears, receipts and the day book: 收费员 and 经理. */
  'cashier.bill': ['cashier', 'manager'],
};

// ------------------------------------------------------------------ case reading (R-ACC-3, R-ACC-5)

/**
 * Which cases each staff role reads, and which of their fields (R-ACC-5: staff see what their role
 * needs). Read by `caseFieldsFor` / `caseScopeOf` (core/access/caseAccess.ts) and nothing else; a case
 * outside the caller's scope is CASE.NOT_FOUND and never listed.
 *
 * - `scope`: `community` — every case of the communities where the role is held; otherwise only the
 *   cases the staff member is responsible for (`owner`), plus `workOrders` (the technician holding the
 *   case's work order) and `categories` (cases routed to the role by their category).
 * - `contact`: the resident's contact (name and phone) in a single case's view: `full`, or `masked`
 *   (张* · 138****5678). Whoever handles the case — its responsible person, the technician on its work
 *   order — always sees it in full: they are the ones who call the resident. Lists mask the phone for
 *   everyone (R-ACC-5), the name per this column.
 * - `content` / `photos`: the resident's words (content, notes, rating comment) and photos. Photo files
 *   are served only through a case the caller may read with `photos` (core/usecases/file/read.ts).
 */
export type CaseScope = 'community' | { workOrders: boolean; categories: readonly string[] };
export interface CaseReadRule {
  scope: CaseScope;
  contact: 'full' | 'masked';
  content: boolean;
  photos: boolean;
}

export const CASE_READ: Record<StaffRole, CaseReadRule> = {
  /** The case desk takes, routes, dispatches and calls back every case of the community. */
  frontdesk: { scope: 'community', contact: 'full', content: true, photos: true },
  supervisor: { scope: 'community', contact: 'full', content: true, photos: true },
  manager: { scope: 'community', contact: 'full', content: true, photos: true },
  /** The work orders he holds (past ones included, until re-dispatched) and cases handed to him. */
  technician: { scope: { workOrders: true, categories: [] }, contact: 'full', content: true, photos: true },
  /** 装修相关 cases, to advise on them; the contact stays with the desk unless the case is handed over. */
  renovation_officer: { scope: { workOrders: false, categories: ['renovation'] }, contact: 'masked', content: true, photos: true },
  /** 物业费用 cases, likewise. */
  cashier: { scope: { workOrders: false, categories: ['fee'] }, contact: 'masked', content: true, photos: true },
};
