/**
 * Stable error codes of the outside contract (contract §1) and the polite Chinese message for each.
 * Expected failures are values (`Failure`), never thrown across a use case boundary; bugs throw.
 */
export const ERROR_MESSAGES = {
  'INPUT.INVALID': '您好，提交的信息不完整或格式有误，请检查后再试',
  'INPUT.UNKNOWN_ACTION': '您好，暂不支持该操作',
  'AUTH.UNAUTHENTICATED': '您好，请先登录后再操作',
  'AUTH.FORBIDDEN': '很抱歉，您暂无权限进行此操作',
  'HOUSEHOLD.NOT_BOUND': '您好，请先完成房屋认证后再办理此项业务',
  'HOUSEHOLD.NOT_FOUND': '很抱歉，未找到该房屋，请核对房号',
  'BINDING.NOT_FOUND': '很抱歉，未找到该认证申请',
  'BINDING.CONFLICT': '您好，该房屋已有您的认证申请，请勿重复提交',
  'BINDING.INVALID_TRANSITION': '您好，该认证申请已处理，无需重复操作',
  'BINDING.OWNER_LIMIT': '您好，该房屋的业主认证已达上限，请携带房产证明到物业服务中心办理，感谢您的理解',
  'BINDING.PENDING_LIMIT': '您好，您已有多份认证申请正在审核中，请等待物业处理后再提交，感谢您的耐心',
  'PHONE.NOT_FOUND': '很抱歉，暂未获取到您的手机号，请手动填写',
  'CASE.NOT_FOUND': '很抱歉，未找到该工单',
  'CASE.INVALID_TRANSITION': '您好，该工单当前状态不支持此操作',
  'CASE.CONFLICT': '您好，这张工单刚被同事处理过，请刷新页面查看最新情况后再操作',
  'CASE.EARLY_ARRIVAL': '您好，现在早于住户预约的上门时间，提前签到不计为按时到场。请先与住户确认可以提前上门，再确认签到',
  'CASE.CALLBACK_BY_HANDLER': '您好，投诉的回访须由处理人以外的指定人员进行，请由其他同事回访',
  'CASE.ABOUT_STAFF': '您好，该同事是本投诉的被投诉人，不能办理此投诉，请转交其他同事',
  'USER.NOT_FOUND': '很抱歉，未找到该员工',
  'STAFF.NOT_FOUND': '很抱歉，未找到该员工',
  'STAFF.CONFLICT': '您好，该手机号的员工已在所选小区任职，请在员工列表中调整岗位',
  'STAFF.LAST_MANAGER': '您好，每个小区至少需要保留一位经理，请先为小区指定另一位经理',
  'STAFF.IS_RESPONSIBLE': '您好，该员工仍是服务设置中指定的部门负责人，请先在服务设置中更换负责人',
  'INVITE.NOT_FOUND': '很抱歉，未找到给您手机号的员工邀请，请联系物业经理确认',
  'INVITE.CONFLICT': '您好，该手机号已有待接受的邀请，请勿重复邀请',
  'INVITE.INVALID_TRANSITION': '您好，该邀请已处理，无需重复操作',
  'INPUT.PHONE_UNVERIFIED': '很抱歉，未能验证您的手机号，请重新点击「验证手机号」后再试',
  'COMMUNITY.NOT_FOUND': '很抱歉，未找到该小区',
  'FILE.NOT_FOUND': '很抱歉，未找到该图片，请重新上传',
  'FILE.TOO_LARGE': '您好，图片过大，请选择 5MB 以内的图片',
  'FILE.UNSUPPORTED_TYPE': '您好，仅支持上传 JPG、PNG、WEBP 格式的图片',
  'FILE.UNREADABLE': '很抱歉，无法读取该表格，请上传 .xlsx 格式的房屋档案（可先导出一份作为模板）',
  'FUNCTION.NOT_FOUND': '您好，暂不支持该服务',
  'REQUEST.REPLAY_MISMATCH': '您好，该请求编号已用于另一份内容，请刷新后重新提交',
  'RATE.LIMITED': '您好，操作过于频繁，请稍候再试，感谢您的耐心',
  'BILL.NOT_FOUND': '很抱歉，未找到该账单，请刷新后再试',
  'BILL.ALREADY_PAID': '您好，所选账单已缴清，无需重复缴费，请刷新后查看',
  'BILL.PAYING': '您好，所选账单正在支付中，请先完成或等待该笔支付结束（约 30 分钟后自动关闭）再试，感谢您的耐心',
  'BILL.MIXED_HOUSEHOLDS': '您好，一次只能缴纳同一房屋的账单，请分开缴纳',
  'ORDER.NOT_FOUND': '很抱歉，未找到该支付订单',
  'RECEIPT.NOT_FOUND': '很抱歉，未找到该收据，请核对收据编号和校验码',
  'PAYMENT.UNAVAILABLE': '很抱歉，在线缴费暂不可用，请稍后再试或到物业服务中心缴纳',
  'RENOVATION.NOT_FOUND': '很抱歉，未找到该装修申请',
  'RENOVATION.DOCUMENTS_MISSING': '您好，装修申请材料尚不齐全，请按清单补充后再提交，感谢您的配合',
  'RENOVATION.NOT_OWNER': '您好，装修申请须由业主本人办理，或由受托人凭业主委托书和本人身份证件办理',
  'RENOVATION.INVALID_TRANSITION': '您好，该装修申请当前状态不支持此操作，请刷新后查看最新进度',
  'RENOVATION.CONFLICT': '您好，这份装修申请刚被同事处理过，请刷新后再操作',
  'RENOVATION.BILL_UNPAID': '您好，该装修申请的费用尚未缴纳，请先缴清装修费用后再办理完工验收',
  'RENOVATION.DEDUCTION_TOO_LARGE': '您好，扣款合计不能超过装修押金，请核对扣款金额',
  'RENOVATION.CLOSURE_TOO_SHORT': '您好，闭水试验须满规定时长（默认 24 小时）后才能记录结果，请到时再登记',
  'RENOVATION.CLOSURE_REQUIRED': '您好，请先完成并记录闭水试验（合格）后再办理完工验收',
  'RENOVATION.VIOLATION_OPEN': '您好，该装修仍有未处理的违章，请先处理完毕再办理完工验收',
  INTERNAL: '很抱歉，系统繁忙，请稍后再试',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export interface Failure {
  code: ErrorCode;
  message: string;
  /** Field-level details for INPUT.INVALID (path → message); never personal data. */
  fields?: Record<string, string>;
  /** RENOVATION.DOCUMENTS_MISSING: what is missing (stable codes, Chinese labels; R-REN-2). */
  missing?: { code: string; label: string; worker?: number }[];
}

export type Outcome<T> = { ok: true; data: T } | { ok: false; error: Failure };

export const ok = <T>(data: T): Outcome<T> => ({ ok: true, data });

export const fail = (code: ErrorCode, fields?: Record<string, string>): { ok: false; error: Failure } => ({
  ok: false,
  error: fields ? { code, message: ERROR_MESSAGES[code], fields } : { code, message: ERROR_MESSAGES[code] },
});

/** Thrown inside a transaction to abort it with an expected failure; caught by the unit of work. */
export class FailureSignal extends Error {
  constructor(readonly failure: Failure) {
    super(failure.code);
  }
}

/**
 * The row changed between the read and the write (optimistic version check): another writer won the
 * race. Not an answer — the dispatcher runs the whole unit of work again on the new state.
 */
export class VersionConflict extends Error {
  constructor(readonly entity: string) {
    super(`version conflict on ${entity}`);
    this.name = 'VersionConflict';
  }
}

export const abort = (code: ErrorCode): never => {
  throw new FailureSignal(fail(code).error);
};

/** HTTP status by error class (contract §1). */
export function httpStatusOf(code: ErrorCode): number {
  if (code.startsWith('INPUT.')) return 400;
  if (code === 'AUTH.UNAUTHENTICATED') return 401;
  if (code === 'AUTH.FORBIDDEN' || code === 'HOUSEHOLD.NOT_BOUND') return 403;
  // A complaint's callback by its own handler, a complaint handed to the one it is about (R-CMP-3).
  if (code === 'CASE.CALLBACK_BY_HANDLER' || code === 'CASE.ABOUT_STAFF') return 403;
  if (code.endsWith('.NOT_FOUND')) return 404;
  if (code.endsWith('.CONFLICT') || code.endsWith('.INVALID_TRANSITION') || code === 'REQUEST.REPLAY_MISMATCH') return 409;
  // Checking in before the agreed window, not confirmed: the state of the case refuses it as it stands.
  if (code === 'CASE.EARLY_ARRIVAL') return 409;
  // Staff changes the community's state refuses (its last manager, a department's named head).
  if (code === 'STAFF.LAST_MANAGER' || code === 'STAFF.IS_RESPONSIBLE') return 409;
  // A limit the state of the data sets (not the caller's pace, which is RATE.LIMITED): a conflict.
  if (code.endsWith('_LIMIT')) return 409;
  // Bills the state refuses to pay now (paid already, another payment under way, two households at once).
  if (code.startsWith('BILL.')) return 409;
  if (code === 'PAYMENT.UNAVAILABLE') return 503;
  if (code === 'RATE.LIMITED') return 429;
  if (code.startsWith('FILE.')) return 400;
  // An application missing documents, or not the owner's / a delegate's with a power of attorney (R-REN-1, R-REN-2).
  if (code === 'RENOVATION.DOCUMENTS_MISSING') return 400;
  if (code === 'RENOVATION.NOT_OWNER') return 403;
  // The state of the application refuses it as it stands (unpaid, deductions above the deposit, test too short).
  if (code.startsWith('RENOVATION.')) return 409;
  return 500;
}
