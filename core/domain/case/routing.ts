import type { CaseKind, Department } from '../../schemas/common';

/**
 * Categories a case may carry, each with the department that handles it (R-INT-5).
 * Kinds without a category go to the kind's default department.
 */
export const CATEGORIES = {
  fee: { label: '物业费用', department: 'customer_service' },
  parking: { label: '停车管理', department: 'security' },
  security: { label: '秩序安全', department: 'security' },
  cleaning: { label: '环境卫生', department: 'cleaning' },
  greening: { label: '绿化养护', department: 'greening' },
  facility: { label: '公共设施', department: 'maintenance' },
  renovation: { label: '装修相关', department: 'customer_service' },
  service: { label: '服务态度', department: 'customer_service' },
  noise: { label: '噪音扰民', department: 'security' },
  pets: { label: '宠物管理', department: 'security' },
  other: { label: '其他', department: 'customer_service' },
} as const satisfies Record<string, { label: string; department: Department }>;

export type CategoryCode = keyof typeof CATEGORIES;
export const CATEGORY_CODES = Object.keys(CATEGORIES) as CategoryCode[];

const KIND_DEPARTMENT: Record<CaseKind, Department> = {
  repair: 'maintenance',
  service: 'maintenance',
  warranty: 'developer_liaison',
  complaint: 'customer_service',
  consultation: 'customer_service',
  suggestion: 'customer_service',
  praise: 'customer_service',
  help: 'customer_service',
  other: 'customer_service',
};

/** Department for a new case (R-INT-5): repairs, services and 售后 by kind; the rest by category. */
export function departmentFor(kind: CaseKind, category: string | null): Department {
  if (kind === 'repair' || kind === 'service' || kind === 'warranty') return KIND_DEPARTMENT[kind];
  if (category && category in CATEGORIES) return CATEGORIES[category as CategoryCode].department;
  return KIND_DEPARTMENT[kind];
}

/** Responsible person per department, configured per community (the front desk handles or forwards: R-ESC-1). */
export type ResponsibleMap = Partial<Record<Department, string>> & { customer_service: string };

export const responsibleFor = (map: ResponsibleMap, dep: Department): string => map[dep] ?? map.customer_service;
