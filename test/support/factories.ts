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
    },
  };
}

export const eventOf = (type: CaseEvent['type'], at: number, extra: Partial<CaseEvent> = {}): CaseEvent =>
  ({
    type,
    at,
    by: 'frontdesk',
    byName: '张敏',
    note: type === 'replied' ? '快递柜在 2 号楼东侧' : null,
    ...(type === 'assigned' ? { to: 'supervisor', toName: '周丽', department: 'customer_service' } : {}),
    ...extra,
  }) as CaseEvent;

export const stateAfter = (events: CaseEvent[]): CaseState => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { replay } = require('../../core/domain/case/transition') as typeof import('../../core/domain/case/transition');
  const s = replay(events);
  if (!s) throw new Error('no state');
  return s;
};
