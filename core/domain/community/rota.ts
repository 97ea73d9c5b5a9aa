import { at, dayOf, wallClock } from '../../shanghai';

/**
 * The technicians' on-duty rota (值班表): two shifts a day in Asia/Shanghai, 白班 08:00–20:00 and 夜班
 * 20:00 until 08:00 the next morning. A night shift belongs to the day it starts on, so 03:00 on the 5th
 * is the night shift of the 4th. The emergency pager (R-REP-3) pages whoever the rota names for the shift
 * holding the submission time; a shift nobody is named for falls back to the community's default on-duty
 * technician (the `on_duty` flag).
 */
export const SHIFTS = ['day', 'night'] as const;
export type Shift = (typeof SHIFTS)[number];
export const SHIFT_LABELS: Record<Shift, string> = { day: '白班 08:00–20:00', night: '夜班 20:00–次日 08:00' };
export const DAY_SHIFT_START_HOUR = 8;
export const NIGHT_SHIFT_START_HOUR = 20;

export interface DutyShift {
  /** The Shanghai day the shift starts on (YYYY-MM-DD). */
  day: string;
  shift: Shift;
}

/** The shift that holds this instant (platform time, ms). */
export function dutyShiftAt(ms: number): DutyShift {
  const { hour } = wallClock(ms);
  if (hour >= NIGHT_SHIFT_START_HOUR) return { day: dayOf(ms), shift: 'night' };
  if (hour >= DAY_SHIFT_START_HOUR) return { day: dayOf(ms), shift: 'day' };
  return { day: dayOf(ms - 24 * 3_600_000), shift: 'night' };
}

/** When a shift starts and ends (ms; the end is exclusive). */
export function shiftBounds(s: DutyShift): { from: number; to: number } {
  const from = at(s.day, s.shift === 'day' ? DAY_SHIFT_START_HOUR : NIGHT_SHIFT_START_HOUR);
  return { from, to: from + 12 * 3_600_000 };
}

/**
 * The technician on duty (值班) to page for an emergency (R-REP-3), the ONE rule both the intake and
 * the staff lists follow: the first technician the rota names for the shift holding the moment who is
 * still a technician there, else the community's default on-duty technician (the `on_duty` flag).
 */
export function onDutyTechnicianOf<S extends { userId: string; role: string; onDuty: boolean }>(staff: readonly S[], rostered: readonly string[]): { member: S; source: 'rota' | 'default' } | null {
  const techs = staff.filter((m) => m.role === 'technician');
  for (const id of rostered) {
    const named = techs.find((t) => t.userId === id);
    if (named) return { member: named, source: 'rota' };
  }
  const fallback = techs.find((t) => t.onDuty);
  return fallback ? { member: fallback, source: 'default' } : null;
}
