import type { CaseKind } from '../../vocabulary';
import { fenToYuan } from '../../money';
import { arrivalClock, masterOf } from './audience';
import { caseFacts, handlerText, LATE_CONTACT_MS, RESIDENT_DEADLINES, whenText } from './messages';
import type { CaseEvent, CaseEventType, CaseState, DeadlineName, Effect } from './types';

export type TransitionResult = { ok: true; next: CaseState; effects: Effect[] } | { ok: false };

const refused: TransitionResult = { ok: false };

const CLOCK: CaseEventType[] = ['warned', 'breached', 'escalated'];
const OPEN: CaseEventType[] = ['assigned', 'cancelled', 'urged', 'paused', 'resumed', 'closedUnresolvable', ...CLOCK];
/** Waiting on the resident's own decision (a quote): nothing to urge. */
const AWAITING_RESIDENT = OPEN.filter((t) => t !== 'urged');

/**
 * Which events each status accepts (R-REP-5 for repairs; replies for the answered kinds). `can` answers
 * the workbench's "which buttons" question from this table and the kind rules below.
 */
export const ALLOWED: Record<CaseState['status'] | 'none', readonly CaseEventType[]> = {
  none: ['submitted'],
  submitted: [...OPEN, 'dispatched', 'replied'],
  dispatched: [...OPEN, 'dispatched', 'arrived'],
  on_site: [...OPEN, 'quoted', 'completed'],
  quoted: [...AWAITING_RESIDENT, 'quoteAccepted', 'quoteDeclined'],
  // Rated once the work is confirmed (by the resident, or by a satisfied callback that closes it): R-SAT-1.
  completed: ['confirmed', 'callback', ...CLOCK],
  awaiting_callback: ['callback', 'rated', ...CLOCK],
  processing: [...OPEN, 'replied'],
  resolved: ['rated'],
  closed: ['rated'],
  cancelled: [],
};

/** Kinds answered with a reply (案结事了); repairs, complaints, services and 售后 are worked, not answered. */
export const REPLY_KINDS: readonly CaseKind[] = ['consultation', 'suggestion', 'praise', 'help', 'other'];
/** Kinds worked by a technician on a work order (维修工作单). */
export const WORK_KINDS: readonly CaseKind[] = ['repair', 'service'];
const WORK_EVENTS: CaseEventType[] = ['dispatched', 'arrived', 'quoted', 'quoteAccepted', 'quoteDeclined', 'completed', 'confirmed', 'callback'];

const isPaused = (s: CaseState) => s.sla.pauses.some((p) => p.to === null);

/** The events a case accepts now: by status, then by kind and by what already happened. */
export const allowedEvents = (state: CaseState | undefined): CaseEventType[] => {
  if (!state) return ['submitted'];
  return ALLOWED[state.status].filter((t) => {
    if (t === 'replied') return REPLY_KINDS.includes(state.kind);
    if (WORK_EVENTS.includes(t) && !WORK_KINDS.includes(state.kind)) return false;
    // R-SAT-1: completed service is rated, once; a repair closed without the work done has nothing to rate.
    if (t === 'rated') return state.rating === null && (!WORK_KINDS.includes(state.kind) || state.work.completedAt !== null);
    // R-REP-2: only in-home work is paid, and an accepted quote is not quoted again (until 返工 starts over).
    if (t === 'quoted') return state.location === 'in_home' && state.work.quote?.decision !== 'accepted';
    if (t === 'paused') return !isPaused(state);
    // A quote's pause ends with the resident's decision (R-REP-2), not with staff resuming the clocks.
    if (t === 'resumed') return isPaused(state) && state.work.quote?.decision !== 'pending';
    if (t === 'escalated') return state.sla.level < 2;
    return true;
  });
};

export const can = (state: CaseState | undefined, type: CaseEventType): boolean => allowedEvents(state).includes(type);

const notify = (to: string | null, template: Effect['template'], data: Record<string, string>): Effect[] => (to ? [{ type: 'notify', to, template, data }] : []);
/** The household's messages go to the resident who submitted (none for a case recorded for no bound resident). */
const toHousehold = (s: Pick<CaseState, 'submittedBy'>, template: Effect['template'], data: Record<string, string>) => notify(s.submittedBy === 'system' ? null : s.submittedBy, template, data);
/** Staff to tell about someone else's step: the responsible person and the technician, not whoever acted. */
const colleagues = (s: CaseState, by: string) => [...new Set([s.owner, s.work.technician].filter((x): x is string => !!x && x !== by && x !== s.submittedBy))];
const closePause = (s: CaseState, at: number) => s.sla.pauses.map((p) => (p.to === null ? { ...p, to: at } : p));
const forget = (list: DeadlineName[], names: DeadlineName[]) => list.filter((n) => !names.includes(n));

/** Re-opens worked repairs (返工): back to the same technician, a fresh arrival clock. */
function reopen(s: CaseState, at: number, arrivalDue: number): CaseState {
  return {
    ...s,
    status: 'dispatched',
    owner: s.work.technician ?? s.owner,
    finishedAt: null,
    work: { ...s.work, reworks: s.work.reworks + 1, arrivalStart: at, arrivalDue, arrivedAt: null, completedAt: null, confirmedAt: null, callback: null, quote: null },
    sla: { ...s.sla, warned: forget(s.sla.warned, ['arrival', 'callback']), breached: forget(s.sla.breached, ['arrival', 'callback']) },
  };
}

/** Pure: the next state and the effects of one event. Refused transitions change nothing. */
export function transition(state: CaseState | undefined, event: CaseEvent): TransitionResult {
  if (!can(state, event.type)) return refused;
  if (event.type === 'submitted') {
    const c = event.case;
    const base: CaseState = {
      ...c,
      status: 'submitted',
      updatedAt: event.at,
      version: 1,
      resolution: null,
      finishedAt: null,
      rating: null,
      lastUrgedAt: null,
      handedOverAt: null,
      followUp: null,
      sla: { pauses: [], warned: [], breached: [], missed: 0, level: 0 },
      work: {
        technician: null,
        technicianName: null,
        dispatchedAt: null,
        arrivalStart: event.at,
        arrivalDue: event.arrivalDue ?? event.at,
        arrivedAt: null,
        quote: null,
        completedAt: null,
        result: null,
        materials: [],
        feeFen: 0,
        reworks: 0,
        confirmedAt: null,
        callback: null,
      },
    };
    const paged = event.onDuty && WORK_KINDS.includes(c.kind) ? event.onDuty : null;
    const next: CaseState = paged
      ? { ...base, status: 'dispatched', owner: paged.id, work: { ...base.work, technician: paged.id, technicianName: paged.name, dispatchedAt: event.at } }
      : base;
    const data = caseFacts(c);
    // The resident of an emergency is told who is coming and by when (R-REP-3).
    const coming: Record<string, string> = paged ? { technician: masterOf(paged.name), arriveBy: arrivalClock(next.work.arrivalDue) } : {};
    const effects: Effect[] = [
      ...toHousehold(c, 'case.received', { ...data, ...coming }),
      ...notify(c.owner, 'case.new', data),
      ...(paged ? notify(paged.id, 'repair.emergency', { ...data, content: c.content.slice(0, 60), arriveBy: whenText(next.work.arrivalDue, event.at) }) : []),
    ];
    return { ok: true, next, effects };
  }

  const s = state as CaseState;
  // `updatedAt` never goes back, even if a clock does: the later of the last change and this event.
  const updatedAt = Math.max(s.updatedAt, event.at);
  const bump = (patch: Partial<CaseState>): CaseState => ({ ...s, ...patch, updatedAt, version: s.version + 1 });
  const data = caseFacts(s);
  const by = { byName: event.byName };

  switch (event.type) {
    case 'assigned': {
      const status = s.status === 'submitted' && !WORK_KINDS.includes(s.kind) ? 'processing' : s.status;
      const handedOver = s.kind === 'warranty' && event.department === 'developer_liaison' && s.handedOverAt === null;
      const next = bump({ status, owner: event.to, department: event.department, ...(handedOver ? { handedOverAt: event.at } : {}) });
      // The household hears of its case being taken up once (已安排专人处理, and by whom); later hand-overs are internal.
      const accepted = status !== s.status ? toHousehold(s, 'case.accepted', { ...data, handler: handlerText(event.toName, event.toRole) }) : [];
      return { ok: true, next, effects: [...notify(event.to === event.by ? null : event.to, 'case.assigned', { ...data, ...by, note: event.note ?? '' }), ...accepted] };
    }
    case 'replied': {
      const next = bump({ status: 'resolved', resolution: event.note, finishedAt: event.at });
      return { ok: true, next, effects: toHousehold(s, 'case.replied', { ...data, reply: event.note ?? '' }) };
    }
    case 'cancelled': {
      const next = bump({ status: 'cancelled', finishedAt: event.at, sla: { ...s.sla, pauses: closePause(s, event.at) } });
      const reason = event.note ?? '';
      const effects = event.by === s.submittedBy ? colleagues(s, event.by).flatMap((t) => notify(t, 'case.withdrawn', { ...data, reason })) : toHousehold(s, 'case.cancelled', { ...data, reason });
      return { ok: true, next, effects };
    }
    case 'dispatched': {
      const next = bump({ status: 'dispatched', owner: event.to, work: { ...s.work, technician: event.to, technicianName: event.toName, dispatchedAt: event.at } });
      // The technician gets the work order; the household, who is coming (改派 included). Times: see commit's promises.
      const technician = masterOf(event.toName);
      return {
        ok: true,
        next,
        effects: [...notify(event.to, 'repair.dispatched', { ...data, note: event.note ?? '' }), ...toHousehold(s, 'repair.onTheWay', { ...data, technician, redispatch: s.work.technician ? '1' : '' })],
      };
    }
    case 'arrived': {
      const next = bump({ status: 'on_site', work: { ...s.work, arrivedAt: event.at } });
      return { ok: true, next, effects: toHousehold(s, 'repair.arrived', { ...data, technician: masterOf(s.work.technicianName) }) };
    }
    case 'quoted': {
      // Waiting on the resident's decision: the clocks pause (recorded reason), and resume on the decision.
      const next = bump({
        status: 'quoted',
        work: { ...s.work, quote: { feeFen: event.feeFen, note: event.note ?? '', at: event.at, decision: 'pending' } },
        sla: { ...s.sla, pauses: [...closePause(s, event.at), { from: event.at, to: null, reason: '等待住户确认报价' }] },
      });
      return { ok: true, next, effects: toHousehold(s, 'repair.quoted', { ...data, fee: fenToYuan(event.feeFen), note: event.note ?? '', technician: masterOf(s.work.technicianName) }) };
    }
    case 'quoteAccepted':
    case 'quoteDeclined': {
      const accepted = event.type === 'quoteAccepted';
      const quote = { ...s.work.quote!, decision: accepted ? ('accepted' as const) : ('declined' as const) };
      const sla = { ...s.sla, pauses: closePause(s, event.at) };
      const next = accepted
        ? bump({ status: 'on_site', work: { ...s.work, quote }, sla })
        : bump({ status: 'closed', finishedAt: event.at, resolution: `住户未接受有偿维修报价${event.note ? `：${event.note}` : ''}`, work: { ...s.work, quote }, sla });
      const fee = fenToYuan(s.work.quote?.feeFen ?? 0);
      return { ok: true, next, effects: notify(s.work.technician, accepted ? 'repair.quoteAccepted' : 'repair.quoteDeclined', { ...data, fee, reason: event.note ?? '' }) };
    }
    case 'completed': {
      // The work is done: a pause left open ends here (no `resumed` is taken from now on).
      const next = bump({
        status: 'completed',
        owner: event.callbackOwner,
        finishedAt: event.at,
        resolution: event.result,
        work: { ...s.work, completedAt: event.at, result: event.result, materials: event.materials, feeFen: event.feeFen },
        sla: { ...s.sla, pauses: closePause(s, event.at) },
      });
      return { ok: true, next, effects: toHousehold(s, 'repair.completed', { ...data, technician: masterOf(s.work.technicianName), fee: fenToYuan(event.feeFen) }) };
    }
    case 'confirmed': {
      if (event.ok) return { ok: true, next: bump({ status: 'awaiting_callback', work: { ...s.work, confirmedAt: event.at } }), effects: [] };
      const next = { ...reopen(s, event.at, event.arrivalDue), updatedAt, version: s.version + 1 };
      const reason = { ...data, reason: event.note ?? '' };
      return {
        ok: true,
        next,
        effects: [...[...new Set([next.owner, s.owner])].flatMap((t) => notify(t, 'repair.reopened', reason)), ...toHousehold(s, 'repair.rework', { ...data, technician: masterOf(s.work.technicianName) })],
      };
    }
    case 'callback': {
      const callback = { at: event.at, by: event.by, outcome: event.outcome, method: event.method, note: event.note };
      if (event.outcome === 'satisfied') {
        const next = bump({ status: 'closed', work: { ...s.work, callback } });
        return { ok: true, next, effects: toHousehold(s, 'case.closed', data) };
      }
      const reopened = reopen({ ...s, work: { ...s.work, callback } }, event.at, event.arrivalDue);
      const next = { ...reopened, updatedAt, version: s.version + 1 };
      return {
        ok: true,
        next,
        effects: [...notify(next.owner, 'repair.reopened', { ...data, reason: event.note ?? '回访发现问题' }), ...toHousehold(s, 'repair.rework', { ...data, technician: masterOf(s.work.technicianName) })],
      };
    }
    case 'rated': {
      const low = event.stars <= 2;
      const next = bump({
        rating: { stars: event.stars, comment: event.note, at: event.at },
        followUp: low ? { owner: event.supervisor, reason: `住户评价 ${event.stars} 星${event.note ? `：${event.note}` : ''}`, at: event.at } : s.followUp,
      });
      return { ok: true, next, effects: low ? notify(event.supervisor, 'case.followUp', { ...data, stars: String(event.stars), comment: event.note ?? '' }) : [] };
    }
    case 'urged': {
      const next = bump({ lastUrgedAt: event.at });
      return { ok: true, next, effects: colleagues(s, event.by).flatMap((t) => notify(t, 'case.urged', data)) };
    }
    case 'paused': {
      // Waiting on the household: they are told why (the reason is written for them), colleagues too.
      const reason = event.note ?? '等待住户';
      const next = bump({ sla: { ...s.sla, pauses: [...s.sla.pauses, { from: event.at, to: null, reason }] } });
      return { ok: true, next, effects: [...toHousehold(s, 'case.paused', { ...data, reason }), ...colleagues(s, event.by).flatMap((t) => notify(t, 'work.paused', { ...data, ...by, reason }))] };
    }
    case 'resumed': {
      const next = bump({ sla: { ...s.sla, pauses: closePause(s, event.at) } });
      return { ok: true, next, effects: [...toHousehold(s, 'case.resumed', data), ...colleagues(s, event.by).flatMap((t) => notify(t, 'work.resumed', { ...data, ...by }))] };
    }
    case 'warned':
      if (s.sla.warned.includes(event.deadline)) return refused;
      return { ok: true, next: bump({ sla: { ...s.sla, warned: [...s.sla.warned, event.deadline] } }), effects: notify(s.owner, 'case.warned', { ...data, deadline: event.deadline, dueAt: whenText(event.dueAt, event.at) }) };
    case 'breached': {
      if (s.sla.breached.includes(event.deadline)) return refused;
      const dueAt = whenText(event.dueAt, event.at);
      // A promise made to the household and missed: they get an apology and a new promise (service etiquette).
      const promised = RESIDENT_DEADLINES[event.deadline];
      const late = promised ? toHousehold(s, 'case.late', { ...data, deadline: event.deadline, dueAt, verb: promised.verb, next: promised.next, promise: whenText(event.at + LATE_CONTACT_MS, event.at) }) : [];
      return {
        ok: true,
        next: bump({ sla: { ...s.sla, breached: [...s.sla.breached, event.deadline], missed: s.sla.missed + 1 } }),
        effects: [...notify(s.owner, 'case.breached', { ...data, deadline: event.deadline, dueAt }), ...late],
      };
    }
    case 'escalated': {
      if (event.level <= s.sla.level) return refused;
      const next = bump({ owner: event.to, sla: { ...s.sla, level: event.level } });
      return { ok: true, next, effects: notify(event.to, 'case.escalated', { ...data, reason: event.note ?? '' }) };
    }
    case 'closedUnresolvable': {
      const next = bump({ status: 'closed', finishedAt: event.at, resolution: event.note, sla: { ...s.sla, pauses: closePause(s, event.at) } });
      return { ok: true, next, effects: toHousehold(s, 'case.closedUnresolvable', { ...data, reason: event.note ?? '' }) };
    }
  }
  return refused;
}
