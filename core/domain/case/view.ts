import { toIso } from '../../time';
import { CHANNEL_LABELS, DEPARTMENT_LABELS, KIND_LABELS, STATUS_LABELS } from '../../schemas/common';
import { maskPhone } from '../privacy';
import { deadlinesOf, deadlineView } from './deadlines';
import { CATEGORIES, type CategoryCode } from './routing';
import { allowedEvents } from './transition';
import type { CaseEvent, CaseState } from './types';

const EVENT_LABELS: Record<CaseEvent['type'], string> = {
  submitted: '提交',
  assigned: '已指派',
  replied: '已答复',
  cancelled: '已撤销',
};

export interface Names {
  [userId: string]: string;
}

export function timelineOf(events: CaseEvent[]) {
  return events.map((e) => ({
    type: e.type,
    label: EVENT_LABELS[e.type],
    at: toIso(e.at),
    by: e.by,
    byName: e.byName,
    note: e.type === 'assigned' ? [`转交 ${e.toName}`, e.note].filter(Boolean).join('：') : e.note,
  }));
}

/** The case as every reader sees it (contract §3 case fields). `full` shows the whole contact phone. */
export function caseView(s: CaseState, now: number, names: Names, opts: { events?: CaseEvent[]; fullPhone?: boolean } = {}) {
  return {
    id: s.id,
    kind: s.kind,
    kindLabel: KIND_LABELS[s.kind],
    category: s.category,
    categoryLabel: s.category && s.category in CATEGORIES ? CATEGORIES[s.category as CategoryCode].label : null,
    status: s.status,
    statusLabel: STATUS_LABELS[s.status],
    householdId: s.householdId,
    createdAt: toIso(s.createdAt),
    updatedAt: toIso(s.updatedAt),
    content: s.content,
    photos: s.photos,
    location: s.location,
    preferredTime: s.preferredTime ? { from: toIso(s.preferredTime.from), to: toIso(s.preferredTime.to) } : null,
    emergency: s.emergency,
    level: s.level,
    channel: s.channel,
    channelLabel: CHANNEL_LABELS[s.channel],
    contactName: s.contactName,
    contactPhone: opts.fullPhone ? s.contactPhone : maskPhone(s.contactPhone),
    owner: s.owner,
    ownerName: names[s.owner] ?? s.owner,
    department: s.department,
    departmentLabel: DEPARTMENT_LABELS[s.department],
    deadlines: deadlinesOf(s).map((d) => deadlineView(d, now)),
    resolution: s.resolution,
    rating: s.rating ? { stars: s.rating.stars, comment: s.rating.comment, at: toIso(s.rating.at) } : null,
    allowed: allowedEvents(s),
    ...(opts.events ? { timeline: timelineOf(opts.events) } : {}),
  };
}

export type CaseView = ReturnType<typeof caseView>;
