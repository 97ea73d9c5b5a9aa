/**
 * The product's words: codes of the contract and their Chinese labels. No zod here, so the app can
 * import it without pulling the validators into the mini-program bundle.
 */
export const CASE_KINDS = ['repair', 'complaint', 'consultation', 'suggestion', 'praise', 'help', 'warranty', 'service', 'other'] as const;
export const CASE_STATUSES = ['submitted', 'dispatched', 'on_site', 'quoted', 'completed', 'awaiting_callback', 'processing', 'resolved', 'closed', 'cancelled'] as const;
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
  other: '其他',
};

export const STATUS_LABELS: Record<CaseStatus, string> = {
  submitted: '待受理',
  dispatched: '已派单',
  on_site: '维修中',
  quoted: '待确认报价',
  completed: '待确认完工',
  awaiting_callback: '待回访',
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

/**
 * The department each staff role works in: what a responsible person's department reads as (张敏 前台 ·
 * 客服中心, 周丽 客服主管 · 客服中心), whatever department the case itself is routed to. The manager heads
 * the whole 物业服务中心.
 */
export const ROLE_DEPARTMENTS: Record<StaffRole, Department | null> = {
  frontdesk: 'customer_service',
  supervisor: 'customer_service',
  manager: null,
  technician: 'maintenance',
  renovation_officer: 'customer_service',
  cashier: 'customer_service',
};

/** A staff member's title as the workbench shows it beside their name: 前台 · 客服中心, 经理 · 物业服务中心. */
export const staffTitle = (role: StaffRole): string => `${ROLE_LABELS[role]} · ${ROLE_DEPARTMENTS[role] ? DEPARTMENT_LABELS[ROLE_DEPARTMENTS[role]!] : '物业服务中心'}`;

/** 1-1-101 → 1栋1单元101室 (a household id of another shape reads as itself). */
/** The room code as on the door (`楼栋-单元-房号`), without an imported household's community prefix. */
export function roomCode(householdId: string): string {
  const m = /(\d+-\d+-\d+)$/.exec(householdId);
  return m ? m[1] : householdId;
}

export function roomLabel(householdId: string): string {
  // An imported household's id carries its community's id first (`demo-3-1-301`).
  const m = /^(?:[A-Za-z0-9_-]+-)?(\d+)-(\d+)-(\d+)$/.exec(householdId);
  return m ? `${m[1]}栋${m[2]}单元${m[3]}室` : householdId;
}

export const DEADLINE_LABELS: Record<string, string> = {
  arrival: '上门时限',
  reply: '答复时限',
  resolution: '办结时限',
  callback: '回访时限',
  handover: '移交售后时限',
  inform: '报告经理时限',
  contact: '首次联系时限',
};
/** 投诉的移交是交给部门主管 (R-CMP-2), 售后的是交给开发商售后 (R-INT-6). */
export const COMPLAINT_HANDOVER_LABEL = '移交部门主管时限';

/**
 * Repair categories (报修类别). `emergency` marks the 急修 of R-REP-3 (on site within 15 minutes);
 * `leak` repairs get their callback within 3 days after the leak test, `safety` ones within 2 days (R-REP-6).
 */
export const REPAIR_CATEGORIES = {
  burst_pipe: { label: '水管爆裂', emergency: true, leak: true, safety: false },
  key_leak: { label: '关键部位漏水', emergency: true, leak: true, safety: false },
  sewage_backflow: { label: '室内返水', emergency: true, leak: true, safety: false },
  power_outage: { label: '停电', emergency: true, leak: false, safety: false },
  plumbing: { label: '水龙头/水管', emergency: false, leak: true, safety: false },
  drainage: { label: '下水堵塞', emergency: false, leak: false, safety: false },
  electrical: { label: '电路/开关插座', emergency: false, leak: false, safety: false },
  door_window: { label: '门窗/锁具', emergency: false, leak: false, safety: false },
  wall_ceiling: { label: '墙面/天花渗水', emergency: false, leak: true, safety: false },
  public_lighting: { label: '公共照明', emergency: false, leak: false, safety: false },
  elevator: { label: '电梯', emergency: false, leak: false, safety: true },
  fire_safety: { label: '消防/安全设施', emergency: false, leak: false, safety: true },
  access_control: { label: '门禁/对讲', emergency: false, leak: false, safety: true },
  other_repair: { label: '其他维修', emergency: false, leak: false, safety: false },
} as const;
export type RepairCategory = keyof typeof REPAIR_CATEGORIES;
export const REPAIR_CATEGORY_CODES = Object.keys(REPAIR_CATEGORIES) as RepairCategory[];
export const isRepairCategory = (c: string | null | undefined): c is RepairCategory => !!c && Object.prototype.hasOwnProperty.call(REPAIR_CATEGORIES, c);

export const CALLBACK_METHODS = ['phone', 'visit'] as const;
export type CallbackMethod = (typeof CALLBACK_METHODS)[number];
export const CALLBACK_METHOD_LABELS: Record<CallbackMethod, string> = { phone: '电话回访', visit: '上门回访' };

/** Case-number prefixes (工单编号): a case reads out as prefix + Shanghai day + sequence, BX20261202-0007. */
export const CASE_NUMBER_PREFIXES: Record<CaseKind, string> = {
  repair: 'BX',
  complaint: 'TS',
  consultation: 'ZX',
  suggestion: 'JY',
  praise: 'BY',
  help: 'QZ',
  warranty: 'SH',
  service: 'FW',
  other: 'QT',
};
