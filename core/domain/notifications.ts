import type { NotificationTemplate } from './case/types';

/** Title and body of each notification, as the message center (消息) shows it. Polite and warm. */
export function renderMessage(template: NotificationTemplate, d: Record<string, string>): { title: string; body: string } {
  switch (template) {
    case 'case.received':
      return { title: `您的${d.kind}已受理`, body: `您好，您提交的${d.kind}（${d.caseId}）我们已收到，工作人员会尽快为您处理，感谢您的耐心。` };
    case 'case.new':
      return { title: `新${d.kind}待处理`, body: `${d.householdId} 提交了${d.kind}（${d.caseId}），请及时受理。` };
    case 'case.assigned':
      return { title: `${d.kind}已指派给您`, body: `${d.householdId} 的${d.kind}（${d.caseId}）已转交您负责，请及时跟进。` };
    case 'case.status':
      return { title: `${d.title}进度更新`, body: `您好，您的${d.title}（${d.caseId}）当前状态：${d.status}。感谢您的耐心等待。` };
    case 'case.replied':
      return { title: `${d.title}已答复`, body: `您好，您的${d.title}（${d.caseId}）已有答复：${d.reply}` };
    case 'case.cancelled':
      return { title: `${d.title}已撤销`, body: `工单（${d.caseId}）已撤销。` };
    case 'binding.pending':
      return { title: '新的房屋认证待审核', body: `${d.householdId} 有一条房屋认证申请（${d.relation}），请核实后处理。` };
    case 'binding.approved':
      return { title: '房屋认证已通过', body: `您好，您与 ${d.householdId} 的房屋认证已通过，欢迎回家！现在可以在线办理报修、缴费等业务。` };
    case 'binding.rejected':
      return { title: '房屋认证未通过', body: `很抱歉，您与 ${d.householdId} 的房屋认证未通过：${d.reason}。如有疑问，请联系物业服务中心。` };
  }
}
