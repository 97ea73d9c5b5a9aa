/**
 * The product's words: codes of the contract and their Chinese labels. No zod here, so the app can
 * import it without pulling the validators into the mini-program bundle.
 */
export const CASE_KINDS = ['repair', 'complaint', 'consultation', 'suggestion', 'praise', 'help', 'warranty', 'service', 'other'] as const;
export const CASE_STATUSES = ['submitted', 'processing', 'resolved', 'closed', 'cancelled'] as const;
export const CHANNELS = ['miniprogram', 'phone', 'visit', 'letter'] as const;
export const DEPARTMENTS = ['customer_service', 'maintenance', 'security', 'cleaning', 'greening', 'developer_liaison'] as const;
export const RELATIONS = ['owner', 'family', 'tenant'] as const;
export const STAFF_ROLES = ['frontdesk', 'technician', 'supervisor', 'manager', 'renovation_officer', 'cashier'] as const;
export const COMPLAINT_LEVELS = ['major', 'serious', 'minor'] as const;

export type CaseKind = (typeof CASE_KINDS)[number];
export type CaseStatus = (typeof CASE_STATUSES)[number];
export type Channel = (typeof CHANNELS)[number];
export type Department = (typeof DEPARTMENTS)[number];
export type Relation = (typeof RELATIONS)[number];
export type StaffRole = (typeof STAFF_ROLES)[number];
export type ComplaintLevel = (typeof COMPLAINT_LEVELS)[number];

/** Chinese labels the UI and messages use. */
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
  developer_liaison: '售后联络（地产保修）',
};

export const CHANNEL_LABELS: Record<Channel, string> = {
  miniprogram: '小程序',
  phone: '来电',
  visit: '来访',
  letter: '信函',
};

export const RELATION_LABELS: Record<Relation, string> = { owner: '业主', family: '家属', tenant: '租户' };

export const ROLE_LABELS: Record<StaffRole, string> = {
  frontdesk: '前台',
  technician: '维修技师',
  supervisor: '客服主管',
  manager: '经理',
  renovation_officer: '装修管理员',
  cashier: '收费员',
};

export const DEADLINE_LABELS: Record<string, string> = { arrival: '上门时限', reply: '答复时限', resolution: '办结时限' };
