import { eventOf, stateAfter, submittedEvent } from '../../../test/support/factories';
import { DAY, HOUR, MINUTE } from '../../time';
import { arrivalDueFor, arrivalVerdict, deadlinesOf, deadlineView, DEFAULT_SLA, earlyArrival, nextSlaStep } from './deadlines';
import type { CaseEvent, CaseState } from './types';

/**
 * What "on time" means for an arrival (准时到场), at the boundaries:
 * - 急修 (R-REP-3): on site within 15 minutes of submission, the 15th minute included;
 * - an agreed window (R-REP-4): from its start to its end, both included; before the start is early —
 *   arrived, but not on time (and not late: nothing is breached, nothing escalates);
 * - no agreed time (R-REP-4): within the response window (24 hours);
 * - 返工: a fresh clock from the reopening, the agreed window no longer applies.
 */
const SUBMIT = Date.parse('2026-12-02T10:00:00+08:00');
const FROM = Date.parse('2026-12-03T09:00:00+08:00');
const TO = Date.parse('2026-12-03T12:00:00+08:00');

function repair(over: Partial<CaseState> = {}): CaseEvent[] {
  const ev = submittedEvent({ kind: 'repair', category: 'plumbing', location: 'common_area', department: 'maintenance', preferredTime: { from: FROM, to: TO }, ...over }, SUBMIT);
  const c = ev.case;
  return [{ ...ev, arrivalDue: arrivalDueFor(c, SUBMIT, DEFAULT_SLA) }, eventOf('dispatched', SUBMIT + MINUTE)];
}
const arrivalAt = (events: CaseEvent[], at: number) => {
  const s = stateAfter([...events, eventOf('arrived', at)]);
  return { s, d: deadlinesOf(s, at, DEFAULT_SLA).find((x) => x.name === 'arrival')! };
};

describe('[R-REP-4] on time within the agreed window', () => {
  it('[R-REP-4] a day early, a second early: early, not on time; the window start and end: on time; a second after the end: late', () => {
    const cases: [string, number, string][] = [
      ['a day before the window', FROM - DAY, 'early'],
      ['one second before the window', FROM - 1000, 'early'],
      ['at the window start', FROM, 'onTime'],
      ['inside the window', FROM + HOUR, 'onTime'],
      ['at the window end', TO, 'onTime'],
      ['one second after the window', TO + 1000, 'late'],
    ];
    for (const [what, at, verdict] of cases) expect([what, arrivalVerdict(arrivalAt(repair(), at).d)]).toEqual([what, verdict]);
  });

  it('[R-REP-4] an early arrival is shown as early (not breached), and the sweep neither breaches nor escalates it', () => {
    const { s, d } = arrivalAt(repair(), FROM - DAY);
    const view = deadlineView(d, FROM - DAY, s);
    expect(view).toMatchObject({ early: true, breached: false, opensAt: '2026-12-03T09:00:00+08:00', metAt: '2026-12-02T09:00:00+08:00' });
    for (const t of [FROM - DAY + MINUTE, FROM, TO + DAY]) expect(nextSlaStep(s, t, DEFAULT_SLA)?.type === 'breached').toBe(false);
    expect(deadlineView(arrivalAt(repair(), FROM).d, FROM, s).early).toBe(false);
  });

  it('[R-REP-4] the warning applies until the window opens, and only before the arrival', () => {
    const s = stateAfter(repair());
    expect(earlyArrival(s, FROM - DAY)).toEqual({ from: FROM, to: TO });
    expect(earlyArrival(s, FROM - 1000)).toEqual({ from: FROM, to: TO });
    expect(earlyArrival(s, FROM)).toBeNull();
    expect(earlyArrival(arrivalAt(repair(), FROM - DAY).s, FROM - DAY + MINUTE)).toBeNull();
  });

  it('[R-REP-4] a window already over at submission sets no lower bound (24 hours, arrival any time)', () => {
    const past = repair({ preferredTime: { from: SUBMIT - 3 * HOUR, to: SUBMIT - HOUR } });
    expect(earlyArrival(stateAfter(past), SUBMIT + MINUTE)).toBeNull();
    expect(arrivalVerdict(arrivalAt(past, SUBMIT + 2 * MINUTE).d)).toBe('onTime');
  });

  it('[R-REP-4] a window that opened before submission: on time at once', () => {
    const open = repair({ preferredTime: { from: SUBMIT - HOUR, to: SUBMIT + 2 * HOUR } });
    expect(earlyArrival(stateAfter(open), SUBMIT + MINUTE)).toBeNull();
    expect(arrivalVerdict(arrivalAt(open, SUBMIT + MINUTE).d)).toBe('onTime');
  });

  it('[R-REP-4] a pause moves the window end, not its start', () => {
    const events = [...repair(), eventOf('paused', FROM - HOUR), eventOf('resumed', FROM)];
    expect(arrivalVerdict(arrivalAt(events, TO + 30 * MINUTE).d)).toBe('onTime');
    expect(arrivalVerdict(arrivalAt(events, FROM - MINUTE).d)).toBe('early');
  });

  it('[R-REP-4] a case cancelled before the window has no early arrival', () => {
    const s = stateAfter([...repair(), eventOf('cancelled', FROM - DAY)]);
    const d = deadlinesOf(s, FROM - DAY, DEFAULT_SLA)[0];
    expect([d.opensAt, deadlineView(d, FROM - DAY, s).early]).toEqual([null, false]);
  });
});

describe('[R-REP-3] on time for 急修', () => {
  it('[R-REP-3] 15 minutes after submission is on time, a second later is late; an emergency has no window to be early for', () => {
    const em = repair({ category: 'burst_pipe', emergency: true });
    expect(arrivalVerdict(arrivalAt(em, SUBMIT + 15 * MINUTE).d)).toBe('onTime');
    expect(arrivalVerdict(arrivalAt(em, SUBMIT + 15 * MINUTE + 1000).d)).toBe('late');
    expect(earlyArrival(stateAfter(em), SUBMIT + MINUTE)).toBeNull();
  });
});

describe('[R-REP-5] 返工: a fresh clock', () => {
  it('[R-REP-5] after the resident reports a problem, the agreed window no longer bounds the arrival', () => {
    const done = [...repair(), eventOf('arrived', FROM + HOUR), eventOf('completed', FROM + 2 * HOUR)];
    const reopenedAt = FROM + 3 * HOUR;
    const events = [...done, eventOf('confirmed', reopenedAt, { ok: false, note: '还在漏', arrivalDue: reopenedAt + DEFAULT_SLA.repairResponseMs } as Partial<CaseEvent>)];
    expect(earlyArrival(stateAfter(events), reopenedAt + MINUTE)).toBeNull();
    expect(arrivalVerdict(arrivalAt(events, reopenedAt + HOUR).d)).toBe('onTime');
  });
});
