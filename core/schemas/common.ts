import { z } from 'zod';

export const CASE_KINDS = ['repair', 'complaint', 'consultation', 'suggestion', 'praise', 'help', 'warranty', 'service', 'other'] as const;
export const caseKind = z.enum(CASE_KINDS);
export type CaseKind = z.infer<typeof caseKind>;

export const CASE_STATUSES = ['submitted', 'processing', 'resolved', 'closed', 'cancelled'] as const;
export const caseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof caseStatus>;

export const CHANNELS = ['miniprogram', 'phone', 'visit', 'letter'] as const;
export const channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof channel>;

export const DEPARTMENTS = ['customer_service', 'maintenance', 'security', 'cleaning', 'greening', 'developer_liaison'] as const;
export const department = z.enum(DEPARTMENTS);
export type Department = z.infer<typeof department>;

export const RELATIONS = ['owner', 'family', 'tenant'] as const;
export const relation = z.enum(RELATIONS);
export type Relation = z.infer<typeof relation>;

export const STAFF_ROLES = ['frontdesk', 'technician', 'supervisor', 'manager', 'renovation_officer', 'cashier'] as const;
export const staffRole = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof staffRole>;

export const COMPLAINT_LEVELS = ['major', 'serious', 'minor'] as const;
export const complaintLevel = z.enum(COMPLAINT_LEVELS);

/** Client-made request id for creating actions (contract §1: ≤ 64 chars). */
export const requestId = z.string().trim().min(8, '请求编号至少 8 位').max(64, '请求编号不超过 64 位').regex(/^[A-Za-z0-9_-]+$/, '请求编号格式有误');

/** Room code 栋-单元-房号, e.g. 1-2-201. */
export const householdId = z.string().trim().regex(/^\d{1,3}-\d{1,2}-\d{3,4}$/, '房号格式应为 楼栋-单元-房号，如 1-2-201');

/** Mainland mobile number. */
export const phone = z.string().trim().regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号码');

export const personName = z.string().trim().min(1, '请填写姓名').max(20, '姓名不超过 20 个字');

export const entityId = z.string().trim().min(1).max(64);

export const fileId = z.string().trim().regex(/^f_[A-Za-z0-9_-]{4,60}$/, '图片编号有误');

export const isoTime = z.iso.datetime({ offset: true, message: '时间格式有误' });

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
