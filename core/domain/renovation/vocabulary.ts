/**
 * Renovation (装修申请/备案, service standards §7, contract §3): codes and their Chinese labels. No zod
 * here, so pages can import it without pulling the validators into the mini-program bundle.
 */
export const RENOVATION_STATUSES = ['submitted', 'returned', 'approved', 'in_progress', 'accepted', 'refunded'] as const;
export type RenovationStatus = (typeof RENOVATION_STATUSES)[number];

export const RENOVATION_STATUS_LABELS: Record<RenovationStatus, string> = {
  submitted: '待审核',
  returned: '已退回待补充',
  approved: '已批准',
  in_progress: '施工中',
  accepted: '已验收',
  refunded: '押金已退还',
};

export const APPLICANTS = ['owner', 'delegate'] as const;
export type Applicant = (typeof APPLICANTS)[number];
export const APPLICANT_LABELS: Record<Applicant, string> = { owner: '业主本人', delegate: '受托人（凭委托书）' };

export const PREMISES = ['home', 'office'] as const;
export type Premises = (typeof PREMISES)[number];
export const PREMISES_LABELS: Record<Premises, string> = { home: '住宅', office: '办公' };

/**
 * What an application must carry (R-REN-1..4) and what a review may name as missing or wrong (R-REN-6).
 * Codes are stable; labels are what people read.
 */
export const DOCUMENT_CODES = [
  'form',
  'plan',
  'drawings',
  'workers',
  'worker_id',
  'worker_photo',
  'licence',
  'qualification',
  'authority',
  'power_of_attorney',
  'delegate_id',
  'rules_accepted',
  'other',
] as const;
export type DocumentCode = (typeof DOCUMENT_CODES)[number];

export const DOCUMENT_LABELS: Record<DocumentCode, string> = {
  form: '装修申请表',
  plan: '装修方案',
  drawings: '装修图纸',
  workers: '施工人员登记表',
  worker_id: '施工人员身份证号',
  worker_photo: '施工人员照片',
  licence: '施工单位营业执照',
  qualification: '施工单位资质证书',
  authority: '房屋安全鉴定/主管部门审批文件（拆改主体结构）',
  power_of_attorney: '业主委托书',
  delegate_id: '受托人身份证件',
  rules_accepted: '阅读并同意装修管理规定、电梯使用规定和告知书',
  other: '其他材料',
};

export interface MissingItem {
  code: DocumentCode;
  label: string;
  /** For worker items: which worker (0-based, in the order given). */
  worker?: number;
}

export const VIOLATION_STATUSES = ['open', 'rectified', 'report_due', 'reported'] as const;
export type ViolationStatus = (typeof VIOLATION_STATUSES)[number];
export const VIOLATION_STATUS_LABELS: Record<ViolationStatus, string> = {
  open: '限期整改中',
  rectified: '已整改',
  report_due: '逾期未整改，待上报主管部门',
  reported: '已书面上报主管部门',
};

/** The inspection checklist (R-REN-8): each item passed or not. */
export const INSPECTION_ITEMS = ['passes', 'declared_work', 'structure', 'facade', 'public_utilities', 'safety', 'common_areas'] as const;
export type InspectionItem = (typeof INSPECTION_ITEMS)[number];
export const INSPECTION_ITEM_LABELS: Record<InspectionItem, string> = {
  passes: '施工人员佩证上岗',
  declared_work: '仅施工已申报项目',
  structure: '未损坏主体结构',
  facade: '未改变外立面',
  public_utilities: '未私接公共水电',
  safety: '施工安全（用电、消防）',
  common_areas: '公共区域已做保护',
};

/** The review checklist (R-REN-6): what the officer checks before deciding. */
export const REVIEW_ITEMS = ['form', 'plan', 'drawings', 'workers', 'licence', 'qualification', 'authority', 'power_of_attorney', 'rules_accepted'] as const;
