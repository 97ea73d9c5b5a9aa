import { CASE_STATUSES } from '../../schemas/common';
import { submittedEvent, eventOf } from '../../../test/support/factories';
import { ALLOWED, can, replay, transition } from './transition';
import type { CaseEvent, CaseEventType, CaseState } from './types';

const T0 = Date.parse('2026-11-24T09:00:00+08:00');
const EVENT_TYPES: CaseEventType[] = ['submitted', 'assigned', 'replied', 'cancelled'];

/** A state in each status, reached through real events. */
function inStatus(status: CaseState['status']): CaseState {
  const base = transition(undefined, submittedEvent({}, T0));
  if (!base.ok) throw new Error('submit refused');
  if (status === 'submitted') return base.next;
  if (status === 'processing') return replay([submittedEvent({}, T0), eventOf('assigned', T0 + 1)])!;
  if (status === 'resolved') return replay([submittedEvent({}, T0), eventOf('replied', T0 + 1)])!;
  if (status === 'cancelled') return replay([submittedEvent({}, T0), eventOf('cancelled', T0 + 1)])!;
  return { ...base.next, status };
}

describe('case transitions, as a table of every status × event', () => {
  const rows = CASE_STATUSES.flatMap((status) => EVENT_TYPES.map((type) => [status, type, ALLOWED[status].includes(type)] as const));
  it.each(rows)('[R-INT-4] %s + %s → allowed=%s, and a refused one changes nothing', (status, type, allowed) => {
    const state = inStatus(status);
    const before = JSON.stringify(state);
    const event: CaseEvent = type === 'submitted' ? submittedEvent({}, T0 + 5) : eventOf(type, T0 + 5);
    const r = transition(state, event);
    expect(r.ok).toBe(allowed);
    expect(can(state, type)).toBe(allowed);
    expect(JSON.stringify(state)).toBe(before);
    if (r.ok) expect(r.next.version).toBe(state.version + 1);
  });

  it('[R-INT-2] only consultations, suggestions, praise, help and other are answered by a reply; worked kinds refuse it', () => {
    for (const kind of ['repair', 'complaint', 'service', 'warranty'] as const) {
      const s = transition(undefined, submittedEvent({ kind }, T0));
      if (!s.ok) throw new Error('refused');
      expect(transition(s.next, eventOf('replied', T0 + 1)).ok).toBe(false);
      expect(can(s.next, 'assigned')).toBe(true);
    }
    for (const kind of ['consultation', 'suggestion', 'praise', 'help', 'other'] as const) {
      const s = transition(undefined, submittedEvent({ kind }, T0));
      if (!s.ok) throw new Error('refused');
      expect(transition(s.next, eventOf('replied', T0 + 1)).ok).toBe(true);
    }
  });

  it('only `submitted` may start a case', () => {
    for (const type of EVENT_TYPES) expect(transition(undefined, type === 'submitted' ? submittedEvent() : eventOf(type, T0)).ok).toBe(type === 'submitted');
  });

  it('[R-INT-5] assignment moves the one responsible person and notifies the new owner and the resident', () => {
    const s = inStatus('submitted');
    const r = transition(s, eventOf('assigned', T0 + 60_000, { to: 'supervisor', toName: '周丽' } as Partial<CaseEvent>));
    if (!r.ok) throw new Error('refused');
    expect(r.next.owner).toBe('supervisor');
    expect(r.next.status).toBe('processing');
    expect(r.effects.map((e) => [e.to, e.template])).toEqual([
      ['supervisor', 'case.assigned'],
      ['resident-a', 'case.status'],
    ]);
  });

  it('[R-INT-4] replaying the event log rebuilds exactly the state the transitions produced', () => {
    const events = [submittedEvent({}, T0), eventOf('assigned', T0 + 1000), eventOf('replied', T0 + 2000)];
    const s = replay(events)!;
    expect(s.status).toBe('resolved');
    expect(s.version).toBe(3);
    expect(s.resolution).toBe('快递柜在 2 号楼东侧');
    expect(() => replay([...events, eventOf('cancelled', T0 + 3000)])).toThrow(/refuses cancelled/);
  });
});
