import { FEE_ITEM_LABELS } from '../fees/standards';
import type { RenovationView, TimelineEntry } from '../../schemas/renovation';
import { toIso } from '../../time';
import { maskIdNumber } from './documents';
import { areaText } from './fees';
import { ACCEPT_BLOCKER_LABELS, acceptBlockers } from './acceptance';
import { WORKING, type RenovationEvent, type RenovationState } from './state';
import { DOCUMENT_LABELS, INSPECTION_ITEM_LABELS, RENOVATION_STATUS_LABELS, VIOLATION_STATUS_LABELS, type InspectionItem, type RenovationStatus, type ReviewItem } from './vocabulary';

export interface ViewContext {
  /** Who reads: the household's resident, or staff (`manage`: may act: 装修管理员 / 经理). */
  viewer: { kind: 'resident'; userId: string } | { kind: 'staff'; manage: boolean };
  now: number;
  bill: { status: 'unpaid' | 'paid' } | null;
  refund: { amountFen: number; status: 'pending' | 'processing' | 'succeeded' | 'failed' } | null;
  events: RenovationEvent[] | null;
  /** Names of the people in the record (by user id). */
  names?: Record<string, string>;
}

const EVENT_LABELS: Record<RenovationEvent['type'], string> = {
  submitted: '提交装修申请',
  resubmitted: '补充材料后重新提交',
  returned: '退回补充材料',
  approved: '审核通过，发放施工许可证和出入证',
  closure_tested: '闭水试验登记',
  inspected: '装修巡查',
  inspection_escalated: '巡查逾期，已升级处理',
  violation_noticed: '发出装修违章处理通知单',
  violation_overdue: '违章逾期未整改，待书面上报主管部门',
  violation_resolved: '违章处理完毕',
  accepted: '完工验收',
};

/** What a resident reads of an event (no staff-internal notes, no escalation targets). */
function publicNote(e: RenovationEvent): string | null {
  switch (e.type) {
    case 'returned':
      return e.note;
    case 'closure_tested':
      return `${e.passed ? '合格' : '不合格'}：${e.note}`;
    case 'inspected':
      return `${e.passed ? '合格' : '发现问题'}：${e.findings}`;
    case 'violation_noticed':
      return e.description;
    case 'violation_resolved':
      return e.note;
    default:
      return null;
  }
}

/** Events a resident does not see: the internal escalation ladder. */
const STAFF_ONLY: readonly RenovationEvent['type'][] = ['inspection_escalated'];

/**
 * Pure: what one caller reads of an application. ID numbers masked for everyone (R-ACC-5); residents
 * never see staff-internal notes or the escalation record; `allowed` says what this caller may do now
 * (pages render it and copy no rule).
 */
export function renovationView(s: RenovationState, c: ViewContext): RenovationView {
  const staff = c.viewer.kind === 'staff';
  const manage = c.viewer.kind === 'staff' && c.viewer.manage;
  const refunded = s.status === 'accepted' && c.refund?.status === 'succeeded';
  const status: RenovationStatus = refunded ? 'refunded' : s.status;
  const working = WORKING.includes(s.status);
  const name = (id: string) => (id === 'system' ? '系统' : (c.names?.[id] ?? id));
  const deadlines: RenovationView['deadlines'] = [];
  if (s.inspectionDueAt !== null) deadlines.push({ name: 'inspection', label: '下次巡查', dueAt: toIso(s.inspectionDueAt), metAt: null, breached: c.now >= s.inspectionDueAt });
  for (const v of s.violations)
    deadlines.push({ name: 'violation', label: '违章整改期限', dueAt: toIso(v.deadline), metAt: v.resolvedAt === null ? null : toIso(v.resolvedAt), breached: (v.resolvedAt ?? c.now) > v.deadline });
  const timeline: TimelineEntry[] = (c.events ?? [])
    .filter((e) => staff || !STAFF_ONLY.includes(e.type))
    .map((e) => ({
      type: e.type,
      label: EVENT_LABELS[e.type],
      at: toIso(e.at),
      by: e.by === 'system' ? '系统' : e.byName,
      note: staff && e.type === 'inspection_escalated' ? `已转交${e.toName}跟进（${e.level === 1 ? '客服主管' : '经理'}）` : publicNote(e),
    }));
  const unpaidBill = c.bill?.status === 'unpaid';
  const openViolation = s.violations.some((v) => v.status === 'open' || v.status === 'report_due');
  // Why completion acceptance must wait (R-REN-10): told to whoever may accept, while the work is on.
  const blockers = manage && working ? acceptBlockers(s, c.bill?.status === 'paid') : [];
  return {
    id: s.id,
    number: s.number,
    communityId: s.communityId,
    householdId: s.householdId,
    status,
    statusLabel: RENOVATION_STATUS_LABELS[status],
    applicant: s.applicant,
    applicantName: s.applicantName,
    plan: s.plan,
    structuralChange: s.structuralChange,
    areaM2: areaText(s.areaM2x100),
    demolitionM2: s.demolitionM2x100 === null ? null : areaText(s.demolitionM2x100),
    secondRenovation: s.secondRenovation,
    premises: s.premises,
    startDate: s.startDate,
    endDate: s.endDate,
    rulesAccepted: s.rulesAccepted,
    rulesVersion: s.rulesVersion ?? null,
    documents: {
      form: s.documents.form,
      drawings: [...s.documents.drawings],
      workers: s.documents.workers.map((w) => ({ name: w.name, idNumber: maskIdNumber(w.idNumber), photo: w.photo, passNumber: w.passNumber })),
      licence: s.documents.licence,
      qualification: s.documents.qualification,
      authority: s.documents.authority,
      powerOfAttorney: s.documents.powerOfAttorney,
      delegateId: s.documents.delegateId,
    },
    fees: s.fees.map((f) => ({ ...f, label: FEE_ITEM_LABELS[f.item] })),
    totalFen: s.fees.reduce((t, f) => t + f.amountFen, 0),
    billId: s.billId,
    billStatus: c.bill?.status ?? null,
    missing: s.missing.map((m) => ({ ...m })),
    returnNote: s.returnNote,
    permitNumber: s.permitNumber,
    deadlines,
    nextInspectionDueAt: s.inspectionDueAt === null ? null : toIso(s.inspectionDueAt),
    reviews: (s.reviews ?? []).map((r) => ({
      at: toIso(r.at),
      by: name(r.by),
      decision: r.decision,
      checklist: (Object.entries(r.checklist) as [ReviewItem, boolean][]).map(([item, ok]) => ({ item, label: DOCUMENT_LABELS[item], ok })),
    })),
    closureTests: s.closureTests.map((t) => ({ at: toIso(t.at), by: name(t.by), passed: t.passed, note: t.note, startedAt: t.startedAt === null ? null : toIso(t.startedAt), hours: t.hours, ownerPresent: t.ownerPresent, photos: [...t.photos] })),
    inspections: s.inspections.map((i) => ({
      at: toIso(i.at),
      by: name(i.by),
      passed: i.passed,
      findings: i.findings,
      checklist: (Object.entries(i.checklist) as [InspectionItem, boolean][]).map(([item, ok]) => ({ item, label: INSPECTION_ITEM_LABELS[item], ok })),
      photos: [...i.photos],
    })),
    violations: s.violations.map((v) => ({
      id: v.id,
      at: toIso(v.at),
      by: name(v.by),
      description: v.description,
      deadline: toIso(v.deadline),
      stopOrder: v.stopOrder,
      status: v.status,
      statusLabel: VIOLATION_STATUS_LABELS[v.status],
      proofs: [...v.proofs, ...v.resolutionProofs],
      resolvedAt: v.resolvedAt === null ? null : toIso(v.resolvedAt),
      resolution: v.resolution,
    })),
    deductions: s.deductions.map((d) => ({ ...d })),
    refundFen: s.refundFen,
    refundStatus: c.refund?.status ?? null,
    createdAt: toIso(s.createdAt),
    acceptedAt: s.acceptedAt === null ? null : toIso(s.acceptedAt),
    timeline,
    internalNotes: staff ? s.internalNotes.map((n) => ({ at: toIso(n.at), by: name(n.by), note: n.note })) : null,
    acceptBlockers: blockers.map((b) => ACCEPT_BLOCKER_LABELS[b]),
    allowed: {
      resubmit: c.viewer.kind === 'resident' && s.status === 'returned',
      review: manage && s.status === 'submitted',
      closureTest: manage && working,
      inspect: manage && working,
      violation: manage && working,
      resolveViolation: manage && openViolation,
      accept: manage && working && blockers.length === 0,
      pay: c.viewer.kind === 'resident' && unpaidBill,
    },
  };
}
