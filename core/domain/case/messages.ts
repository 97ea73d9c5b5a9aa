import { HOUR } from '../../time';
import { isoAt } from '../../shanghai';
import { KIND_LABELS, REPAIR_CATEGORIES, ROLE_LABELS, isRepairCategory, roomLabel, type CaseKind, type StaffRole } from '../../vocabulary';
import { CATEGORIES, type CategoryCode } from './routing';

type DeadlineName = 'arrival' | 'reply' | 'resolution' | 'callback' | 'handover' | 'inform' | 'contact';

/**
 * THE wording of every case message (消息中心 and the WeChat channels' outbox rows): one stable template
 * key per step and audience, a title and a body. Every message names the case number, what it is about
 * (kind, category) and the room, and says what happened in words specific to the step. Residents read
 * warm resident words (您好 / 感谢您的耐心; an apology first when a promise was missed); staff read
 * staff words. Channels map the key and the data fields; they never write their own text.
 */
export const CASE_TEMPLATES = {
  // ── to the household ──
  'case.received': 'resident', // 已受理 (an emergency: who is coming, by when)
  'case.accepted': 'resident', // 已安排专人处理 (to whom)
  'repair.onTheWay': 'resident', // 已派单 (改派): which 师傅, by when
  'repair.arrived': 'resident', // 师傅已到场
  'repair.quoted': 'resident', // 报价待确认 (amount)
  'repair.completed': 'resident', // 维修完成，请确认
  'repair.rework': 'resident', // 已安排返工: which 师傅, by when
  'case.paused': 'resident', // 暂缓处理 (reason)
  'case.resumed': 'resident', // 恢复处理 (the new promise)
  'case.late': 'resident', // 未能按时：致歉 + 新的承诺
  'case.replied': 'resident', // 已答复 (the reply), 欢迎评价
  'case.closed': 'resident', // 已办结，请评价
  'case.closedUnresolvable': 'resident', // 经理关闭 (reason)
  'case.cancelled': 'resident', // 已撤销 (by the property side)
  'complaint.received': 'resident', // 投诉已受理：先致歉 (R-CMP-1)
  'complaint.replied': 'resident', // 投诉处理结果 (R-CMP-3)
  'complaint.invalid': 'resident', // 无效投诉也答复，附原因 (R-CMP-5)
  // ── to staff ──
  'case.new': 'staff',
  'case.assigned': 'staff',
  'case.withdrawn': 'staff',
  'case.urged': 'staff',
  'case.warned': 'staff',
  'case.breached': 'staff',
  'case.escalated': 'staff',
  'case.followUp': 'staff',
  'repair.emergency': 'staff',
  'repair.dispatched': 'staff',
  'repair.reopened': 'staff',
  'repair.quoteAccepted': 'staff',
  'repair.quoteDeclined': 'staff',
  'work.paused': 'staff',
  'work.resumed': 'staff',
  'complaint.urgent': 'staff', // 损害仍在发生：立即处理 (R-CMP-4)
  'complaint.major': 'staff', // 重大投诉：当日报告经理 (R-CMP-2)
  'complaint.callbackDue': 'staff', // 投诉已答复，请回访
  'complaint.reopened': 'staff', // 回访发现问题，继续处理
  /** Queued before the step keys existed (a generic status line); rendered, never produced any more. */
  'case.status': 'resident',
} as const satisfies Record<string, 'resident' | 'staff'>;

export type CaseTemplate = keyof typeof CASE_TEMPLATES;
export const isCaseTemplate = (t: string): t is CaseTemplate => Object.prototype.hasOwnProperty.call(CASE_TEMPLATES, t);

/** The category's label (报修类别 or the other kinds' categories), or null. */
export function categoryLabelOf(category: string | null): string | null {
  if (isRepairCategory(category)) return REPAIR_CATEGORIES[category].label;
  return category && Object.prototype.hasOwnProperty.call(CATEGORIES, category) ? CATEGORIES[category as CategoryCode].label : null;
}

/**
 * What every message about a case carries (outbox `data`, strings only): the number people read out, the
 * kind and category labels and the room. Channels map these fields; the texts below read them.
 */
export function caseFacts(s: { id: string; number: string; kind: CaseKind; category: string | null; householdId: string }): Record<string, string> {
  return { caseId: s.id, number: s.number, kind: KIND_LABELS[s.kind], category: categoryLabelOf(s.category) ?? '', room: roomLabel(s.householdId), householdId: s.householdId };
}

/** After a missed promise, whoever now follows the case contacts the resident within this time. */
export const LATE_CONTACT_MS = HOUR;

/** What each deadline promised the resident, as a verb (上门 / 答复 / 办结); the others are staff-internal. */
export const RESIDENT_DEADLINES: Partial<Record<DeadlineName, { verb: string; next: string }>> = {
  arrival: { verb: '上门', next: '确认新的上门时间' },
  reply: { verb: '答复', next: '给您答复' },
  resolution: { verb: '办结', next: '告知处理进展' },
};
const DEADLINE_WORDS: Record<DeadlineName, string> = {
  arrival: '上门时限',
  reply: '答复时限',
  resolution: '办结时限',
  callback: '回访时限',
  handover: '移交时限',
  inform: '报告经理时限',
  contact: '首次联系时限',
};
export const deadlineWords = (d: string) => DEADLINE_WORDS[d as DeadlineName] ?? '承诺时限';

/** A time as a message says it (Shanghai): 'HH:mm' on the day of `ref`, else 'M月D日 HH:mm'. */
export function whenText(ms: number, ref: number): string {
  const t = isoAt(ms);
  const hm = t.slice(11, 16);
  return t.slice(0, 10) === isoAt(ref).slice(0, 10) ? hm : `${Number(t.slice(5, 7))}月${Number(t.slice(8, 10))}日 ${hm}`;
}

/** How the household is told who handles their case: 客服中心张敏, 客服主管周丽. */
export const handlerText = (name: string, role: StaffRole | null | undefined) => `${role === 'frontdesk' || !role ? '客服中心' : ROLE_LABELS[role]}${name}`;

type D = Record<string, string>;
type Text = { title: string; body: string };

const no = (d: D) => d.number || d.caseId;
/** 「水管爆裂 · 1栋1单元101室」: what and where, after the number. */
const what = (d: D) => [d.category, d.room || d.householdId].filter(Boolean).join(' · ');
/** Staff lines lead with the room: 「1栋1单元101室 报修 BX… （水管爆裂）」. */
const staffCase = (d: D) => `${d.room || d.householdId}的${d.kind} ${no(d)}${d.category ? `（${d.category}）` : ' '}`;
/** The same, followed by a comma. */
const staffCase_ = (d: D) => `${staffCase(d).trimEnd()}，`;
const yours = (d: D) => `您的${d.kind} ${no(d)}（${what(d)}）`;
const suffix = (s: string | undefined, lead = '：') => (s ? `${lead}${s}` : '');

const TEXTS: Record<CaseTemplate, (d: D) => Text> = {
  'case.received': (d) =>
    d.technician
      ? { title: `${d.kind}已受理，${d.technician}马上上门`, body: `您好，您的紧急${d.kind} ${no(d)}（${what(d)}）已受理，已派值班的${d.technician}上门，将于 ${d.arriveBy} 前到场，请您注意安全，感谢您的耐心。` }
      : { title: `您的${d.kind}已受理`, body: `您好，${yours(d)}已受理，工作人员会尽快为您处理，感谢您的耐心。` },
  'case.accepted': (d) => ({ title: `${d.kind}正在处理：${no(d)}`, body: `您好，${yours(d)}已安排${d.handler}为您处理，我们会在承诺时限内答复您，感谢您的耐心。` }),
  'repair.onTheWay': (d) => ({
    title: `${d.redispatch ? '已改派' : '已派单'}，${d.technician}将上门`,
    body: `您好，${yours(d)}已${d.redispatch ? '改派' : '派单'}给${d.technician}，将于 ${d.arriveBy} 前上门，请您保持电话畅通，感谢您的耐心。`,
  }),
  'repair.arrived': (d) => ({ title: `${d.technician}已到场`, body: `您好，${d.technician}已到达 ${d.room || d.householdId}，开始处理您的${d.kind} ${no(d)}${d.category ? `（${d.category}）` : ''}，如有需要请与师傅当面沟通。` }),
  'repair.quoted': (d) => ({
    title: `维修报价 ¥${d.fee} 待您确认`,
    body: `您好，${yours(d)}属于户内有偿维修，${d.technician || '维修师傅'}报价 ¥${d.fee}${d.note ? `（${d.note}）` : ''}，请在工单中确认是否接受；您确认前不会开始有偿维修，感谢您的理解。`,
  }),
  'repair.completed': (d) => ({
    title: `维修已完成，请您确认：${no(d)}`,
    body: `您好，${yours(d)}${d.technician ? `${d.technician}` : '维修师傅'}已完成维修${d.fee && d.fee !== '0.00' ? `，费用 ¥${d.fee}` : '（免费）'}。请您查看效果并在工单中确认；如仍有问题请告诉我们，我们会尽快返工。`,
  }),
  'repair.rework': (d) => ({ title: `已安排返工：${no(d)}`, body: `您好，${yours(d)}已安排${d.technician}返工，将于 ${d.arriveBy} 前上门，给您带来不便，非常抱歉。` }),
  'case.paused': (d) => ({ title: `${d.kind}暂缓处理：${no(d)}`, body: `您好，${yours(d)}暂缓处理${suffix(d.reason)}。承诺时限按暂缓的时间顺延，条件具备后我们会立即继续，感谢您的理解。` }),
  'case.resumed': (d) => ({ title: `${d.kind}已恢复处理：${no(d)}`, body: `您好，${yours(d)}已恢复处理${d.promise ? `，我们将于 ${d.promise} 前为您${d.promiseVerb}` : ''}，感谢您的耐心。` }),
  'case.late': (d) => ({
    title: `非常抱歉，您的${d.kind}未能按时${d.verb}`,
    body: `非常抱歉，${yours(d)}未能在约定的 ${d.dueAt} 前${d.verb}，给您添麻烦了。我们已升级督办，将于 ${d.promise} 前与您联系并${d.next}，感谢您的耐心与谅解。`,
  }),
  'case.replied': (d) => ({ title: `${d.kind}已答复：${no(d)}`, body: `您好，${yours(d)}已有答复：${d.reply}。如有疑问欢迎随时联系我们，也欢迎您为本次服务评价。` }),
  'case.closed': (d) => ({ title: `${d.kind}已办结，请您评价`, body: `您好，${yours(d)}已办结，感谢您的配合。欢迎在工单中为本次服务评价，您的意见是我们改进的动力。` }),
  'case.closedUnresolvable': (d) => ({
    title: `${d.kind}已关闭：${no(d)}`,
    body: `您好，${yours(d)}经物业服务中心经理审核后关闭${suffix(d.reason)}。给您带来不便，非常抱歉；如有疑问，请联系物业服务中心。`,
  }),
  'case.cancelled': (d) => ({ title: `${d.kind}已撤销：${no(d)}`, body: `您好，${yours(d)}已撤销${suffix(d.reason)}。如仍需要帮助，欢迎随时再次提交。` }),

  'complaint.received': (d) => ({
    title: `非常抱歉，您的投诉已受理：${no(d)}`,
    body: `您好，非常抱歉给您带来了不好的体验。${yours(d)}已受理，${d.urgent ? '我们已立即通知相关部门到场制止，' : ''}会有专人尽快与您联系，处理结果会第一时间告诉您，感谢您的耐心与监督。`,
  }),
  'complaint.replied': (d) => ({ title: `投诉处理结果：${no(d)}`, body: `您好，${yours(d)}的处理结果：${(d.reply ?? '').replace(/[。！!.\s]+$/u, '')}。再次向您致歉，稍后会有同事回访，听取您的意见，感谢您的监督。` }),
  'complaint.invalid': (d) => ({
    title: `投诉答复：${no(d)}`,
    body: `您好，感谢您的反映。${yours(d)}经核实，暂不属于物业服务的责任范围${suffix(d.reason)}。给您带来不便，非常抱歉；如有疑问，欢迎随时联系物业服务中心。`,
  }),
  'case.new': (d) => ({ title: `新${d.kind}待受理：${no(d)}`, body: `${staffCase(d)}已提交，请及时受理。` }),
  'case.assigned': (d) => ({ title: `${d.kind} ${no(d)} 转交您负责`, body: `${d.byName ? `${d.byName}将` : ''}${staffCase(d)}转交您负责${suffix(d.note)}，请及时跟进。` }),
  'case.withdrawn': (d) => ({ title: `住户已撤销：${no(d)}`, body: `${staffCase(d)}已由住户撤销${suffix(d.reason)}，无需再处理。` }),
  'case.urged': (d) => ({ title: `住户催办：${no(d)}`, body: `${staffCase_(d)}住户催促处理，请尽快跟进并回复住户。` }),
  'case.warned': (d) => ({ title: `即将超时：${no(d)}`, body: `${staffCase(d)}${deadlineWords(d.deadline)}将于 ${d.dueAt || '稍后'} 到期，请抓紧处理。` }),
  'case.breached': (d) => ({ title: `已超时：${no(d)}`, body: `${staffCase(d)}已超过${deadlineWords(d.deadline)}${d.dueAt ? `（${d.dueAt}）` : ''}，已按规定升级督办，请立即处理。` }),
  'case.escalated': (d) => ({ title: `升级至您督办：${no(d)}`, body: `${staffCase(d)}已升级至您跟进${suffix(d.reason)}。` }),
  'case.followUp': (d) =>
    d.reason
      ? { title: `回访发现问题待跟进：${no(d)}`, body: `${staffCase_(d)}${d.reason}，请主管跟进。` }
      : { title: `低分评价待跟进：${no(d)}`, body: `${staffCase_(d)}住户评价 ${d.stars} 星${d.comment ? `：「${d.comment}」` : ''}，请主管回访跟进。` },
  'repair.emergency': (d) => ({
    title: `【急修】${d.room || d.householdId} 请立即上门`,
    body: `紧急报修 ${no(d)}（${what(d)}）：${d.content}。请于 ${d.arriveBy || '15 分钟内'} 前到场，并在工单中点「到场」。`,
  }),
  'repair.dispatched': (d) => ({ title: `新的维修工单：${no(d)}`, body: `${staffCase(d)}已派给您${suffix(d.note)}，请于 ${d.arriveBy} 前上门。` }),
  'repair.reopened': (d) => ({ title: `返工：${no(d)}`, body: `${staffCase(d)}需要返工${suffix(d.reason)}，请于 ${d.arriveBy} 前上门处理。` }),
  'repair.quoteAccepted': (d) => ({ title: `住户已接受报价：${no(d)}`, body: `${staffCase_(d)}住户已接受报价 ¥${d.fee}，请开始维修。` }),
  'repair.quoteDeclined': (d) => ({ title: `住户未接受报价：${no(d)}`, body: `${staffCase_(d)}住户未接受报价 ¥${d.fee}${suffix(d.reason)}，工单已办结，无需继续维修。` }),
  'work.paused': (d) => ({ title: `暂停计时：${no(d)}`, body: `${d.byName}暂停了${staffCase(d)}的计时${suffix(d.reason)}。` }),
  'work.resumed': (d) => ({ title: `恢复计时：${no(d)}`, body: `${d.byName}恢复了${staffCase(d)}的计时${d.promise ? `，时限顺延至 ${d.promise}` : ''}。` }),
  'complaint.urgent': (d) => ({ title: `【投诉·损害仍在发生】${d.room || d.householdId} 请立即处理`, body: `${staffCase(d)}：${d.content}。住户反映损害仍在发生，请立即到场制止，再按流程处理。` }),
  'complaint.major': (d) => ({ title: `重大投诉报告：${no(d)}`, body: `${staffCase(d)}已定为重大投诉：${d.content}。须 2 天内明确答复住户，10 天内解决，请督办。` }),
  'complaint.callbackDue': (d) => ({ title: `投诉待回访：${no(d)}`, body: `${staffCase_(d)}${d.handler}已将处理结果告知住户，请您回访住户（回访人不能是处理人）。` }),
  'complaint.reopened': (d) => ({ title: `投诉回访发现问题：${no(d)}`, body: `${staffCase(d)}回访发现问题${suffix(d.reason)}，请继续处理并再次答复住户。` }),
  'case.status': (d) => ({ title: `${d.title || d.kind}进度更新`, body: `您好，您的${d.title || d.kind}（${no(d)}）当前状态：${d.status}。感谢您的耐心等待。` }),
};

/** Title and body of one case message. */
export const caseMessage = (template: CaseTemplate, d: D): Text => TEXTS[template](d);
