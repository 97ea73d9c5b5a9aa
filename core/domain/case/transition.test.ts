import { CASE_KINDS, CASE_STATUSES, type CaseKind, type CaseStatus } from '../../vocabulary';
import { submittedEvent, eventOf } from '../../../test/support/factories';
import { can, transition } from './transition';
import { replay } from './replay';
import type { CaseEvent, CaseEventType, CaseState } from './types';

const T0 = Date.parse('2026-11-24T09:00:00+08:00');
const MIN = 60_000;

/** Every event type (a Record, so the compiler insists on a row for a type added later). */
const EVENT_TYPE_SET: Record<CaseEventType, true> = {
  submitted: true,
  assigned: true,
  replied: true,
  cancelled: true,
  dispatched: true,
  arrived: true,
  quoted: true,
  quoteAccepted: true,
  quoteDeclined: true,
  completed: true,
  confirmed: true,
  callback: true,
  rated: true,
  urged: true,
  paused: true,
  resumed: true,
  warned: true,
  breached: true,
  escalated: true,
  closedUnresolvable: true,
};
const EVENT_TYPES = Object.keys(EVENT_TYPE_SET) as CaseEventType[];

// ------------------------------------------------------------------ the specification
//
// Written from the rule book (R-REP-5 flow, R-INT-2 kinds, R-SAT-1, R-ESC-*), not read from ALLOWED.
// Which statuses accept each event, before the kind rules:

/** Still being handled: the desk may reassign, the resident cancel or urge, the clocks pause. */
const OPEN: CaseStatus[] = ['submitted', 'dispatched', 'on_site', 'quoted', 'processing'];
/** The clocks (warnings, breaches, escalation) run until the callback is made (R-REP-6, R-ESC-5). */
const CLOCKED: CaseStatus[] = [...OPEN, 'completed', 'awaiting_callback'];

const ACCEPTED_IN: Record<CaseEventType, CaseStatus[]> = {
  submitted: [], // only a new case (no state) starts with it
  assigned: OPEN,
  cancelled: OPEN,
  urged: OPEN.filter((s) => s !== 'quoted'), // waiting on the resident's own decision: nothing to urge
  paused: OPEN,
  resumed: OPEN,
  closedUnresolvable: OPEN, // R-ESC-4
  replied: ['submitted', 'processing'],
  dispatched: ['submitted', 'dispatched'], // a work order may be re-dispatched before arrival
  arrived: ['dispatched'],
  quoted: ['on_site'],
  quoteAccepted: ['quoted'],
  quoteDeclined: ['quoted'],
  completed: ['on_site'],
  confirmed: ['completed'],
  callback: ['completed', 'awaiting_callback'],
  rated: ['awaiting_callback', 'resolved', 'closed'], // R-SAT-1: rate completed service, once confirmed (not while it awaits the resident's confirmation)
  warned: CLOCKED,
  breached: CLOCKED,
  escalated: CLOCKED,
};

const WORKED: CaseKind[] = ['repair', 'service'];
const ANSWERED: CaseKind[] = ['consultation', 'suggestion', 'praise', 'help', 'other'];
const WORK_EVENTS: CaseEventType[] = ['dispatched', 'arrived', 'quoted', 'quoteAccepted', 'quoteDeclined', 'completed', 'confirmed', 'callback'];

const isPaused = (s: CaseState) => s.sla.pauses.some((p) => p.to === null);

/**
 * The spec's answer for one state and event type: the status table, then the kind and history rules.
 * `can(state, type)` knows only the type, so the per-deadline rule applies to the event alone.
 */
function expected(s: CaseState, type: CaseEventType, event = true): boolean {
  if (!ACCEPTED_IN[type].includes(s.status)) return false;
  if (WORK_EVENTS.includes(type) && !WORKED.includes(s.kind)) return false; // work orders: repair/service only
  if (type === 'replied' && !ANSWERED.includes(s.kind)) return false; // answered kinds only (R-INT-2)
  if (type === 'rated' && s.rating) return false; // once (R-SAT-1)
  if (type === 'rated' && WORKED.includes(s.kind) && s.work.completedAt === null) return false; // completed service only (R-SAT-1)
  if (type === 'quoted' && (s.location !== 'in_home' || s.work.quote?.decision === 'accepted')) return false; // paid in-home work, quoted once (R-REP-2)
  if (type === 'paused' && isPaused(s)) return false;
  if (type === 'resumed' && !isPaused(s)) return false;
  if (type === 'resumed' && s.work.quote?.decision === 'pending') return false; // the resident's decision ends a quote's pause (R-REP-2)
  if (type === 'escalated' && s.sla.level >= 2) return false; // the manager is the top of the ladder
  // Each deadline is warned once and breached once (the events below are about `arrival`).
  if (event && type === 'warned' && s.sla.warned.includes('arrival')) return false;
  if (event && type === 'breached' && s.sla.breached.includes('arrival')) return false;
  return true;
}

// ------------------------------------------------------------------ states, reached through real events

const submitted = (kind: CaseKind) =>
  submittedEvent({ kind, category: WORKED.includes(kind) ? 'plumbing' : null, location: WORKED.includes(kind) ? 'in_home' : null, owner: 'frontdesk', department: WORKED.includes(kind) ? 'maintenance' : 'customer_service' }, T0);

/** The event path to a status for a kind, or null when the kind never gets there (then the status is set). */
function pathTo(kind: CaseKind, status: CaseStatus): CaseEvent[] | null {
  const at = (n: number) => T0 + n * MIN;
  const start = [submitted(kind)];
  const work = WORKED.includes(kind);
  const onSite = [...start, eventOf('dispatched', at(1)), eventOf('arrived', at(2))];
  const done = [...onSite, eventOf('completed', at(3))];
  switch (status) {
    case 'submitted':
      return start;
    case 'cancelled':
      return [...start, eventOf('cancelled', at(1))];
    case 'dispatched':
      return work ? [...start, eventOf('dispatched', at(1))] : null;
    case 'on_site':
      return work ? onSite : null;
    case 'quoted':
      return work ? [...onSite, eventOf('quoted', at(3))] : null;
    case 'completed':
      return work ? done : null;
    case 'awaiting_callback':
      return work ? [...done, eventOf('confirmed', at(4))] : null;
    case 'closed':
      return work ? [...done, eventOf('callback', at(5))] : [...start, eventOf('closedUnresolvable', at(1))];
    case 'processing':
      return work ? null : [...start, eventOf('assigned', at(1))];
    case 'resolved':
      return ANSWERED.includes(kind) ? [...start, eventOf('replied', at(1))] : null;
  }
}

function stateOf(kind: CaseKind, status: CaseStatus): { state: CaseState; real: boolean } {
  const path = pathTo(kind, status);
  if (path) {
    const state = replay(path)!;
    expect(state.status).toBe(status);
    return { state, real: true };
  }
  return { state: { ...replay([submitted(kind)])!, status }, real: false };
}

/** A valid event of the type for this state (escalation one rung up; the next minute). */
const eventFor = (s: CaseState, type: CaseEventType): CaseEvent =>
  type === 'escalated' ? eventOf(type, s.updatedAt + MIN, { level: Math.min(2, s.sla.level + 1) } as Partial<CaseEvent>) : eventOf(type, s.updatedAt + MIN);

/** Every event type against one state: `transition` and `can` agree with the spec; refusals change nothing. */
function mismatches(state: CaseState): string[] {
  const out: string[] = [];
  for (const type of EVENT_TYPES) {
    const want = type === 'submitted' ? false : expected(state, type);
    const before = JSON.stringify(state);
    const r = transition(state, type === 'submitted' ? submittedEvent({}, state.updatedAt + MIN) : eventFor(state, type));
    if (r.ok !== want) out.push(`${type}: transition ${r.ok ? 'accepted' : 'refused'}, spec says ${want ? 'accept' : 'refuse'}`);
    if (can(state, type) !== (type === 'submitted' ? false : expected(state, type, false))) out.push(`${type}: can() says ${can(state, type)}`);
    if (JSON.stringify(state) !== before) out.push(`${type}: the state object was changed`);
    if (r.ok && r.next.version !== state.version + 1) out.push(`${type}: version ${r.next.version}, expected ${state.version + 1}`);
    if (r.ok && r.next.updatedAt !== state.updatedAt + MIN) out.push(`${type}: updatedAt not the event's time`);
  }
  return out;
}

describe('case transitions: every kind × status × event type, against the spec table', () => {
  const rows = CASE_KINDS.flatMap((kind) => CASE_STATUSES.map((status) => [kind, status] as const));
  it.each(rows)('[R-REP-5][R-INT-2][R-INT-4] a %s case in %s accepts exactly the events the spec allows; a refused one changes nothing', (kind, status) => {
    const { state } = stateOf(kind, status);
    expect(mismatches(state)).toEqual([]);
  });

  it('[R-INT-4] the table is not vacuous: each event type is accepted somewhere and refused somewhere', () => {
    const seen = new Map<CaseEventType, Set<boolean>>();
    for (const kind of CASE_KINDS)
      for (const status of CASE_STATUSES) {
        const { state } = stateOf(kind, status);
        // …and the same state with its clocks paused by staff, where a pause is allowed (`resumed` needs one).
        const paused = transition(state, eventFor(state, 'paused'));
        for (const s of paused.ok ? [state, paused.next] : [state])
          for (const type of EVENT_TYPES) seen.set(type, (seen.get(type) ?? new Set()).add(transition(s, type === 'submitted' ? submittedEvent() : eventFor(s, type)).ok));
        if (paused.ok) expect([kind, status, mismatches(paused.next)]).toEqual([kind, status, []]);
      }
    expect(EVENT_TYPES.filter((t) => t !== 'submitted' && seen.get(t)!.size !== 2)).toEqual([]);
  });

  it('[R-REP-5] the repair flow is reachable through real events: submitted → dispatched → on_site → (quoted → on_site) → completed → awaiting_callback → closed', () => {
    const at = (n: number) => T0 + n * MIN;
    const s = replay([
      submitted('repair'),
      eventOf('dispatched', at(1)),
      eventOf('arrived', at(2)),
      eventOf('quoted', at(3)),
      eventOf('quoteAccepted', at(4)),
      eventOf('completed', at(5), { feeFen: 8000 } as Partial<CaseEvent>),
      eventOf('confirmed', at(6)),
      eventOf('callback', at(7)),
      eventOf('rated', at(8)),
    ])!;
    expect([s.status, s.work.quote?.decision, s.work.feeFen, s.rating?.stars, s.version]).toEqual(['closed', 'accepted', 8000, 5, 9]);
  });
});

describe('history rules of the table', () => {
  const repairIn = (status: CaseStatus) => stateOf('repair', status).state;

  it('[R-SAT-1] completed work is rated only once it is confirmed: by the resident, or by a satisfied callback that closes it', () => {
    const done = repairIn('completed');
    expect([done.status, can(done, 'rated'), transition(done, eventOf('rated', T0 + 60 * MIN)).ok]).toEqual(['completed', false, false]);
    const confirmed = transition(done, eventOf('confirmed', T0 + 60 * MIN));
    const calledBack = transition(done, eventOf('callback', T0 + 60 * MIN));
    if (!confirmed.ok || !calledBack.ok) throw new Error('refused');
    expect([confirmed.next.status, can(confirmed.next, 'rated')]).toEqual(['awaiting_callback', true]);
    expect([calledBack.next.status, can(calledBack.next, 'rated')]).toEqual(['closed', true]);
  });

  it('[R-SAT-1] `rated` is accepted once: a rated case refuses a second rating, in every status that takes one', () => {
    for (const status of ['awaiting_callback', 'closed'] as const) {
      const first = transition(repairIn(status), eventOf('rated', T0 + 60 * MIN));
      if (!first.ok) throw new Error(`first rating refused in ${status}`);
      expect([status, transition(first.next, eventOf('rated', T0 + 61 * MIN)).ok, can(first.next, 'rated')]).toEqual([status, false, false]);
      expect(mismatches(first.next)).toEqual([]);
    }
  });

  it('`paused` only when not paused, `resumed` only when paused, in every open status', () => {
    for (const status of ['submitted', 'dispatched', 'on_site'] as const) {
      const s = repairIn(status);
      expect([status, can(s, 'paused'), can(s, 'resumed')]).toEqual([status, true, false]);
      const p = transition(s, eventOf('paused', T0 + 60 * MIN));
      if (!p.ok) throw new Error('pause refused');
      expect([status, can(p.next, 'paused'), can(p.next, 'resumed')]).toEqual([status, false, true]);
      expect(transition(p.next, eventOf('paused', T0 + 61 * MIN)).ok).toBe(false);
      expect(mismatches(p.next)).toEqual([]);
      const r = transition(p.next, eventOf('resumed', T0 + 90 * MIN));
      if (!r.ok) throw new Error('resume refused');
      expect(r.next.sla.pauses).toEqual([{ from: T0 + 60 * MIN, to: T0 + 90 * MIN, reason: '住户不在家' }]);
      expect(transition(r.next, eventOf('resumed', T0 + 91 * MIN)).ok).toBe(false);
    }
  });

  it('[R-REP-2] a quote pauses the clocks itself: the quoted case refuses `paused` and `resumed` and takes the decision, which ends the pause', () => {
    const q = repairIn('quoted');
    expect(q.sla.pauses).toEqual([{ from: T0 + 3 * MIN, to: null, reason: '等待住户确认报价' }]);
    expect(can(q, 'paused')).toBe(false);
    // …and staff cannot resume it: only the resident's decision ends that pause.
    expect([can(q, 'resumed'), transition(q, eventOf('resumed', T0 + 20 * MIN)).ok]).toEqual([false, false]);
    const a = transition(q, eventOf('quoteAccepted', T0 + 30 * MIN));
    if (!a.ok) throw new Error('refused');
    expect([a.next.status, a.next.sla.pauses[0].to]).toEqual(['on_site', T0 + 30 * MIN]);
    const d = transition(q, eventOf('quoteDeclined', T0 + 30 * MIN));
    if (!d.ok) throw new Error('refused');
    expect([d.next.status, d.next.sla.pauses[0].to, d.next.finishedAt]).toEqual(['closed', T0 + 30 * MIN, T0 + 30 * MIN]);
  });

  it('[R-REP-2] only in-home work is quoted, and an accepted quote is not quoted again until 返工 starts the work over', () => {
    const at = (n: number) => T0 + n * MIN;
    const onSite = [submitted('repair'), eventOf('dispatched', at(1)), eventOf('arrived', at(2))];
    expect(can(replay(onSite), 'quoted')).toBe(true);
    const common = replay([submittedEvent({ kind: 'repair', category: 'public_lighting', location: 'common_area', owner: 'frontdesk', department: 'maintenance' }, T0), ...onSite.slice(1)])!;
    expect([common.status, can(common, 'quoted')]).toEqual(['on_site', false]);
    const accepted = replay([...onSite, eventOf('quoted', at(3)), eventOf('quoteAccepted', at(4))])!;
    expect([accepted.status, can(accepted, 'quoted'), transition(accepted, eventOf('quoted', at(5))).ok]).toEqual(['on_site', false, false]);
    expect(mismatches(accepted)).toEqual([]);
    const reworked = replay([...onSite, eventOf('quoted', at(3)), eventOf('quoteAccepted', at(4)), eventOf('completed', at(5)), eventOf('confirmed', at(6), { ok: false } as Partial<CaseEvent>), eventOf('arrived', at(7))])!;
    expect([reworked.status, reworked.work.quote, can(reworked, 'quoted')]).toEqual(['on_site', null, true]);
  });

  it('[R-SAT-1] a repair closed without the work done (quote declined) has no service to rate; nor is a quoted case urged', () => {
    const at = (n: number) => T0 + n * MIN;
    const quoted = replay([submitted('repair'), eventOf('dispatched', at(1)), eventOf('arrived', at(2)), eventOf('quoted', at(3))])!;
    expect(can(quoted, 'urged')).toBe(false);
    const declined = transition(quoted, eventOf('quoteDeclined', at(4)));
    if (!declined.ok) throw new Error('refused');
    expect([declined.next.status, can(declined.next, 'rated'), transition(declined.next, eventOf('rated', at(5))).ok]).toEqual(['closed', false, false]);
    expect(mismatches(declined.next)).toEqual([]);
  });

  it('[R-ESC-5] a deadline is warned once and breached once; escalation only climbs, and stops at the manager', () => {
    const s = repairIn('dispatched');
    const w = transition(s, eventOf('warned', T0 + 10 * MIN));
    if (!w.ok) throw new Error('refused');
    expect(transition(w.next, eventOf('warned', T0 + 11 * MIN)).ok).toBe(false);
    expect(transition(w.next, eventOf('warned', T0 + 11 * MIN, { deadline: 'callback' } as Partial<CaseEvent>)).ok).toBe(true);
    const b = transition(w.next, eventOf('breached', T0 + 16 * MIN));
    if (!b.ok) throw new Error('refused');
    expect(transition(b.next, eventOf('breached', T0 + 17 * MIN)).ok).toBe(false);
    const up1 = transition(b.next, eventOf('escalated', T0 + 16 * MIN, { level: 1 } as Partial<CaseEvent>));
    if (!up1.ok) throw new Error('refused');
    expect([up1.next.owner, up1.next.sla.level]).toEqual(['supervisor', 1]);
    expect(up1.effects).toEqual([expect.objectContaining({ to: 'supervisor', template: 'case.escalated' })]);
    expect(transition(up1.next, eventOf('escalated', T0 + 17 * MIN, { level: 1 } as Partial<CaseEvent>)).ok).toBe(false);
    const up2 = transition(up1.next, eventOf('escalated', T0 + 18 * MIN, { level: 2, to: 'manager', toName: '吴军' } as Partial<CaseEvent>));
    if (!up2.ok) throw new Error('refused');
    expect([up2.next.owner, up2.next.sla.level, can(up2.next, 'escalated')]).toEqual(['manager', 2, false]);
    expect(mismatches(up2.next)).toEqual([]);
  });

  it('only `submitted` may start a case: every other event type is refused without a state', () => {
    for (const type of EVENT_TYPES) expect([type, transition(undefined, type === 'submitted' ? submittedEvent() : eventOf(type, T0)).ok]).toEqual([type, type === 'submitted']);
  });
});

describe('case transitions, effects', () => {
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

  it('[R-INT-5] assignment moves the one responsible person and notifies the new owner and the resident', () => {
    const s = replay([submittedEvent({}, T0)])!;
    const r = transition(s, eventOf('assigned', T0 + 60_000, { to: 'supervisor', toName: '周丽' } as Partial<CaseEvent>));
    if (!r.ok) throw new Error('refused');
    expect(r.next.owner).toBe('supervisor');
    expect(r.next.status).toBe('processing');
    expect(r.effects.map((e) => [e.to, e.template])).toEqual([
      ['supervisor', 'case.assigned'],
      ['resident-a', 'case.accepted'],
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
