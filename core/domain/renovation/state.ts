import type { FeeItem } from '../fees/standards';
import type { Applicant, DocumentCode, InspectionItem, MissingItem, Premises, RenovationStatus, ViolationStatus } from './vocabulary';

/**
 * A renovation application (装修申请, service standards §7) as an event log: every step is an event,
 * and the stored state is the fold of the events (`transition`), as with cases. ID numbers are stored
 * (R-REN-2) and masked in every view (R-ACC-5, view.ts).
 */
export interface RenoWorker {
  name: string;
  idNumber: string | null;
  photo: string | null;
  passNumber: string | null;
}

export interface RenoDocuments {
  form: string | null;
  drawings: string[];
  workers: RenoWorker[];
  licence: string | null;
  qualification: string | null;
  authority: string | null;
  powerOfAttorney: string | null;
  delegateId: string | null;
}

export interface RenoFeeLine {
  item: FeeItem;
  amountFen: number;
  /** m² (2 decimals, as text) or a count. */
  quantity: string;
  refundable: boolean;
}

export interface Application {
  applicant: Applicant;
  plan: string;
  structuralChange: boolean;
  /** Area in 0.01 m² (89.50 m² → 8950): integers only (R-FEE-4). */
  areaM2x100: number;
  demolitionM2x100: number | null;
  secondRenovation: boolean;
  premises: Premises;
  startDate: string;
  endDate: string;
  rulesAccepted: boolean;
  /** Which version of the rules the applicant accepted (R-REN-4; renovation.rules `version`). */
  rulesVersion?: string | null;
}

export interface ClosureTest {
  at: number;
  by: string;
  passed: boolean;
  note: string;
  startedAt: number | null;
  hours: number;
  ownerPresent: boolean;
  photos: string[];
}

export interface Inspection {
  at: number;
  by: string;
  passed: boolean;
  findings: string;
  checklist: Partial<Record<InspectionItem, boolean>>;
  photos: string[];
}

export interface Violation {
  id: string;
  at: number;
  by: string;
  description: string;
  deadline: number;
  stopOrder: boolean;
  proofs: string[];
  status: ViolationStatus;
  /** When the sweep found it ignored past its deadline (report due). */
  overdueAt: number | null;
  resolvedAt: number | null;
  resolution: string | null;
  resolutionProofs: string[];
}

export interface RenovationState extends Application {
  id: string;
  number: string;
  communityId: string;
  householdId: string;
  /** Stored status (`refunded` is read from the refund row: view.ts). */
  status: Exclude<RenovationStatus, 'refunded'>;
  version: number;
  applicantId: string;
  applicantName: string;
  documents: RenoDocuments;
  fees: RenoFeeLine[];
  missing: MissingItem[];
  returnNote: string | null;
  billId: string | null;
  permitNumber: string | null;
  approvedAt: number | null;
  closureTests: ClosureTest[];
  inspections: Inspection[];
  /** The next inspection's due time (R-REN-8) while work goes on; null otherwise. */
  inspectionDueAt: number | null;
  /** Escalation rung reached for the missed inspection due at `inspectionDueAt` (0: none). */
  inspectionEscalation: 0 | 1 | 2;
  violations: Violation[];
  deductions: { reason: string; amountFen: number }[];
  refundFen: number | null;
  acceptedAt: number | null;
  internalNotes: { at: number; by: string; note: string }[];
  createdAt: number;
  updatedAt: number;
}

interface Base {
  at: number;
  /** User id, or 'system' (the sweep). */
  by: string;
  byName: string;
}

export type RenovationEvent =
  | (Base & {
      type: 'submitted';
      id: string;
      number: string;
      communityId: string;
      householdId: string;
      application: Application;
      documents: RenoDocuments;
      fees: RenoFeeLine[];
    })
  | (Base & { type: 'resubmitted'; documents: RenoDocuments; plan: string | null; rulesAccepted: boolean | null; rulesVersion?: string | null; fees: RenoFeeLine[] })
  | (Base & { type: 'returned'; missing: MissingItem[]; note: string | null; internalNote: string | null })
  | (Base & { type: 'approved'; permitNumber: string; passNumbers: string[]; billId: string; inspectionDueAt: number; internalNote: string | null })
  | (Base & { type: 'closure_tested'; passed: boolean; note: string; startedAt: number | null; hours: number; ownerPresent: boolean; photos: string[] })
  | (Base & { type: 'inspected'; passed: boolean; findings: string; checklist: Partial<Record<InspectionItem, boolean>>; photos: string[]; internalNote: string | null; nextDueAt: number })
  /** The sweep: the inspection due at `dueAt` was missed (R-REN-8), escalated to `to` (rung 1 supervisor, 2 manager). */
  | (Base & { type: 'inspection_escalated'; dueAt: number; level: 1 | 2; to: string; toName: string })
  | (Base & { type: 'violation_noticed'; violationId: string; description: string; deadline: number; stopOrder: boolean; proofs: string[] })
  /** The sweep: a notice ignored past its deadline; a written report to the authority is due (R-REN-9). */
  | (Base & { type: 'violation_overdue'; violationId: string })
  | (Base & { type: 'violation_resolved'; violationId: string; outcome: 'rectified' | 'reported'; note: string; proofs: string[] })
  | (Base & { type: 'accepted'; deductions: { reason: string; amountFen: number }[]; refundFen: number; note: string | null });

export type EventType = RenovationEvent['type'];

export type TransitionResult = { ok: true; next: RenovationState } | { ok: false; code: 'RENOVATION.INVALID_TRANSITION' };

const refuse = { ok: false, code: 'RENOVATION.INVALID_TRANSITION' } as const;

/** Work under way: the closure test, inspections and violations are recorded now (R-REN-7..9). */
export const WORKING: readonly RenovationState['status'][] = ['approved', 'in_progress'];

const note = (s: RenovationState, e: Base, text: string | null) => (text ? [...s.internalNotes, { at: e.at, by: e.by, note: text }] : s.internalNotes);

/**
 * Pure: the state after one event, or a refusal when the state does not accept it. Folding the log
 * from nothing gives the stored state (R-REN-11: the archive is the log).
 */
export function transition(s: RenovationState | undefined, e: RenovationEvent): TransitionResult {
  if (e.type === 'submitted') {
    if (s) return refuse;
    return {
      ok: true,
      next: {
        ...e.application,
        id: e.id,
        number: e.number,
        communityId: e.communityId,
        householdId: e.householdId,
        status: 'submitted',
        version: 1,
        applicantId: e.by,
        applicantName: e.byName,
        documents: e.documents,
        fees: e.fees,
        missing: [],
        returnNote: null,
        billId: null,
        permitNumber: null,
        approvedAt: null,
        closureTests: [],
        inspections: [],
        inspectionDueAt: null,
        inspectionEscalation: 0,
        violations: [],
        deductions: [],
        refundFen: null,
        acceptedAt: null,
        internalNotes: [],
        createdAt: e.at,
        updatedAt: e.at,
      },
    };
  }
  if (!s) return refuse;
  const bump = (patch: Partial<RenovationState>): TransitionResult => ({ ok: true, next: { ...s, ...patch, version: s.version + 1, updatedAt: Math.max(s.updatedAt, e.at) } });
  switch (e.type) {
    case 'resubmitted':
      if (s.status !== 'returned') return refuse;
      return bump({ status: 'submitted', documents: e.documents, plan: e.plan ?? s.plan, rulesAccepted: e.rulesAccepted ?? s.rulesAccepted, rulesVersion: e.rulesVersion ?? s.rulesVersion ?? null, fees: e.fees, missing: [], returnNote: null });
    case 'returned':
      if (s.status !== 'submitted') return refuse;
      return bump({ status: 'returned', missing: e.missing, returnNote: e.note, internalNotes: note(s, e, e.internalNote) });
    case 'approved': {
      if (s.status !== 'submitted') return refuse;
      const workers = s.documents.workers.map((w, i) => ({ ...w, passNumber: e.passNumbers[i] ?? null }));
      return bump({
        status: 'approved',
        permitNumber: e.permitNumber,
        billId: e.billId,
        approvedAt: e.at,
        documents: { ...s.documents, workers },
        inspectionDueAt: e.inspectionDueAt,
        inspectionEscalation: 0,
        missing: [],
        internalNotes: note(s, e, e.internalNote),
      });
    }
    case 'closure_tested':
      if (!WORKING.includes(s.status)) return refuse;
      return bump({
        status: 'in_progress',
        closureTests: [...s.closureTests, { at: e.at, by: e.by, passed: e.passed, note: e.note, startedAt: e.startedAt, hours: e.hours, ownerPresent: e.ownerPresent, photos: e.photos }],
      });
    case 'inspected':
      if (!WORKING.includes(s.status)) return refuse;
      return bump({
        status: 'in_progress',
        inspections: [...s.inspections, { at: e.at, by: e.by, passed: e.passed, findings: e.findings, checklist: e.checklist, photos: e.photos }],
        inspectionDueAt: e.nextDueAt,
        inspectionEscalation: 0,
        internalNotes: note(s, e, e.internalNote),
      });
    case 'inspection_escalated':
      if (!WORKING.includes(s.status) || s.inspectionDueAt !== e.dueAt || e.level <= s.inspectionEscalation) return refuse;
      return bump({ inspectionEscalation: e.level });
    case 'violation_noticed':
      if (!WORKING.includes(s.status) || s.violations.some((v) => v.id === e.violationId)) return refuse;
      return bump({
        status: 'in_progress',
        violations: [
          ...s.violations,
          { id: e.violationId, at: e.at, by: e.by, description: e.description, deadline: e.deadline, stopOrder: e.stopOrder, proofs: e.proofs, status: 'open', overdueAt: null, resolvedAt: null, resolution: null, resolutionProofs: [] },
        ],
      });
    case 'violation_overdue': {
      const v = s.violations.find((x) => x.id === e.violationId);
      if (!v || v.status !== 'open') return refuse;
      return bump({ violations: s.violations.map((x) => (x.id === v.id ? { ...x, status: 'report_due', overdueAt: e.at } : x)) });
    }
    case 'violation_resolved': {
      const v = s.violations.find((x) => x.id === e.violationId);
      if (!v || v.status === 'rectified' || v.status === 'reported') return refuse;
      return bump({
        violations: s.violations.map((x) => (x.id === v.id ? { ...x, status: e.outcome, resolvedAt: e.at, resolution: e.note, resolutionProofs: e.proofs } : x)),
      });
    }
    case 'accepted':
      if (!WORKING.includes(s.status)) return refuse;
      return bump({ status: 'accepted', deductions: e.deductions, refundFen: e.refundFen, acceptedAt: e.at, inspectionDueAt: null, internalNotes: note(s, e, e.note) });
  }
}

/** Folds a whole log (the archive, R-REN-11); throws on a log no state accepts (a bug). */
export function fold(events: RenovationEvent[]): RenovationState {
  let s: RenovationState | undefined;
  for (const e of events) {
    const r = transition(s, e);
    if (!r.ok) throw new Error(`renovation log: ${e.type} not accepted`);
    s = r.next;
  }
  if (!s) throw new Error('renovation log: empty');
  return s;
}

export type { DocumentCode };
