import type { CaseEvent, CaseState, SubmittedEvent } from '../../core/domain/case/types';

/** A submitted-case event with sensible defaults (times in ms). */
export function submittedEvent(over: Partial<SubmittedEvent['case']> = {}, at = Date.parse('2026-11-24T23:00:00+08:00')): SubmittedEvent {
  return {
    type: 'submitted',
    at,
    by: 'resident-a',
    byName: '李明',
    note: null,
    case: {
      id: 'c_test1',
      communityId: 'demo',
      householdId: '1-1-101',
      kind: 'consultation',
      category: null,
      content: '请问小区快递柜在哪里？',
      photos: [],
      location: null,
      preferredTime: null,
      emergency: false,
      level: null,
      channel: 'miniprogram',
      contactName: '李明',
      contactPhone: '13800001101',
      submittedBy: 'resident-a',
      owner: 'frontdesk',
      department: 'customer_service',
      createdAt: at,
      ...over,
      number: over.number ?? `ZX20261124-${over.id ?? 'c_test1'}`,
    },
  };
}

/** The fields each event type needs beyond the common ones: a valid event of every type. */
const EVENT_DEFAULTS: { [T in CaseEvent['type']]: (at: number) => Omit<Extract<CaseEvent, { type: T }>, 'type' | 'at' | 'by' | 'byName' | 'note'> } = {
  submitted: () => ({ case: submittedEvent().case }),
  assigned: () => ({ to: 'supervisor', toName: '周丽', department: 'customer_service' }),
  replied: () => ({}),
  cancelled: () => ({}),
  dispatched: () => ({ to: 'tech-1', toName: '王强' }),
  arrived: () => ({}),
  quoted: () => ({ feeFen: 8000 }),
  quoteAccepted: () => ({}),
  quoteDeclined: () => ({}),
  completed: () => ({ result: '已更换阀芯', materials: ['阀芯'], feeFen: 0, callbackOwner: 'frontdesk', callbackOwnerName: '张敏' }),
  confirmed: (at) => ({ ok: true, arrivalDue: at + 86_400_000 }),
  callback: (at) => ({ outcome: 'satisfied', method: 'phone', arrivalDue: at + 86_400_000 }),
  rated: () => ({ stars: 5, supervisor: 'supervisor' }),
  urged: () => ({}),
  paused: () => ({}),
  resumed: () => ({}),
  warned: (at) => ({ deadline: 'arrival', dueAt: at }),
  breached: (at) => ({ deadline: 'arrival', dueAt: at }),
  escalated: () => ({ to: 'supervisor', toName: '周丽', level: 1 }),
  closedUnresolvable: () => ({}),
  classified: () => ({ level: 'serious', from: null, aboutStaff: null, manager: 'manager' }),
  contacted: () => ({}),
  markedInvalid: () => ({}),
  closed: () => ({}),
  followUpOpened: () => ({ to: 'supervisor', toName: '周丽' }),
};

/** Who records each event by default (the resident for their own actions, the technician for the work). */
const BY: Partial<Record<CaseEvent['type'], [string, string]>> = {
  cancelled: ['resident-a', '李明'],
  urged: ['resident-a', '李明'],
  quoteAccepted: ['resident-a', '李明'],
  quoteDeclined: ['resident-a', '李明'],
  confirmed: ['resident-a', '李明'],
  rated: ['resident-a', '李明'],
  arrived: ['tech-1', '王强'],
  quoted: ['tech-1', '王强'],
  completed: ['tech-1', '王强'],
  warned: ['system', '系统'],
  breached: ['system', '系统'],
  escalated: ['system', '系统'],
  closedUnresolvable: ['manager', '吴军'],
};

const NOTES: Partial<Record<CaseEvent['type'], string>> = {
  replied: '快递柜在 2 号楼东侧',
  paused: '住户不在家',
  quoted: '更换阀芯，含材料',
  closedUnresolvable: '住户拒绝入户维修，多次沟通无果',
};

/** A valid event of any type at `at` (for `submitted`, use submittedEvent). */
export const eventOf = (type: CaseEvent['type'], at: number, extra: Partial<CaseEvent> = {}): CaseEvent => {
  if (type === 'submitted') return { ...submittedEvent({}, at), ...extra } as CaseEvent;
  const [by, byName] = BY[type] ?? ['frontdesk', '张敏'];
  return { type, at, by, byName, note: NOTES[type] ?? null, ...EVENT_DEFAULTS[type](at), ...extra } as CaseEvent;
};

export const stateAfter = (events: CaseEvent[]): CaseState => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { replay } = require('../../core/domain/case/replay') as typeof import('../../core/domain/case/replay');
  const s = replay(events);
  if (!s) throw new Error('no state');
  return s;
};
