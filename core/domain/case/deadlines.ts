import { DAY, HOUR, MINUTE, toIso } from '../../time';
import type { CaseState } from './types';

export interface Deadline {
  name: 'arrival' | 'reply' | 'resolution';
  dueAt: number;
  metAt: number | null;
}

export interface SlaConfig {
  emergencyArrivalMs: number;
  repairResponseMs: number;
  replyMs: number;
  complaintResolutionMs: { major: number; serious: number; minor: number };
}

/** Defaults of the rule book; a community may only shorten the emergency window (R-REP-3). */
export const DEFAULT_SLA: SlaConfig = {
  emergencyArrivalMs: 15 * MINUTE,
  repairResponseMs: 24 * HOUR,
  replyMs: 2 * DAY,
  complaintResolutionMs: { major: 10 * DAY, serious: 3 * DAY, minor: 2 * DAY },
};

/**
 * A case's deadlines, a pure function of its state. Clocks start at submission, whatever the hour
 * (24小时受理, R-INT-1): no office-hours calendar stretches them.
 */
export function deadlinesOf(s: CaseState, sla: SlaConfig = DEFAULT_SLA): Deadline[] {
  const done = s.status === 'resolved' || s.status === 'closed' ? s.updatedAt : null;
  if (s.kind === 'repair' || s.kind === 'service') {
    const due = s.emergency
      ? s.createdAt + sla.emergencyArrivalMs
      : s.preferredTime
        ? s.preferredTime.to
        : s.createdAt + sla.repairResponseMs;
    return [{ name: 'arrival', dueAt: due, metAt: done }];
  }
  if (s.kind === 'complaint') {
    return [{ name: 'resolution', dueAt: s.createdAt + sla.complaintResolutionMs[s.level ?? 'minor'], metAt: done }];
  }
  return [{ name: 'reply', dueAt: s.createdAt + sla.replyMs, metAt: done }];
}

/** The earliest deadline not yet met: what the queue sorts by. */
export const nextDueAt = (s: CaseState): number | null => {
  if (s.status === 'cancelled' || s.status === 'closed' || s.status === 'resolved') return null;
  const open = deadlinesOf(s).filter((d) => d.metAt === null).map((d) => d.dueAt);
  return open.length ? Math.min(...open) : null;
};

export const deadlineView = (d: Deadline, now: number) => ({
  name: d.name,
  dueAt: toIso(d.dueAt),
  ...(d.metAt !== null ? { metAt: toIso(d.metAt) } : {}),
  breached: d.metAt !== null ? d.metAt > d.dueAt : now > d.dueAt,
});
