import type { CaseKind, CaseStatus, Channel, Department, Relation, StaffRole } from '../../core/schemas/common';
import type { CategoryCode } from '../../core/domain/case/routing';

// Labels are copied here (type-checked against core) so the app bundle does not pull in zod.

export const KIND_LABELS: Record<CaseKind, string> = {
  repair: '报修',
  complaint: '投诉',
  consultation: '咨询',
  suggestion: '建议',
  praise: '表扬',
  help: '求助',
  warranty: '售后',
  service: '有偿服务',
  other: '其它',
};

export const STATUS_LABELS: Record<CaseStatus, string> = {
  submitted: '待受理',
  processing: '处理中',
  resolved: '已办结',
  closed: '已关闭',
  cancelled: '已撤销',
};

export const DEPARTMENT_LABELS: Record<Department, string> = {
  customer_service: '客服中心',
  maintenance: '工程维修部',
  security: '秩序维护部',
  cleaning: '保洁部',
  greening: '绿化部',
  developer_liaison: '售后联络',
};

export const CHANNEL_LABELS: Record<Channel, string> = { miniprogram: '小程序', phone: '来电', visit: '来访', letter: '信函' };

export const RELATION_LABELS: Record<Relation, string> = { owner: '业主', family: '家属', tenant: '租户' };

export const ROLE_LABELS: Record<StaffRole, string> = {
  frontdesk: '前台',
  technician: '维修技师',
  supervisor: '客服主管',
  manager: '经理',
  renovation_officer: '装修管理员',
  cashier: '收费员',
};

export const STAFF_ROLES = Object.keys(ROLE_LABELS) as StaffRole[];
export const isStaffRoles = (roles: readonly string[]) => roles.some((r) => (STAFF_ROLES as string[]).includes(r));

export const CATEGORY_LABELS: Record<CategoryCode, string> = {
  fee: '物业费用',
  parking: '停车管理',
  security: '秩序安全',
  cleaning: '环境卫生',
  greening: '绿化养护',
  facility: '公共设施',
  renovation: '装修相关',
  service: '服务态度',
  noise: '噪音扰民',
  pets: '宠物管理',
  other: '其他',
};
export const CATEGORY_CODES = Object.keys(CATEGORY_LABELS) as CategoryCode[];

export const DEADLINE_LABELS: Record<string, string> = { arrival: '上门时限', reply: '答复时限', resolution: '办结时限' };

/** Kinds a resident can submit from the app today (the others are built later). */
export const RESIDENT_KINDS = ['consultation', 'suggestion', 'praise', 'help'] as const satisfies readonly CaseKind[];
export type ResidentKind = (typeof RESIDENT_KINDS)[number];

/** Kinds the workbench may answer with a reply (案结事了). */
export const REPLY_KINDS: readonly CaseKind[] = ['consultation', 'suggestion', 'praise', 'help', 'other'];

export const KIND_HINTS: Record<ResidentKind, { title: string; placeholder: string; intro: string }> = {
  consultation: {
    title: '咨询',
    intro: '有任何疑问，请告诉我们，客服中心会尽快为您解答。',
    placeholder: '请描述您想咨询的问题，例如：小区快递柜的开放时间是？',
  },
  suggestion: {
    title: '建议',
    intro: '感谢您帮助我们把小区变得更好，每一条建议我们都会认真阅读。',
    placeholder: '请写下您的建议，例如：希望在 3 号楼门口增设一处非机动车停放点。',
  },
  praise: {
    title: '表扬',
    intro: '您的认可是对我们最大的鼓励，我们会转达给相关同事。',
    placeholder: '请写下您想表扬的人和事，例如：感谢保洁阿姨每天把楼道打扫得干干净净。',
  },
  help: {
    title: '求助',
    intro: '遇到困难请告诉我们，物业服务中心 24 小时受理。',
    placeholder: '请描述您需要的帮助，例如：家中老人行动不便，想请物业协助搬运重物。',
  },
};

export const statusTone = (s: CaseStatus | string): 'primary' | 'warning' | 'success' | 'default' =>
  s === 'submitted' ? 'warning' : s === 'processing' ? 'primary' : s === 'resolved' || s === 'closed' ? 'success' : 'default';
