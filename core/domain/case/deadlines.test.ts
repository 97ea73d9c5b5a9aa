import { submittedEvent } from '../../../test/support/factories';
import { DAY, HOUR, MINUTE, toIso } from '../../time';
import { arrivalDueFor, deadlinesOf, DEFAULT_SLA, deadlineView, nextDueAt, nextSlaStep, scheduleOf, shifted } from './deadlines';
import { parseCommunitySettings } from '../community/settings';
import { transition } from './transition';
import type { CaseState } from './types';

const stateOf = (over: Parameters<typeof submittedEvent>[0], at: number): CaseState => {
  const ev = submittedEvent(over, at);
  const c = { ...ev.case, emergency: over?.emergency ?? false, preferredTime: over?.preferredTime ?? null };
  const r = transition(undefined, { ...ev, arrivalDue: arrivalDueFor(c, at, DEFAULT_SLA) });
  if (!r.ok) throw new Error('refused');
  return r.next;
};

/** The state after the sweep records the arrival deadline as breached (through the transition). */
const breachedAt = (s: CaseState, at: number): CaseState => {
  const r = transition(s, { type: 'breached', at, by: 'system', byName: '系统', note: null, deadline: 'arrival', dueAt: at });
  if (!r.ok) throw new Error('refused');
  return r.next;
};

describe('deadlines', () => {
  it('[R-INT-1] a case submitted at 23:50 on a Saturday starts its clock then, not at office hours', () => {
    const at = Date.parse('2026-11-28T23:50:00+08:00');
    const [reply] = deadlinesOf(stateOf({ kind: 'consultation' }, at), at, DEFAULT_SLA);
    expect(toIso(reply.dueAt)).toBe('2026-11-30T23:50:00+08:00');
    const emergency = stateOf({ kind: 'repair', emergency: true }, at);
    expect(toIso(deadlinesOf(emergency, at, DEFAULT_SLA)[0].dueAt)).toBe('2026-11-29T00:05:00+08:00');
  });

  it('[R-INT-6] a 售后 case is handed over by midnight of its Shanghai day, whatever the host zone', () => {
    // 2026-03-07 is the eve of Los Angeles' clock change: the host-zone tz plugin ended this day at 01:00.
    const at = Date.parse('2026-03-07T10:00:00+08:00');
    const handover = deadlinesOf(stateOf({ kind: 'warranty' }, at), at, DEFAULT_SLA).find((d) => d.name === 'handover')!;
    expect(toIso(handover.dueAt)).toBe('2026-03-08T00:00:00+08:00');
    const late = Date.parse('2026-11-01T23:59:00+08:00');
    expect(toIso(deadlinesOf(stateOf({ kind: 'warranty' }, late), late, DEFAULT_SLA).find((d) => d.name === 'handover')!.dueAt)).toBe('2026-11-02T00:00:00+08:00');
  });

  it('[R-REP-4] a repair with no agreed time is due within 24 hours; an agreed window ends it', () => {
    const at = Date.parse('2026-11-24T10:00:00+08:00');
    expect(deadlinesOf(stateOf({ kind: 'repair' }, at), at, DEFAULT_SLA)[0].dueAt).toBe(at + 24 * HOUR);
    const to = at + 3 * HOUR;
    expect(deadlinesOf(stateOf({ kind: 'repair', preferredTime: { from: at + HOUR, to } }, at), at, DEFAULT_SLA)[0].dueAt).toBe(to);
  });

  it('[R-REP-3] the emergency window is 15 minutes and a community may only shorten it', () => {
    const settings = (emergencyArrival: string) => parseCommunitySettings({ responsible: { customer_service: 'frontdesk' }, sla: { emergencyArrival } });
    expect(settings('PT30M')).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID', fields: { 'sla.emergencyArrival': '急修到场时限不能超过 15 分钟（急修时限只能缩短）' } } });
    const shorter = settings('PT10M');
    expect(shorter.ok && arrivalDueFor({ emergency: true, preferredTime: null }, 1000, shorter.data.sla)).toBe(1000 + 10 * MINUTE);
    expect(arrivalDueFor({ emergency: true, preferredTime: { from: 0, to: 10 * DAY } }, 1000, DEFAULT_SLA)).toBe(1000 + 15 * MINUTE);
  });

  it('[R-CMP-2] complaints are due by level: 10 / 3 / 2 days', () => {
    const at = Date.parse('2026-11-24T10:00:00+08:00');
    expect(deadlinesOf(stateOf({ kind: 'complaint', level: 'major' }, at), at, DEFAULT_SLA).find((d) => d.name === 'resolution')!.dueAt).toBe(at + 10 * DAY);
    expect(deadlinesOf(stateOf({ kind: 'complaint', level: 'serious' }, at), at, DEFAULT_SLA).find((d) => d.name === 'resolution')!.dueAt).toBe(at + 3 * DAY);
    expect(deadlinesOf(stateOf({ kind: 'complaint', level: null }, at), at, DEFAULT_SLA).find((d) => d.name === 'resolution')!.dueAt).toBe(at + 2 * DAY);
  });

  it('a deadline is breached once the platform time passes it, and met ones stop counting', () => {
    const at = Date.parse('2026-11-24T10:00:00+08:00');
    const s = stateOf({ kind: 'repair', emergency: true }, at);
    const [d] = deadlinesOf(s, at, DEFAULT_SLA);
    expect(deadlineView(d, at + 15 * MINUTE, s).breached).toBe(false);
    expect(deadlineView(d, at + 15 * MINUTE + 1, s).breached).toBe(true);
    expect(nextDueAt(s, DEFAULT_SLA)).toBe(at + 12 * MINUTE);
    expect(nextDueAt({ ...s, status: 'cancelled' }, DEFAULT_SLA)).toBeNull();
  });

  it('pauses move a deadline by their length; a deadline already missed stays missed', () => {
    const pauses = [{ from: 100, to: 160, reason: '住户不在家' }];
    expect(shifted(0, 200, pauses, 1000)).toEqual({ dueAt: 260, paused: false });
    expect(shifted(0, 90, pauses, 1000)).toEqual({ dueAt: 90, paused: false });
    expect(shifted(0, 200, [{ from: 100, to: null, reason: 'x' }], 130)).toEqual({ dueAt: 230, paused: true });
    expect(shifted(120, 200, pauses, 1000)).toEqual({ dueAt: 200, paused: false });
  });

  it('[R-ESC-5] the sweep steps: warn at 80 % of the window, breach at the deadline, then escalate at once', () => {
    const at = Date.parse('2026-11-24T10:00:00+08:00');
    const s = stateOf({ kind: 'repair', emergency: true }, at);
    expect(nextSlaStep(s, at + 11 * MINUTE, DEFAULT_SLA)).toBeNull();
    expect(nextSlaStep(s, at + 12 * MINUTE, DEFAULT_SLA)).toMatchObject({ type: 'warned', deadline: 'arrival' });
    expect(nextSlaStep(s, at + 16 * MINUTE, DEFAULT_SLA)).toMatchObject({ type: 'breached', deadline: 'arrival' });
    expect(nextSlaStep(breachedAt(s, at + 16 * MINUTE), at + 16 * MINUTE, DEFAULT_SLA)).toMatchObject({ type: 'escalated', level: 1 });
  });

  it('[R-ESC-5] a deadline met after its due time, before any sweep looked, is still breached once and escalates', () => {
    const at = Date.parse('2026-11-24T10:00:00+08:00');
    const d = transition(stateOf({ kind: 'repair', emergency: true }, at), { type: 'dispatched', at: at + MINUTE, by: 'frontdesk', byName: '张敏', note: null, to: 'tech-1', toName: '王强' });
    if (!d.ok) throw new Error('refused');
    const s = d.next;
    const r = transition(s, { type: 'arrived', at: at + 15 * MINUTE + 20_000, by: 'tech-1', byName: '王强', note: null });
    if (!r.ok) throw new Error('refused');
    const late = r.next;
    // The case is due for the sweep at once…
    expect(nextDueAt(late, DEFAULT_SLA)).toBe(at + 15 * MINUTE);
    // …which records the breach, then escalates; once recorded, nothing more is due for it.
    expect(nextSlaStep(late, at + 16 * MINUTE, DEFAULT_SLA)).toMatchObject({ type: 'breached', deadline: 'arrival', dueAt: at + 15 * MINUTE });
    const breached = breachedAt(late, at + 16 * MINUTE);
    expect(nextSlaStep(breached, at + 16 * MINUTE, DEFAULT_SLA)).toMatchObject({ type: 'escalated', level: 1 });
    const escalated = { ...breached, sla: { ...breached.sla, level: 1 as const } };
    expect(nextSlaStep(escalated, at + 16 * MINUTE, DEFAULT_SLA)).toBeNull();
    // Met in time: nothing to record.
    const onTime = transition(s, { type: 'arrived', at: at + 14 * MINUTE, by: 'tech-1', byName: '王强', note: null });
    if (!onTime.ok) throw new Error('refused');
    expect(nextSlaStep(onTime.next, at + 16 * MINUTE, DEFAULT_SLA)).toBeNull();
  });

  it('[R-INT-6][R-ESC-5] closed, resolved and cancelled cases are off the clock: no steps, and the sweep never looks at them again', () => {
    const at = Date.parse('2026-11-24T10:00:00+08:00');
    // A 售后 case closed by the manager before it was handed over (its handover deadline is unmet).
    const w = stateOf({ kind: 'warranty' }, at);
    const closed = transition(w, { type: 'closedUnresolvable', at: at + HOUR, by: 'manager', byName: '吴军', note: '开发商已破产，无法报修' });
    if (!closed.ok) throw new Error('refused');
    expect([nextSlaStep(closed.next, at + 3 * DAY, DEFAULT_SLA), nextDueAt(closed.next, DEFAULT_SLA)]).toEqual([null, null]);
    // A consultation answered a minute late: the reply is on record as late, the resolved case is not polled.
    const c = stateOf({ kind: 'consultation' }, at);
    const resolved = transition(c, { type: 'replied', at: at + 2 * DAY + MINUTE, by: 'frontdesk', byName: '张敏', note: '已答复' });
    if (!resolved.ok) throw new Error('refused');
    expect([nextSlaStep(resolved.next, at + 3 * DAY, DEFAULT_SLA), nextDueAt(resolved.next, DEFAULT_SLA)]).toEqual([null, null]);
    expect(deadlineView(deadlinesOf(resolved.next, at + 3 * DAY, DEFAULT_SLA)[0], at + 3 * DAY, resolved.next).breached).toBe(true);
  });

  it('[R-INT-4][R-ESC-2] the schedule (next_due_at, urgent_at) follows from the state alone; a paused clock is not polled, its resume moves the rung by the pause', () => {
    const at = Date.parse('2026-11-24T10:00:00+08:00');
    const ev = (s: CaseState, e: Parameters<typeof transition>[1]) => {
      const r = transition(s, e);
      if (!r.ok) throw new Error(`refused ${e.type}`);
      return r.next;
    };
    const sys = { by: 'frontdesk', byName: '张敏', note: null };
    const dispatched = ev(stateOf({ kind: 'repair' }, at), { type: 'dispatched', at: at + MINUTE, ...sys, to: 'tech-1', toName: '王强' });
    const paused = ev(dispatched, { type: 'paused', at: at + HOUR, ...sys, note: '住户出差' });
    // While paused: no deadline and no rung can fire, so the sweep has nothing to look at; the queue
    // sorts it by its arrival due as of the pause.
    expect(scheduleOf(paused, DEFAULT_SLA)).toEqual({ nextDueAt: null, urgentAt: at + 24 * HOUR });
    expect(nextSlaStep(paused, at + 30 * DAY, DEFAULT_SLA)).toBeNull();
    const resumed = ev(paused, { type: 'resumed', at: at + DAY, ...sys });
    // Resumed after 23 hours: the arrival is due 23 hours later; warned at 80 % of its window.
    const due = at + 24 * HOUR + 23 * HOUR;
    expect(scheduleOf(resumed, DEFAULT_SLA)).toEqual({ nextDueAt: due - Math.round(0.2 * (due - at)), urgentAt: due });
  });

  it('[R-ESC-2][R-ESC-3] unfinished after 2 days → supervisor, after a week → manager; finished cases stop climbing', () => {
    const at = Date.parse('2026-11-24T10:00:00+08:00');
    const s = { ...stateOf({ kind: 'consultation' }, at), sla: { pauses: [], warned: ['reply' as const], breached: ['reply' as const], missed: 1, level: 1 as const } };
    expect(nextSlaStep(s, at + 2 * DAY + 1, DEFAULT_SLA)).toBeNull();
    expect(nextSlaStep(s, at + 7 * DAY, DEFAULT_SLA)).toMatchObject({ type: 'escalated', level: 2 });
    expect(nextSlaStep({ ...s, finishedAt: at + DAY, status: 'resolved' }, at + 8 * DAY, DEFAULT_SLA)).toBeNull();
  });
});
