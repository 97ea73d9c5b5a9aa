import type { NotificationTemplate } from '../case/types';
import { fieldTime, fitField, type FieldType } from './fields';

/**
 * The subscribe-message templates this product asks residents to accept, named by OUR keys (the
 * client and the `account.subscribe` action never carry raw WeChat template ids). Each key's template
 * id comes from the deployment's settings (WECHAT_TMPL_*); the field names and types below are the
 * ones of the template chosen in the mini-program's template library, and must be kept in step with it.
 */
export const SUBSCRIBE_KEYS = ['caseProgress', 'repairQuote', 'bindingResult'] as const;
export type SubscribeKey = (typeof SUBSCRIBE_KEYS)[number];

export const SUBSCRIBE_FIELDS: Record<SubscribeKey, Record<string, FieldType>> = {
  /** 工单进度通知: 工单编号, 工单类型, 处理状态, 更新时间, 备注. */
  caseProgress: { character_string1: 'character_string', thing2: 'thing', phrase3: 'phrase', time4: 'time', thing5: 'thing' },
  /** 维修报价确认提醒: 工单编号, 维修费用, 温馨提示. */
  repairQuote: { character_string1: 'character_string', amount2: 'amount', thing3: 'thing' },
  /** 房屋认证结果通知: 房屋, 认证结果, 说明, 时间. */
  bindingResult: { thing1: 'thing', phrase2: 'phrase', thing3: 'thing', time4: 'time' },
};

/** Which resident notifications may also go out as a subscribe message, and under which key. */
export const SUBSCRIBE_KEY_OF: Partial<Record<NotificationTemplate, SubscribeKey>> = {
  'case.received': 'caseProgress',
  'case.status': 'caseProgress',
  'case.replied': 'caseProgress',
  'case.cancelled': 'caseProgress',
  'complaint.received': 'caseProgress',
  'complaint.replied': 'caseProgress',
  'complaint.invalid': 'caseProgress',
  'repair.completed': 'caseProgress',
  'repair.quoted': 'repairQuote',
  'binding.approved': 'bindingResult',
  'binding.rejected': 'bindingResult',
};

/** Where a tap on the subscribe message opens the mini-program (the case, or the message center). */
export function subscribePage(data: Record<string, string>): string {
  return data.caseId ? `pages/case/index?id=${encodeURIComponent(data.caseId)}` : 'pages/messages/index';
}

const PHRASE: Partial<Record<NotificationTemplate, string>> = {
  'case.received': '已受理',
  'case.replied': '已答复',
  'case.cancelled': '已撤销',
  'complaint.received': '已受理',
  'complaint.replied': '已答复',
  'complaint.invalid': '已答复',
  'repair.completed': '待确认',
  'binding.approved': '已通过',
  'binding.rejected': '未通过',
};

/**
 * The field values of one subscribe message, fitted to WeChat's limits (fields.ts). `title`/`body`
 * are the message center's texts of the same notification (core/domain/notifications.ts): the wording
 * is theirs; this only chooses and fits.
 */
export function subscribeData(
  key: SubscribeKey,
  template: NotificationTemplate,
  d: Record<string, string>,
  text: { title: string; body: string },
  at: number,
): Record<string, string> {
  const no = d.number || d.caseId || '';
  const raw = ((): Record<string, string> => {
    switch (key) {
      case 'caseProgress':
        return {
          character_string1: no,
          thing2: d.title || d.kind || text.title,
          phrase3: PHRASE[template] ?? d.status ?? '',
          time4: fieldTime(at),
          thing5: (template === 'case.replied' || template === 'complaint.replied') && d.reply ? d.reply : text.title,
        };
      case 'repairQuote':
        return { character_string1: no, amount2: d.fee ?? '', thing3: '请在工单中确认是否接受报价' };
      case 'bindingResult':
        return { thing1: d.householdId ?? '', phrase2: PHRASE[template] ?? '', thing3: d.reason || text.title, time4: fieldTime(at) };
    }
  })();
  const fields = SUBSCRIBE_FIELDS[key];
  return Object.fromEntries(Object.entries(fields).map(([name, type]) => [name, fitField(type, raw[name] ?? '')]));
}
