import { toIso } from '../../time';
import { money } from '../../money';
import { CHANNEL_LABELS, DEPARTMENT_LABELS, KIND_LABELS, ROLE_DEPARTMENTS, ROLE_LABELS, STATUS_LABELS, staffTitle, type StaffRole } from '../../vocabulary';
import type { CaseFields } from '../../access/caseAccess';
import { caseActions } from '../../access/caseActions';
import type { MaybeCaller } from '../../access/caller';
import { maskName, maskPhone } from '../privacy';
import { clocksRun, deadlinesOf, deadlineView, earlyArrival, type SlaConfig } from './deadlines';
import { feeCapFen } from './fee';
import { nextUrgeAt } from './urge';
import { categoryLabelOf } from './messages';
import { allowedEvents, WORK_KINDS } from './transition';
import type { CaseEvent, CaseState } from './types';
import { audienceOf, residentSteps, type Audience } from './audience';

const EVENT_LABELS: Record<CaseEvent['type'], string> = {
  submitted: '提交',
  assigned: '已指派',
  replied: '已答复',
  cancelled: '已撤销',
  dispatched: '已派单',
  arrived: '技师已到场',
  quoted: '技师报价',
  quoteAccepted: '住户接受报价',
  quoteDeclined: '住户未接受报价',
  completed: '维修完成',
  confirmed: '住户确认',
  callback: '回访',
  rated: '住户评价',
  urged: '住户催单',
  paused: '计时暂停',
  resumed: '计时恢复',
  warned: '时限预警',
  breached: '已超时',
  escalated: '升级督办',
  closedUnresolvable: '无法处理，经理关闭',
};

const DEADLINE_NAMES: Record<string, string> = { arrival: '上门', reply: '答复', resolution: '办结', callback: '回访', handover: '移交售后' };

function noteOf(e: CaseEvent): string | null {
  switch (e.type) {
    case 'assigned':
    case 'dispatched':
      return [`${e.type === 'dispatched' ? '派给' : '转交'} ${e.toName}`, e.note].filter(Boolean).join('：');
    case 'escalated':
      return [`转 ${e.toName}`, e.note].filter(Boolean).join('：');
    case 'quoted':
      return [`费用 ${money(e.feeFen)}`, e.note].filter(Boolean).join('，');
    case 'completed':
      return [e.result, e.materials.length ? `材料：${e.materials.join('、')}` : '', e.feeFen === 0 ? '免费' : `费用 ${money(e.feeFen)}`].filter(Boolean).join('；');
    case 'confirmed':
      return e.ok ? '确认维修完成' : ['反映仍有问题，返工', e.note].filter(Boolean).join('：');
    case 'callback':
      return [e.method === 'phone' ? '电话回访' : '上门回访', e.outcome === 'satisfied' ? '住户满意' : '发现问题，返工', e.note].filter(Boolean).join('，');
    case 'rated':
      return [`${e.stars} 星`, e.note].filter(Boolean).join('：');
    case 'warned':
    case 'breached':
      return `${DEADLINE_NAMES[e.deadline] ?? e.deadline}时限 ${toIso(e.dueAt).slice(5, 16).replace('T', ' ')}`;
    default:
      return e.note;
  }
}

/** 12月3日 09:00–12:00 (Shanghai wall time). */
function windowText(w: { from: number; to: number }): string {
  const at = (ms: number) => {
    const iso = toIso(ms);
    return { day: `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`, clock: iso.slice(11, 16) };
  };
  const a = at(w.from);
  const b = at(w.to);
  return `${a.day} ${a.clock}–${a.day === b.day ? '' : `${b.day} `}${b.clock}`;
}

/** What the technician holding the work order reads before checking in ahead of the agreed window (R-REP-4). */
function arrivalWarningOf(s: CaseState, now: number, actions: string[]): string | null {
  const w = actions.includes('arrive') ? earlyArrival(s, now) : null;
  return w ? `住户预约 ${windowText(w)} 上门，现在早于预约时间。提前签到不计为按时到场，请先与住户确认可以提前上门。` : null;
}

export interface Names {
  [userId: string]: string;
}

/** The role of a case's responsible person in its community, keyed `community:user` (usecases/case/names.ts). */
export interface OwnerRoles {
  [communityUser: string]: StaffRole;
}

/** The responsible person as the case shows them: their role's department, not the case's (R-INT-5). */
function ownerOf(s: CaseState, names: Names, roles: OwnerRoles) {
  const role = roles[`${s.communityId}:${s.owner}`] ?? null;
  const dept = role ? ROLE_DEPARTMENTS[role] : s.department;
  return {
    owner: s.owner,
    ownerName: names[s.owner] ?? s.owner,
    ownerRole: role,
    ownerRoleLabel: role ? ROLE_LABELS[role] : null,
    /** 客服中心 (前台, 客服主管), 工程维修部 (维修技师), 物业服务中心 (经理). */
    ownerDepartmentLabel: dept ? DEPARTMENT_LABELS[dept] : '物业服务中心',
    /** 前台 · 客服中心: beside the name. */
    ownerTitle: role ? staffTitle(role) : DEPARTMENT_LABELS[s.department],
  };
}

/** What the household itself did (its name and words are the resident's personal data: R-ACC-5). */
const HOUSEHOLD_ACTS: CaseEvent['type'][] = ['cancelled', 'urged', 'quoteAccepted', 'quoteDeclined', 'confirmed', 'rated'];
const byHousehold = (e: CaseEvent, s: CaseState) => HOUSEHOLD_ACTS.includes(e.type) || (e.type === 'submitted' && s.channel === 'miniprogram');

/** The emergency's automatic dispatch (R-REP-3), recorded on the submitted event: its own step on the timeline. */
function pagedStep(e: CaseEvent) {
  if (e.type !== 'submitted' || !e.onDuty) return [];
  return [{ type: 'dispatched' as const, label: EVENT_LABELS.dispatched, at: toIso(e.at), by: 'system', byName: '系统', note: `值班派单：急修派给 ${e.onDuty.name}` }];
}

/**
 * The timeline as its audience reads it (core/domain/case/audience.ts): staff read every event, the
 * household only its resident-facing steps in plain words, without staff notes or bookkeeping (R-ACC-5).
 * The household's own steps carry no name (byName ''): they took them.
 * A reader with the resident's name masked sees it masked here too, without their words if content is hidden.
 */
export function timelineOf(events: CaseEvent[], s: CaseState, fields: CaseFields, audience: Audience = 'staff') {
  if (audience === 'resident') {
    return events.flatMap((e) =>
      residentSteps(e).map((step) => {
        const by = step.as?.by ?? e.by;
        // The household's own steps (已受理 of what they sent, 您已确认完成…) name nobody: 已受理 · 李明 would read
        // as if 李明 had accepted it. Steps by staff name who acted; the system's, the service centre.
        const byName = by === 'system' ? '物业服务中心' : !step.as && byHousehold(e, s) ? '' : e.byName;
        return { type: step.as?.type ?? e.type, label: step.label, at: toIso(e.at), by, byName, note: step.note };
      }),
    );
  }
  return events.flatMap((e) => {
    const household = byHousehold(e, s);
    const entry = {
      type: e.type,
      label: EVENT_LABELS[e.type],
      at: toIso(e.at),
      by: e.by,
      byName: household && fields.name === 'masked' ? maskName(e.byName) : e.byName,
      note: household && !fields.content ? null : noteOf(e),
    };
    return [entry, ...pagedStep(e)];
  });
}

/**
 * The case as its reader may see it (contract §3 case fields): `fields` (core/access/caseAccess.ts,
 * from THE policy table) decides whether the contact is full or masked and whether the resident's words
 * and photos are shown (R-ACC-5). `caller` is the reader, whose own actions on the case the view carries.
 * `sla` is the community's settings, required: a view built on the defaults would promise other
 * deadlines than the sweep keeps.
 */
export function caseView(s: CaseState, now: number, names: Names, opts: { caller: MaybeCaller; events?: CaseEvent[]; fields: CaseFields; sla: SlaConfig; roles: OwnerRoles }) {
  const f = opts.fields;
  const urgeAt = nextUrgeAt(s, now);
  const actions = caseActions(opts.caller, s);
  return {
    id: s.id,
    number: s.number,
    /** What a write that must act on exactly this state sends back (workbench.dispatch `version`). */
    version: s.version,
    kind: s.kind,
    kindLabel: KIND_LABELS[s.kind],
    category: s.category,
    categoryLabel: categoryLabelOf(s.category),
    status: s.status,
    statusLabel: STATUS_LABELS[s.status],
    householdId: s.householdId,
    createdAt: toIso(s.createdAt),
    updatedAt: toIso(s.updatedAt),
    content: f.content ? s.content : '',
    photos: f.photos ? s.photos : [],
    location: s.location,
    preferredTime: s.preferredTime ? { from: toIso(s.preferredTime.from), to: toIso(s.preferredTime.to) } : null,
    emergency: s.emergency,
    level: s.level,
    channel: s.channel,
    channelLabel: CHANNEL_LABELS[s.channel],
    contactName: f.name === 'full' ? s.contactName : maskName(s.contactName),
    contactPhone: f.phone === 'full' ? s.contactPhone : maskPhone(s.contactPhone),
    ...ownerOf(s, names, opts.roles),
    /** The department the case is routed to (R-INT-5: 归口部门). */
    department: s.department,
    departmentLabel: DEPARTMENT_LABELS[s.department],
    deadlines: deadlinesOf(s, now, opts.sla).map((d) => deadlineView(d, now, s)),
    escalationLevel: s.sla.level,
    paused: s.sla.pauses.find((p) => p.to === null)?.reason ?? null,
    work: WORK_KINDS.includes(s.kind)
      ? {
          technician: s.work.technician,
          technicianName: s.work.technicianName,
          dispatchedAt: s.work.dispatchedAt ? toIso(s.work.dispatchedAt) : null,
          arrivedAt: s.work.arrivedAt ? toIso(s.work.arrivedAt) : null,
          quote: s.work.quote ? { feeFen: s.work.quote.feeFen, note: s.work.quote.note, at: toIso(s.work.quote.at), decision: s.work.quote.decision } : null,
          completedAt: s.work.completedAt ? toIso(s.work.completedAt) : null,
          result: s.work.result,
          materials: s.work.materials,
          feeFen: s.work.feeFen,
          /** R-REP-2: the most the completion may charge (the accepted quote; 0 for free work). */
          maxFeeFen: feeCapFen(s),
          reworks: s.work.reworks,
          confirmedAt: s.work.confirmedAt ? toIso(s.work.confirmedAt) : null,
          callback: s.work.callback ? { ...s.work.callback, at: toIso(s.work.callback.at) } : null,
        }
      : null,
    followUp: s.followUp ? { owner: s.followUp.owner, reason: s.followUp.reason, at: toIso(s.followUp.at) } : null,
    lastUrgedAt: s.lastUrgedAt ? toIso(s.lastUrgedAt) : null,
    /** The household urged it (催办) and it is still open: the queue flags it. */
    urged: s.lastUrgedAt !== null && clocksRun(s),
    resolution: s.resolution,
    rating: s.rating ? { stars: s.rating.stars, comment: f.content ? s.rating.comment : null, at: toIso(s.rating.at) } : null,
    allowed: allowedEvents(s),
    /** Still being worked: its clocks run (the resident may follow its promises). */
    open: clocksRun(s),
    /** What this reader may do on the case now (permission table × transition table × their part). */
    actions,
    /** A check-in now would come before the agreed window: shown, and confirmed with `arrive { early: true }`. */
    arrivalWarning: arrivalWarningOf(s, now, actions),
    /** 催单 rests until then (null: an urge is taken now, if `actions` has it). */
    nextUrgeAt: urgeAt === null ? null : toIso(urgeAt),
    /** Platform time of the answer: countdowns run on it, not on the phone's clock. */
    serverNow: toIso(now),
    ...(opts.events ? { timeline: timelineOf(opts.events, s, f, audienceOf(opts.caller, s)) } : {}),
  };
}

export type CaseView = ReturnType<typeof caseView>;
