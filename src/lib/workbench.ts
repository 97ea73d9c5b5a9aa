import type { Me } from './session';

/** A row of the permission table, as `account.me` answers it. */
export type Permission = Me['permissions'][number];

/** Whether `account.me` says this user holds the permission (the pages never read roles for this). */
export const may = (me: Me | null | undefined, p: Permission): boolean => !!me && me.permissions.includes(p);

/** Staff: whoever may read the workbench. */
export const isStaff = (me: Me | null | undefined) => may(me, 'workbench.read');

export type WbSection = 'mywork' | 'queue' | 'renovations' | 'intake' | 'bindings' | 'arrears' | 'receipts' | 'daybook' | 'report' | 'households' | 'staff' | 'rota' | 'settings';

/** The workbench sections in menu order, each opened by one permission. The first one a user may open is their home. */
export const WB_SECTIONS: { key: WbSection; label: string; url: string; permission: Permission }[] = [
  { key: 'mywork', label: '我的工单', url: '/workbench/mywork/index', permission: 'workbench.work' },
  { key: 'queue', label: '工单队列', url: '/workbench/queue/index', permission: 'workbench.queue' },
  { key: 'renovations', label: '装修管理', url: '/workbench/renovations/index', permission: 'renovation.read' },
  { key: 'intake', label: '代客登记', url: '/workbench/intake/index', permission: 'workbench.intake' },
  { key: 'bindings', label: '认证审核', url: '/workbench/bindings/index', permission: 'binding.review' },
  // The cashier workbench (收费员/经理, R-FEE-6..8).
  { key: 'arrears', label: '欠费催缴', url: '/workbench/arrears/index', permission: 'cashier.bill' },
  { key: 'receipts', label: '收据管理', url: '/workbench/receipts/index', permission: 'cashier.bill' },
  { key: 'daybook', label: '收费日结', url: '/workbench/daybook/index', permission: 'cashier.bill' },
  { key: 'report', label: '月度报表', url: '/workbench/report/index', permission: 'report.read' },
  { key: 'households', label: '房屋档案', url: '/workbench/households/index', permission: 'setup.households' },
  { key: 'staff', label: '员工管理', url: '/workbench/staff/index', permission: 'setup.staff' },
  { key: 'rota', label: '值班表', url: '/workbench/rota/index', permission: 'setup.rota' },
  { key: 'settings', label: '服务与收费', url: '/workbench/settings/index', permission: 'setup.settings' },
];

export const sectionsOf = (me: Me | null | undefined) => WB_SECTIONS.filter((s) => may(me, s.permission));

/** Where this user's workbench opens (technicians: their work orders; the desk: the queue); null for non-staff. */
export const workbenchHome = (me: Me | null | undefined) => (isStaff(me) ? (sectionsOf(me)[0] ?? null) : null);
