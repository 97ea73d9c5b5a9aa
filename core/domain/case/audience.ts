import { money } from '../../money';
import { isoAt } from '../../shanghai';
import type { Caller, MaybeCaller } from '../../access/caller';
import { rolesIn } from '../../access/caller';
import type { CaseEvent, CaseState } from './types';

/** 'HH:mm' Shanghai time. */
const clock = (ms: number) => isoAt(ms).slice(11, 16);

/** Who reads a timeline: the household (resident-facing steps in plain words) or staff (everything). */
export type Audience = 'resident' | 'staff';

/** Staff of the case's community read the whole record; everyone else reading it is the household (R-ACC-5). */
export const audienceOf = (caller: MaybeCaller, s: Pick<CaseState, 'communityId'>): Audience =>
  caller && rolesIn(caller as Caller, s.communityId).length > 0 ? 'staff' : 'resident';

/** 王建国 → 王师傅: how a resident is told who is coming. */
export const masterOf = (name: string | null | undefined): string => (name ? `${[...name.trim()][0] ?? ''}师傅` : '维修师傅');

/** One step as the household reads it: a plain label and, where it is theirs to read, a note. */
export interface ResidentStep {
  label: string;
  note: string | null;
  /** A step the event carries besides its own (the emergency's dispatch on the submission), by the system. */
  as?: { type: CaseEvent['type']; by: string };
}

/**
 * Per event type, whether the household sees it and in which words (R-INT-4, R-ACC-5). Staff-internal
 * steps (计时, 时限预警, 超时, 升级督办, 投诉分级) and staff notes (联系记录, (转交、派单说明, 回访记录) are not theirs: no step, no note.
 */
export function residentSteps(e: CaseEvent, complaint = false): ResidentStep[] {
  switch (e.type) {
    case 'submitted': {
      const steps: ResidentStep[] = [{ label: '已受理', note: null }];
      if (e.onDuty) steps.push(emergencyDispatchStep(e.onDuty.name, e.arrivalDue));
      return steps;
    }
    case 'replied':
      return [{ label: '已答复', note: e.note }];
    case 'cancelled':
      return [{ label: '已撤销', note: e.note }];
    case 'dispatched':
      return [{ label: `已派单给${masterOf(e.toName)}`, note: null }];
    case 'arrived':
      return [{ label: '师傅已到场', note: null }];
    case 'quoted':
      return [{ label: '师傅报价，请您确认', note: [`费用 ${money(e.feeFen)}`, e.note].filter(Boolean).join('，') }];
    case 'quoteAccepted':
      return [{ label: '您已接受报价', note: null }];
    case 'quoteDeclined':
      return [{ label: '您未接受报价，已办结', note: null }];
    case 'completed':
      return [{ label: '维修完成', note: [e.result, e.materials.length ? `材料：${e.materials.join('、')}` : '', e.feeFen === 0 ? '免费' : `费用 ${money(e.feeFen)}`].filter(Boolean).join('；') }];
    case 'confirmed':
      return [{ label: e.ok ? '您已确认完成' : '您反映仍有问题，安排返工', note: e.ok ? null : e.note }];
    case 'contacted':
      return [{ label: '工作人员已与您联系', note: null }];
    case 'markedInvalid':
      return [{ label: '已答复', note: e.note }];
    case 'closed':
      return [{ label: '已办结归档', note: null }];
    case 'callback':
      if (complaint) return e.outcome === 'satisfied' ? [{ label: '回访', note: null }, { label: '已办结', note: null }] : [{ label: '回访', note: '回访后继续为您处理' }];
      return e.outcome === 'satisfied'
        ? [{ label: '回访', note: e.method === 'phone' ? '电话回访' : '上门回访' }, { label: '已办结', note: null }]
        : [{ label: '回访', note: '回访发现问题，安排返工' }];
    case 'rated':
      return [{ label: '您的评价', note: [`${e.stars} 星`, e.note].filter(Boolean).join('：') }];
    case 'urged':
      return [{ label: '您已催单', note: null }];
    case 'closedUnresolvable':
      return [{ label: '已关闭', note: e.note }];
    case 'assigned':
      return [{ label: '已安排专人处理', note: null }];
    case 'paused':
    case 'resumed':
    case 'warned':
    case 'breached':
    case 'escalated':
    case 'classified':
    case 'followUpOpened':
      return [];
  }
}

/** 'HH:mm' by which the paged technician arrives, for the resident's message. */
export const arrivalClock = clock;

/** The emergency paged to the on-duty technician at submission (R-REP-3): who is coming and by when. */
export function emergencyDispatchStep(technicianName: string, arrivalDue: number | undefined): ResidentStep {
  return { as: { type: 'dispatched', by: 'system' }, label: `已派单给${masterOf(technicianName)}`, note: arrivalDue === undefined ? '急修，值班师傅马上上门' : `急修，值班师傅将于 ${clock(arrivalDue)} 前到场` };
}
