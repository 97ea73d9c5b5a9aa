import type { CaseKind, CaseStatus, Channel, Department } from '../../schemas/common';

export type Location = 'in_home' | 'common_area';
export type ComplaintLevel = 'major' | 'serious' | 'minor';

/** A case's current state, derived from its events by `transition` (never edited directly). */
export interface CaseState {
  id: string;
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
  rating: { stars: number; comment: string | null; at: number } | null;
}

interface EventBase {
  at: number;
  /** User id of whoever caused the event (resident, staff or `system`). */
  by: string;
  /** Display name at the time of the event, kept for the archive (R-INT-4). */
  byName: string;
  note: string | null;
}

export interface SubmittedEvent extends EventBase {
  type: 'submitted';
  case: Omit<CaseState, 'status' | 'updatedAt' | 'version' | 'resolution' | 'rating'>;
}
export interface AssignedEvent extends EventBase {
  type: 'assigned';
  to: string;
  toName: string;
  department: Department;
}
export interface RepliedEvent extends EventBase {
  type: 'replied';
}
export interface CancelledEvent extends EventBase {
  type: 'cancelled';
}

export type CaseEvent = SubmittedEvent | AssignedEvent | RepliedEvent | CancelledEvent;
export type CaseEventType = CaseEvent['type'];

/** Something to do after the change commits; notifications go through the outbox in the same transaction. */
export interface NotifyEffect {
  type: 'notify';
  to: string;
  template: NotificationTemplate;
  data: Record<string, string>;
}
export type Effect = NotifyEffect;

export type NotificationTemplate =
  | 'case.received'
  | 'case.new'
  | 'case.assigned'
  | 'case.status'
  | 'case.replied'
  | 'case.cancelled'
  | 'binding.pending'
  | 'binding.approved'
  | 'binding.rejected';
