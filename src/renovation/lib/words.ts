import type { RenovationStatus } from '../../../core/domain/renovation/vocabulary';

/** What each status means for the resident, and what happens next (the status word itself comes from the platform). */
export const NEXT_STEP: Record<RenovationStatus, string> = {
  submitted: '您的装修申请已提交，装修管理员会尽快审核，请您耐心等待。',
  returned: '您好，申请资料还需要补充或修改，请按下方提示补充后重新提交，感谢您的配合。',
  approved: '申请已批准。请按账单缴纳装修费用，施工许可证和出入证请到物业服务中心领取。',
  in_progress: '装修施工中，装修管理员会定期上门巡查。请遵守装修管理规定，感谢您的配合。',
  accepted: '竣工验收已完成，押金及证件费将按下方金额原路退还。',
  refunded: '押金及证件费已退还，装修档案已归档。感谢您的支持与配合！',
};

export const STATUS_TONE: Record<RenovationStatus, string> = {
  submitted: 'primary',
  returned: 'warning',
  approved: 'success',
  in_progress: 'primary',
  accepted: 'success',
  refunded: 'default',
};
