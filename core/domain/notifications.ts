import type { NotificationTemplate } from './case/types';

/** Title and body of each notification, as the message center (消息) shows it. Polite and warm. */
export function renderMessage(template: NotificationTemplate, d: Record<string, string>): { title: string; body: string } {
  // The case number people can read out (工单编号); a message queued before numbers existed names the id.
  const no = d.number || d.caseId;
  switch (template) {
    case 'case.received':
      if (d.technician)
        return { title: `您的${d.kind}已受理，${d.technician}马上上门`, body: `您好，您提交的紧急${d.kind}（${no}）我们已收到，已派值班的${d.technician}上门，将于 ${d.arriveBy} 前到场，请您注意安全，感谢您的耐心。` };
      return { title: `您的${d.kind}已受理`, body: `您好，您提交的${d.kind}（${no}）我们已收到，工作人员会尽快为您处理，感谢您的耐心。` };
    case 'case.new':
      return { title: `新${d.kind}待处理`, body: `${d.householdId} 提交了${d.kind}（${no}），请及时受理。` };
    case 'case.assigned':
      return { title: `${d.kind}已指派给您`, body: `${d.householdId} 的${d.kind}（${no}）已转交您负责，请及时跟进。` };
    case 'case.status':
      return { title: `${d.title}进度更新`, body: `您好，您的${d.title}（${no}）当前状态：${d.status}。感谢您的耐心等待。` };
    case 'case.replied':
      return { title: `${d.title}已答复`, body: `您好，您的${d.title}（${no}）已有答复：${d.reply}` };
    case 'case.cancelled':
      return { title: `${d.title}已撤销`, body: `工单（${no}）已撤销。` };
    case 'case.urged':
      return { title: `住户催办：${d.title}`, body: `${d.householdId} 的住户催促处理${d.title}（${no}），请尽快跟进并回复住户。` };
    case 'case.warned':
      return { title: `${d.title}即将超时`, body: `${d.householdId} 的${d.title}（${no}）即将超过承诺时限，请抓紧处理。` };
    case 'case.breached':
      return { title: `${d.title}已超时`, body: `${d.householdId} 的${d.title}（${no}）已超过承诺时限，已按规定升级督办。` };
    case 'case.escalated':
      return { title: `${d.title}升级至您督办`, body: `${d.householdId} 的${d.title}（${no}）已升级至您跟进：${d.reason}。` };
    case 'case.followUp':
      return { title: '低分评价待跟进', body: `${d.householdId} 对${d.title}（${no}）评价 ${d.stars} 星${d.comment ? `：「${d.comment}」` : ''}，请主管回访跟进。` };
    case 'repair.emergency':
      return { title: `【急修】${d.householdId} 请立即上门`, body: `紧急报修（${no}）：${d.content}。请于 15 分钟内到场，并在工单中点「到场」。` };
    case 'repair.dispatched':
      return { title: `新的维修工单：${d.householdId}`, body: `维修工单（${no}）已派给您，请按约定时间上门。` };
    case 'repair.quoted':
      return { title: '维修报价待您确认', body: `您好，您的报修（${no}）属于有偿维修，费用 ¥${d.fee}，请在工单中确认是否接受，感谢您的理解。` };
    case 'repair.completed':
      return { title: '维修已完成，请您确认', body: `您好，您的报修（${no}）技师已完成维修，请确认效果；如仍有问题请告诉我们，我们会尽快返工。` };
    case 'repair.reopened':
      return { title: `返工：${d.householdId}`, body: `维修工单（${no}）需要返工：${d.reason}。请尽快上门处理。` };
    case 'binding.pending':
      return { title: '新的房屋认证待审核', body: `${d.householdId} 有一条房屋认证申请（${d.relation}${d.phoneCheck ? `，${d.phoneCheck}` : ''}），请核实后处理。` };
    case 'binding.approved':
      return { title: '房屋认证已通过', body: `您好，您与 ${d.householdId} 的房屋认证已通过，欢迎回家！现在可以在线办理报修、缴费等业务。` };
    case 'binding.rejected':
      return { title: '房屋认证未通过', body: `很抱歉，您与 ${d.householdId} 的房屋认证未通过：${d.reason}。如有疑问，请联系物业服务中心。` };
  }
}
