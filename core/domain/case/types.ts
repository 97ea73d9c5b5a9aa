import type { CallbackMethod, CaseKind, CaseStatus, Channel, Department, StaffRole } from '../../vocabulary';
import type { CaseTemplate } from './messages';

export type Location = 'in_home' | 'common_area';
export type ComplaintLevel = 'major' | 'serious' | 'minor';
/** `inform` (重大: the manager told the same day) and `contact` (first contact) are complaints' own (R-CMP-2, R-CMP-3). */
export type DeadlineName = 'arrival' | 'reply' | 'resolution' | 'callback' | 'handover' | 'inform' | 'contact';

/** What the resident records about a complaint (R-CMP-1), fixed at submission. */
export interface ComplaintIntake {
  /** When it happened (the resident's word), null when not given. */
  occurredAt: number | null;
  place: string | null;
  /** The person or department complained about, in the resident's words. */
  subject: string | null;
  /** What the resident asks for. */
  asks: string | null;
  /** The resident's own "by when" (一般: resolved by then if earlier than 2 days). */
  wantedBy: number | null;
  /** The harm is still going on (R-CMP-4): flagged urgent, the department paged at once. */
  harmOngoing: boolean;
}

/** A complaint's steps (R-CMP-2, R-CMP-3, R-CMP-5). */
export interface ComplaintState extends ComplaintIntake {
  /** The staff member complained about (set by the desk): never sees the case (404). */
  aboutStaff: string | null;
  classifiedAt: number | null;
  /** 重大: when the manager (经理) was informed. */
  informedAt: number | null;
  /** 重要: when it was handed on to the department supervisor (an assignment or the escalation). */
  handedAt: number | null;
  contactedAt: number | null;
  /** The result told to the resident (handling ends) and by whom: the callback is someone else's. */
  repliedAt: number | null;
  handler: string | null;
  callbackAt: number | null;
  /** 无效投诉: the reason the resident was told. */
  invalidReason: string | null;
}

/** Repair work on a case (维修工作单): who, when, what was found, what it cost. */
export interface WorkState {
  technician: string | null;
  technicianName: string | null;
  dispatchedAt: number | null;
  /** When the current arrival clock started (submission, or the reopening for 返工) and its due time. */
  arrivalStart: number;
  arrivalDue: number;
  arrivedAt: number | null;
  quote: { feeFen: number; note: string; at: number; decision: 'pending' | 'accepted' | 'declined' } | null;
  completedAt: number | null;
  result: string | null;
  materials: string[];
  feeFen: number;
  reworks: number;
  confirmedAt: number | null;
  callback: { at: number; by: string; outcome: 'satisfied' | 'problem'; method: CallbackMethod; note: string | null } | null;
}

/** Service-level clocks: pauses while waiting on the resident, warnings, breaches, the escalation ladder. */
export interface SlaState {
  pauses: { from: number; to: number | null; reason: string }[];
  warned: DeadlineName[];
  breached: DeadlineName[];
  /**
   * Deadlines missed so far, 返工 included: `breached` forgets the arrival and callback of re-opened work
   * (their fresh clocks may be missed again), this count does not. One rung per miss (R-ESC-5).
   */
  missed: number;
  /** 0 front line, 1 客服主管 (R-ESC-2), 2 经理 (R-ESC-3). */
  level: 0 | 1 | 2;
}

/**
 * A case's current state: the fold of its events by `transition` (`replay`, never edited directly). The
 * store writes only a state it folded itself; a stored snapshot of an older shape is rebuilt from the
 * events (`npm run rebuild`), never read with fallbacks.
 */
export interface CaseState {
  id: string;
  /** 工单编号 people can read out (BX20261202-0007), unique per community; fixed at submission. */
  number: string;
  communityId: string;
  householdId: string;
  kind: CaseKind;
  category: string | null;
  status: CaseStatus;
  content: string;
  photos: string[];
  location: Location | null;
  preferredTime: { from: number; to: number } | null;
  emergency: boolean;
  level: ComplaintLevel | null;
  channel: Channel;
  contactName: string;
  contactPhone: string;
  submittedBy: string;
  owner: string;
  department: Department;
  createdAt: number;
  updatedAt: number;
  /** Number of events applied; the store's optimistic lock. */
  version: number;
  resolution: string | null;
  /** When the case was finished (answered, completed, closed): what the escalation ladder waits for. */
  finishedAt: number | null;
  rating: { stars: number; comment: string | null; at: number } | null;
  work: WorkState;
  sla: SlaState;
  lastUrgedAt: number | null;
  /** 售后: when the case was handed to the developer's after-sales liaison (R-INT-6). */
  handedOverAt: number | null;
  /** A low rating (≤ 2) opens a follow-up for the supervisor (R-SAT-2). */
  followUp: { owner: string; reason: string; at: number } | null;
  /** Complaints only (null for every other kind). */
  complaint: ComplaintState | null;
}

interface EventBase {
  at: number;
  /** User id of whoever caused the event (resident, staff or `system`). */
  by: string;
  /** Display name at the time of the event, kept for the archive (R-INT-4). */
  byName: string;
  note: string | null;
}

/** What a submission fixes about a case; everything else starts empty. */
export type CaseIntake = Omit<
  CaseState,
  'status' | 'updatedAt' | 'version' | 'resolution' | 'finishedAt' | 'rating' | 'work' | 'sla' | 'lastUrgedAt' | 'handedOverAt' | 'followUp' | 'complaint'
>;

export interface SubmittedEvent extends EventBase {
  type: 'submitted';
  case: CaseIntake;
  /** Arrival due time fixed at submission (repairs), from the community's configuration. */
  arrivalDue?: number;
  /** Emergencies are dispatched at once to the on-duty technician (R-REP-3). */
  onDuty?: { id: string; name: string } | null;
  /** Complaints: what the resident recorded (R-CMP-1). */
  complaint?: ComplaintIntake;
  /** R-CMP-4: the department's responsible person paged at once (harm still going on). */
  paged?: { id: string; name: string } | null;
  /** A complaint classified at a staff intake (R-CMP-2): the manager told of a 重大 one, if any. */
  classified?: { manager: string | null };
}
export interface AssignedEvent extends EventBase {
  type: 'assigned';
  to: string;
  toName: string;
  /** The assignee's role in the community when assigned (how the household is told who handles it). */
  toRole?: StaffRole;
  department: Department;
}
export interface RepliedEvent extends EventBase {
  type: 'replied';
  /** Complaints: who makes the callback (a designated person, not the handler: R-CMP-3). */
  callbackOwner?: string;
}
export interface CancelledEvent extends EventBase {
  type: 'cancelled';
}
export interface DispatchedEvent extends EventBase {
  type: 'dispatched';
  to: string;
  toName: string;
}
export interface ArrivedEvent extends EventBase {
  type: 'arrived';
}
export interface QuotedEvent extends EventBase {
  type: 'quoted';
  feeFen: number;
}
export interface QuoteDecidedEvent extends EventBase {
  type: 'quoteAccepted' | 'quoteDeclined';
}
export interface CompletedEvent extends EventBase {
  type: 'completed';
  result: string;
  materials: string[];
  feeFen: number;
  /** Who makes the callback (the customer-service desk): owns the case until it is closed. */
  callbackOwner: string;
  callbackOwnerName: string;
}
export interface ConfirmedEvent extends EventBase {
  type: 'confirmed';
  ok: boolean;
  /** Re-opening (返工) restarts the arrival clock with this due time. */
  arrivalDue: number;
}
export interface CallbackEvent extends EventBase {
  type: 'callback';
  outcome: 'satisfied' | 'problem';
  method: CallbackMethod;
  arrivalDue: number;
}
export interface RatedEvent extends EventBase {
  type: 'rated';
  stars: number;
  /** The supervisor, who follows up a low rating. */
  supervisor: string;
}
export interface UrgedEvent extends EventBase {
  type: 'urged';
}
export interface PausedEvent extends EventBase {
  type: 'paused';
}
export interface ResumedEvent extends EventBase {
  type: 'resumed';
}
export interface WarnedEvent extends EventBase {
  type: 'warned';
  deadline: DeadlineName;
  dueAt: number;
}
export interface BreachedEvent extends EventBase {
  type: 'breached';
  deadline: DeadlineName;
  dueAt: number;
}
export interface EscalatedEvent extends EventBase {
  type: 'escalated';
  to: string;
  toName: string;
  level: 1 | 2;
}
export interface ClosedUnresolvableEvent extends EventBase {
  type: 'closedUnresolvable';
}
/** 投诉分级 (R-CMP-2): the level, re-classification included; the manager told of a 重大 one. */
export interface ClassifiedEvent extends EventBase {
  type: 'classified';
  level: ComplaintLevel;
  from: ComplaintLevel | null;
  aboutStaff: string | null;
  /** 经理, informed of a 重大 complaint. */
  manager: string | null;
}
export interface ContactedEvent extends EventBase {
  type: 'contacted';
}
export interface MarkedInvalidEvent extends EventBase {
  type: 'markedInvalid';
}
/** The case archived (结案归档): a complaint answered as invalid, after the answer. */
export interface ClosedEvent extends EventBase {
  type: 'closed';
}
/** R-SAT-2: a callback found a problem: the supervisor follows it up (beside the rework or re-handling). */
export interface FollowUpOpenedEvent extends EventBase {
  type: 'followUpOpened';
  to: string;
  toName: string;
}

export type CaseEvent =
  | SubmittedEvent
  | AssignedEvent
  | RepliedEvent
  | CancelledEvent
  | DispatchedEvent
  | ArrivedEvent
  | QuotedEvent
  | QuoteDecidedEvent
  | CompletedEvent
  | ConfirmedEvent
  | CallbackEvent
  | RatedEvent
  | UrgedEvent
  | PausedEvent
  | ResumedEvent
  | WarnedEvent
  | BreachedEvent
  | EscalatedEvent
  | ClosedUnresolvableEvent
  | ClassifiedEvent
  | ContactedEvent
  | MarkedInvalidEvent
  | ClosedEvent
  | FollowUpOpenedEvent;
export type CaseEventType = CaseEvent['type'];

/** Something to do after the change commits; notifications go through the outbox in the same transaction. */
export interface NotifyEffect {
  type: 'notify';
  to: string;
  template: NotificationTemplate;
  data: Record<string, string>;
}
export type Effect = NotifyEffect;

/** Case messages by step and audience (core/domain/case/messages.ts), and the binding messages. */
export type NotificationTemplate = CaseTemplate | 'binding.pending' | 'binding.approved' | 'binding.rejected' | 'fee.paid' | 'fee.amountMismatch' | RenovationTemplate;

/** Renovation messages (core/domain/notifications.ts). */
export type RenovationTemplate =
  | 'renovation.submitted'
  | 'renovation.returned'
  | 'renovation.approved'
  | 'renovation.approvedStaff'
  | 'renovation.inspectionMissed'
  | 'renovation.violation'
  | 'renovation.violationOverdue'
  | 'renovation.accepted';
