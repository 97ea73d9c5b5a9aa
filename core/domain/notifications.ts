import type { NotificationTemplate } from './case/types';
import { caseMessage, isCaseTemplate } from './case/messages';
import { roomLabel } from '../vocabulary';

/** Title and body of each notification, as the message center (消息) shows it: case texts live in case/messages.ts. */
export function renderMessage(template: NotificationTemplate, d: Record<string, string>): { title: string; body: string } {
  if (isCaseTemplate(template)) return caseMessage(template, d);
  switch (template) {
    case 'binding.pending':
      return { title: '新的房屋认证待审核', body: `${roomLabel(d.householdId)} 有一条房屋认证申请（${d.relation}${d.phoneCheck ? `，${d.phoneCheck}` : ''}），请核实后处理。` };
    case 'binding.approved':
      return { title: '房屋认证已通过', body: `您好，您与 ${roomLabel(d.householdId)} 的房屋认证已通过，欢迎回家！现在可以在线办理报修、缴费等业务。` };
    case 'binding.rejected':
      return { title: '房屋认证未通过', body: `很抱歉，您与 ${roomLabel(d.householdId)} 的房屋认证未通过：${d.reason}。如有疑问，请联系物业服务中心。` };
    case 'fee.paid':
      return { title: '缴费成功', body: `您好，${roomLabel(d.householdId)} ${d.periods} 的费用共 ¥${d.amount} 已缴清，收据编号 ${d.receiptNumber}，可在「我的收据」中查看。感谢您的支持！` };
    case 'renovation.submitted':
      return { title: '新的装修申请待审核', body: `${roomLabel(d.householdId)} 提交了装修申请 ${d.number}，请审核材料。` };
    case 'renovation.returned':
      return { title: '装修申请需补充材料', body: `您好，${roomLabel(d.householdId)} 的装修申请 ${d.number} 需要补充或修改：${d.missing}。请补充后重新提交，感谢您的配合。` };
    case 'renovation.approved':
      return { title: '装修申请已批准', body: `您好，${roomLabel(d.householdId)} 的装修申请 ${d.number} 已批准，施工许可证编号 ${d.permitNumber}。请在「我的账单」中缴纳装修费用 ¥${d.amount}，并到物业服务中心领取施工许可证和出入证。` };
    case 'renovation.approvedStaff':
      return { title: '装修施工备案通知', body: `${roomLabel(d.householdId)} 的装修申请 ${d.number} 已批准（施工许可证 ${d.permitNumber}，施工期 ${d.startDate} 至 ${d.endDate}，施工人员 ${d.workers} 人），请维修和安保同事知悉并配合巡查、核验出入证。` };
    case 'renovation.inspectionMissed':
      return { title: '装修巡查逾期，请跟进', body: `${roomLabel(d.householdId)} 的装修 ${d.number} 应于 ${d.dueAt} 前巡查，目前尚未巡查，已转交您跟进，请督促装修管理员尽快巡查。` };
    case 'renovation.violation':
      return { title: '装修违章处理通知', body: `您好，${roomLabel(d.householdId)} 的装修存在违章情况：${d.description}。请于 ${d.deadline} 前整改完毕，感谢您的配合。` };
    case 'renovation.violationOverdue':
      return { title: '装修违章逾期未整改', body: `${roomLabel(d.householdId)} 的装修 ${d.number} 违章逾期未整改（期限 ${d.deadline}），请书面报告主管部门并留存证据。` };
    case 'renovation.accepted':
      return { title: '装修已验收', body: `您好，${roomLabel(d.householdId)} 的装修 ${d.number} 已完工验收，将退还 ¥${d.refund}（押金${d.deducted !== '0.00' ? `扣除 ¥${d.deducted} 后` : ''}及证件工本费）至原支付账户，感谢您的配合。` };
    case 'fee.amountMismatch':
      return { title: '支付金额不符，请核查', body: `支付订单 ${d.outTradeNo}（${roomLabel(d.householdId)}）通知金额 ¥${d.notified} 与订单金额 ¥${d.expected} 不符，系统未入账，请与微信支付商户平台核对。` };
  }
}
