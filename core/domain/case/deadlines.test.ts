import { submittedEvent } from '../../../test/support/factories';
import { DAY, HOUR, MINUTE, toIso } from '../../time';
import { deadlinesOf, deadlineView, nextDueAt } from './deadlines';
import { transition } from './transition';
import type { CaseState } from './types';

const stateOf = (over: Parameters<typeof submittedEvent>[0], at: number): CaseState => {
  const r = transition(undefined, submittedEvent(over, at));
  if (!r.ok) throw new Error('refused');
  return r.next;
};

describe('deadlines', () => {
  it('[R-INT-1] a case submitted at 23:50 on a Saturday starts its clock then, not at office hours', () => {
    const at = Date.parse('2026-11-28T23:50:00+08:00');
    const s = stateOf({ kind: 'consultation' }, at);
    const [reply] = deadlinesOf(s);
    expect(toIso(reply.dueAt)).toBe('2026-11-30T23:50:00+08:00');
    const emergency = stateOf({ kind: 'repair', emergency: true }, at);
    expect(toIso(deadlinesOf(emergency)[0].dueAt)).toBe('2026-11-29T00:05:00+08:00');
  });

  it('[R-INT-1] a repair with no agreed time is due within 24 hours; an agreed window ends it', () => {
    const at = Date.parse('2026-11-24T10:00:00+08:00');
    expect(deadlinesOf(stateOf({ kind: 'repair' }, at))[0].dueAt).toBe(at + 24 * HOUR);
    const to = at + 3 * HOUR;
    expect(deadlinesOf(stateOf({ kind: 'repair', preferredTime: { from: at + HOUR, to } }, at))[0].dueAt).toBe(to);
  });

  it('complaints are due by level: 10 / 3 / 2 days', () => {
    const at = Date.parse('2026-11-24T10:00:00+08:00');
    expect(deadlinesOf(stateOf({ kind: 'complaint', level: 'major' }, at))[0].dueAt).toBe(at + 10 * DAY);
    expect(deadlinesOf(stateOf({ kind: 'complaint', level: 'serious' }, at))[0].dueAt).toBe(at + 3 * DAY);
    expect(deadlinesOf(stateOf({ kind: 'complaint', level: null }, at))[0].dueAt).toBe(at + 2 * DAY);
  });

  it('a deadline is breached once the platform time passes it, and met ones stop counting', () => {
    const at = Date.parse('2026-11-24T10:00:00+08:00');
    const s = stateOf({ kind: 'repair', emergency: true }, at);
    const [d] = deadlinesOf(s);
    expect(deadlineView(d, at + 15 * MINUTE).breached).toBe(false);
    expect(deadlineView(d, at + 15 * MINUTE + 1).breached).toBe(true);
    expect(nextDueAt(s)).toBe(at + 15 * MINUTE);
    expect(nextDueAt({ ...s, status: 'cancelled' })).toBeNull();
  });
});
