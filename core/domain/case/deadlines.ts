import { DAY, HOUR, MINUTE, endOfDay, toIso } from '../../time';
import { COMPLAINT_HANDOVER_LABEL, DEADLINE_LABELS, REPAIR_CATEGORIES, isRepairCategory } from '../../vocabulary';
import { ALLOWED, WORK_KINDS } from './transition';
import type { CaseState, DeadlineName } from './types';

/** A promise made to the resident (R-REP-3/4/6, R-CMP-2), computed from the case's state. */
export interface Deadline {
  name: DeadlineName;
  startAt: number;
  /** Due time with the pauses so far added; while paused, counted as if the pause ended now. */
  dueAt: number;
  metAt: number | null;
  paused: boolean;
  /**
   * The arrival within a time agreed with the resident (R-REP-4) counts from the window's start: a
   * technician on site before it (a day early) has arrived, but not on time. Null: no lower bound.
   */
  opensAt: number | null;
}

export interface SlaConfig {
  /** R-REP-3: at most 15 minutes; a community may only shorten it. */
  emergencyArrivalMs: number;
  /** R-REP-4: when no time was agreed. */
  repairResponseMs: number;
  replyMs: number;
  complaintResolutionMs: { major: number; serious: number; minor: number };
  callbackMs: number;
  leakCallbackMs: number;
  /** R-ESC-2 and R-ESC-3: unfinished after 2 days → 客服主管, after a week → 经理. */
  supervisorAfterMs: number;
  managerAfterMs: number;
  /** Warn the owner when this share of the window is left (default 20 %). */
  warnShare: number;
}

/**
 * The rule book's figures: what a community promises unless its settings say otherwise, and the longest
 * it may promise (core/domain/community/settings.ts parses and bounds the settings).
 */
export const DEFAULT_SLA: SlaConfig = {
  emergencyArrivalMs: 15 * MINUTE,
  repairResponseMs: 24 * HOUR,
  replyMs: 2 * DAY,
  complaintResolutionMs: { major: 10 * DAY, serious: 3 * DAY, minor: 2 * DAY },
  callbackMs: 2 * DAY,
  leakCallbackMs: 3 * DAY,
  supervisorAfterMs: 2 * DAY,
  managerAfterMs: 7 * DAY,
  warnShare: 0.2,
};


/**
 * The window agreed with the resident that sets the arrival promise (R-REP-4): not for 急修 (15 minutes,
 * R-REP-3), not for 返工 (a fresh clock), not a window already over at submission (then 24 hours).
 */
export function agreedWindow(s: Pick<CaseState, 'emergency' | 'preferredTime' | 'createdAt'> & { work: Pick<CaseState['work'], 'reworks'> }): { from: number; to: number } | null {
  if (s.emergency || s.work.reworks > 0 || !s.preferredTime || s.preferredTime.to <= s.createdAt) return null;
  return s.preferredTime;
}

/**
 * On time (准时到场), decided at the arrival: 急修 within 15 minutes of submission (R-REP-3); an agreed
 * window from its start to its end, both ends included (R-REP-4: before the window is early, not on
 * time; after it is late); otherwise by the response window. Pauses move the end, never the start.
 */
export function arrivalVerdict(d: Pick<Deadline, 'dueAt' | 'metAt' | 'opensAt'>): 'pending' | 'early' | 'onTime' | 'late' {
  if (d.metAt === null) return 'pending';
  if (d.metAt > d.dueAt) return 'late';
  return d.opensAt !== null && d.metAt < d.opensAt ? 'early' : 'onTime';
}

/** The agreed window a check-in now would come before (the technician is warned and confirms), else null. */
export function earlyArrival(s: CaseState, now: number): { from: number; to: number } | null {
  const w = s.work.arrivedAt === null ? agreedWindow(s) : null;
  return w && now < w.from ? w : null;
}

/** Arrival due for a new (or re-opened) repair: 15 minutes for 急修, the agreed time, else 24 hours. */
export function arrivalDueFor(c: Pick<CaseState, 'emergency' | 'preferredTime'>, from: number, sla: SlaConfig, reopened = false): number {
  if (c.emergency) return from + sla.emergencyArrivalMs;
  if (!reopened && c.preferredTime && c.preferredTime.to > from) return c.preferredTime.to;
  return from + sla.repairResponseMs;
}

/**
 * Due time after pauses: each pause that starts after the clock started and before it ran out moves
 * the deadline by its length (a deadline missed before a pause stays missed). Pure.
 */
export function shifted(startAt: number, baseDue: number, pauses: CaseState['sla']['pauses'], now: number): { dueAt: number; paused: boolean } {
  let due = baseDue;
  let paused = false;
  for (const p of [...pauses].sort((a, b) => a.from - b.from)) {
    if (p.from < startAt || p.from >= due) continue;
    const to = p.to ?? now;
    if (p.to === null) paused = true;
    due += Math.max(0, to - p.from);
  }
  return { dueAt: due, paused };
}

/** The clocks run while the case takes warnings and breaches (not once it is closed, resolved or cancelled). */
export const clocksRun = (s: CaseState) => ALLOWED[s.status].includes('breached');

/**
 * Met after its due time, or not met and past it: a missed deadline either way (R-ESC-5), whenever the
 * sweep looks (a late tick still finds a late step). The due time itself is still in time (a step at the
 * due time meets it, as the view says): missed after it.
 */
const missedBy = (d: Deadline, now: number) => (d.metAt !== null ? d.metAt > d.dueAt : now > d.dueAt);

const isFinished = (s: CaseState) => s.finishedAt !== null || s.status === 'cancelled' || s.status === 'closed';

/**
 * The case's deadlines, a pure function of its state and the configuration. Clocks start at
 * submission, whatever the hour (24小时受理, R-INT-1): no office-hours calendar stretches them.
 */
export function deadlinesOf(s: CaseState, now: number, sla: SlaConfig): Deadline[] {
  const make = (name: DeadlineName, startAt: number, base: number, metAt: number | null, opensAt: number | null = null): Deadline => {
    if (metAt !== null) return { name, startAt, dueAt: shifted(startAt, base, s.sla.pauses, metAt).dueAt, metAt, paused: false, opensAt };
    return { name, startAt, ...shifted(startAt, base, s.sla.pauses, now), metAt, opensAt };
  };
  const out: Deadline[] = [];
  if (WORK_KINDS.includes(s.kind)) {
    const done = s.status === 'cancelled' || (s.status === 'closed' && !s.work.arrivedAt) ? (s.finishedAt ?? s.updatedAt) : null;
    // A case cancelled or closed before anyone came has no arrival to judge early.
    const opensAt = s.work.arrivedAt === null && done !== null ? null : (agreedWindow(s)?.from ?? null);
    out.push(make('arrival', s.work.arrivalStart, s.work.arrivalDue, s.work.arrivedAt ?? done, opensAt));
    if (s.work.completedAt !== null) {
      const leak = isRepairCategory(s.category) && REPAIR_CATEGORIES[s.category].leak;
      out.push(make('callback', s.work.completedAt, s.work.completedAt + (leak ? sla.leakCallbackMs : sla.callbackMs), s.work.callback?.at ?? null));
    }
  } else if (s.kind === 'warranty') {
    // R-INT-6: handed to the developer's after-sales liaison the same day (物业返修联系单), then followed.
    out.push(make('handover', s.createdAt, endOfDay(s.createdAt), s.handedOverAt));
    out.push(make('resolution', s.createdAt, s.createdAt + sla.managerAfterMs, s.finishedAt));
  } else if (s.complaint) {
    for (const d of complaintClocks(s, sla)) out.push(make(d.name, d.startAt, d.base, d.metAt));
  } else {
    out.push(make('reply', s.createdAt, s.createdAt + sla.replyMs, s.finishedAt));
  }
  return out;
}

/** R-CMP-2's fixed figures beside the configured resolution windows. */
export const COMPLAINT_SLA = { handoverMs: HOUR, majorReplyMs: 2 * DAY, contactMs: DAY } as const;

/**
 * A complaint's clocks, each counted from reception (R-CMP-2, R-CMP-3): 重大 — the manager informed the
 * same (Shanghai) day, a clear reply (the first contact or the result) within 2 days, resolved within 10;
 * 重要 — handed to the department supervisor within 1 hour, resolved within 3 days; 一般 — resolved
 * within 2 days or by the resident's earlier date. Below 重大, the first contact within a day (never
 * after the resolution). Resolved = the result told (reply) or the answer as invalid (R-CMP-5); the
 * callback within the callback window after the reply. Unclassified: the 一般 clocks.
 */
export function complaintClocks(s: CaseState, sla: SlaConfig): { name: DeadlineName; startAt: number; base: number; metAt: number | null }[] {
  const c = s.complaint!;
  const from = s.createdAt;
  const level = s.level ?? 'minor';
  let resolveBy = from + sla.complaintResolutionMs[level];
  if (level === 'minor' && c.wantedBy !== null && c.wantedBy > from && c.wantedBy < resolveBy) resolveBy = c.wantedBy;
  const out: { name: DeadlineName; startAt: number; base: number; metAt: number | null }[] = [];
  const told = [c.contactedAt, c.repliedAt, c.invalidReason !== null ? s.finishedAt : null].filter((x): x is number => x !== null);
  if (level === 'major') {
    out.push({ name: 'inform', startAt: from, base: endOfDay(from), metAt: c.informedAt });
    out.push({ name: 'reply', startAt: from, base: from + COMPLAINT_SLA.majorReplyMs, metAt: told.length ? Math.min(...told) : null });
  } else {
    if (level === 'serious') out.push({ name: 'handover', startAt: from, base: from + COMPLAINT_SLA.handoverMs, metAt: c.handedAt ?? (s.finishedAt !== null && c.invalidReason !== null ? s.finishedAt : null) });
    out.push({ name: 'contact', startAt: from, base: Math.min(from + COMPLAINT_SLA.contactMs, resolveBy), metAt: told.length ? Math.min(...told) : null });
  }
  out.push({ name: 'resolution', startAt: from, base: resolveBy, metAt: s.finishedAt });
  if (c.repliedAt !== null) {
    const start = c.repliedAt;
    out.push({ name: 'callback', startAt: start, base: start + sla.callbackMs, metAt: c.callbackAt !== null && c.callbackAt >= start ? c.callbackAt : null });
  }
  return out;
}

/** The escalation ladder's rungs (R-ESC-2, R-ESC-3) still ahead of an unfinished case; a paused rung cannot fire. */
export function ladderOf(s: CaseState, now: number, sla: SlaConfig): { level: 1 | 2; at: number; paused: boolean }[] {
  if (isFinished(s)) return [];
  return ([
    [1, sla.supervisorAfterMs],
    [2, sla.managerAfterMs],
  ] as const)
    .filter(([level]) => s.sla.level < level)
    .map(([level, after]) => {
      const { dueAt, paused } = shifted(s.createdAt, s.createdAt + after, s.sla.pauses, now);
      return { level, at: dueAt, paused };
    });
}

const warnAt = (d: Deadline, sla: SlaConfig) => d.dueAt - Math.round(sla.warnShare * (d.dueAt - d.startAt));

/** What the SLA sweep must record now, in order: at most one step per call (the sweep loops). */
export type SlaStep =
  | { type: 'warned'; deadline: DeadlineName; dueAt: number }
  | { type: 'breached'; deadline: DeadlineName; dueAt: number }
  | { type: 'escalated'; level: 1 | 2; reason: string };

export function nextSlaStep(s: CaseState, now: number, sla: SlaConfig): SlaStep | null {
  if (!clocksRun(s)) return null;
  const deadlines = deadlinesOf(s, now, sla);
  // A deadline met late before any sweep looked (a sweep runs late, or between ticks) is still missed.
  for (const d of deadlines) {
    if (d.paused || s.sla.breached.includes(d.name)) continue;
    if (missedBy(d, now)) return { type: 'breached', deadline: d.name, dueAt: d.dueAt };
  }
  // A missed deadline escalates at once (R-ESC-5): one rung per missed deadline.
  const missed = s.sla.missed;
  if (missed > 0 && s.sla.level < Math.min(2, missed)) return { type: 'escalated', level: (s.sla.level + 1) as 1 | 2, reason: '承诺时限已超时，升级督办' };
  for (const rung of ladderOf(s, now, sla)) {
    if (now >= rung.at) return { type: 'escalated', level: rung.level, reason: rung.level === 1 ? '超过 2 天未办结，转客服主管跟进' : '超过 1 周未办结，转经理督办' };
  }
  for (const d of deadlines) {
    if (d.metAt !== null || d.paused || s.sla.warned.includes(d.name) || s.sla.breached.includes(d.name)) continue;
    if (now >= warnAt(d, sla)) return { type: 'warned', deadline: d.name, dueAt: d.dueAt };
  }
  return null;
}

/**
 * When the sweep must next look at this case (indexed `next_due_at`): null when nothing is ahead. A pure
 * function of the state and the configuration — no clock — so rebuilding the row from the events gives
 * the same value (R-INT-4). A running clock that is paused is left out: the pause ends only with an
 * event (resumed, a quote decided, completed, cancelled, closed), which computes the schedule anew.
 */
export function nextDueAt(s: CaseState, sla: SlaConfig): number | null {
  if (!clocksRun(s)) return null;
  const asOf = s.updatedAt;
  const times: number[] = [];
  for (const d of deadlinesOf(s, asOf, sla)) {
    if (d.paused || s.sla.breached.includes(d.name)) continue;
    if (d.metAt !== null) {
      if (d.metAt > d.dueAt) times.push(d.dueAt); // met late: the breach is still to be recorded
      continue;
    }
    times.push(s.sla.warned.includes(d.name) ? d.dueAt : warnAt(d, sla));
  }
  if (s.sla.missed > s.sla.level && s.sla.level < 2) times.push(asOf); // an escalation is owed now
  for (const rung of ladderOf(s, asOf, sla)) if (!rung.paused) times.push(rung.at);
  return times.length ? Math.min(...times) : null;
}

export const deadlineView = (d: Deadline, now: number, s: CaseState) => ({
  name: d.name,
  /** What the promise is, in staff and resident words (a complaint's 移交 goes to the department supervisor). */
  label: s.kind === 'complaint' && d.name === 'handover' ? COMPLAINT_HANDOVER_LABEL : (DEADLINE_LABELS[d.name] ?? d.name),
  dueAt: toIso(d.dueAt),
  /** The start of an agreed window: met before it is early (not on time). */
  ...(d.opensAt !== null ? { opensAt: toIso(d.opensAt) } : {}),
  ...(d.metAt !== null ? { metAt: toIso(d.metAt) } : {}),
  breached: s.sla.breached.includes(d.name) || (d.metAt !== null ? d.metAt > d.dueAt : !d.paused && now > d.dueAt),
  /** Met before the agreed window opened (R-REP-4): arrived, but not on time. */
  early: arrivalVerdict(d) === 'early',
  paused: d.paused,
  warned: s.sla.warned.includes(d.name),
});

/**
 * The nearest promise not yet kept (a missed one is in the past): what the workbench queue sorts by. Like
 * `nextDueAt`, a function of the state: a paused deadline counts as of the case's last event.
 */
export function urgentAt(s: CaseState, sla: SlaConfig): number | null {
  if (s.status === 'cancelled' || s.status === 'closed' || s.status === 'resolved') return null;
  const open = deadlinesOf(s, s.updatedAt, sla).filter((d) => d.metAt === null).map((d) => d.dueAt);
  return open.length ? Math.min(...open) : null;
}

/** The indexed columns the store keeps beside a case's state: both follow from the state alone. */
export const scheduleOf = (s: CaseState, sla: SlaConfig) => ({ nextDueAt: nextDueAt(s, sla), urgentAt: urgentAt(s, sla) });
