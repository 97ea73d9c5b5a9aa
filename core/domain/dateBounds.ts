import { DAY, HOUR, MINUTE, parseIso, toIso } from '../time';

/**
 * Every date a caller sends is bounded against the request time (schemas do not know "now"; the use
 * cases call these with ctx.now). The answer is field → message for INPUT.INVALID, or null when fine.
 */

/** An agreed repair time lies within the next 30 days (R-REP-4): a year-9999 window would silently disable the arrival deadline. */
export const APPOINTMENT_HORIZON_MS = 30 * DAY;
/** A window may have begun a little before the request arrives (picked at 13:59, sent at 14:00). */
export const APPOINTMENT_PAST_GRACE_MS = 60 * MINUTE;
/** Longest convenient window: half a day (the app offers 3–4 hour slots). */
export const APPOINTMENT_MAX_WINDOW_MS = 12 * HOUR;

export type FieldIssues = Record<string, string>;

/** The resident's convenient time window (方便维修的时间, R-REP-1) against the request time. */
export function appointmentIssues(window: { from: string; to: string } | undefined, now: number): FieldIssues | null {
  if (!window) return null;
  const from = parseIso(window.from);
  const to = parseIso(window.to);
  if (!Number.isFinite(from) || !Number.isFinite(to)) return { preferredTime: '时间格式有误' };
  if (from >= to) return { preferredTime: '方便的时间段应先开始后结束' };
  if (to - from > APPOINTMENT_MAX_WINDOW_MS) return { preferredTime: '方便的时间段请不要超过 12 小时' };
  if (to <= now) return { 'preferredTime.to': '该时间段已经过去，请重新选择' };
  if (from < now - APPOINTMENT_PAST_GRACE_MS) return { 'preferredTime.from': '方便的时间不能早于现在，请重新选择' };
  if (to > now + APPOINTMENT_HORIZON_MS) return { 'preferredTime.to': '请选择 30 天以内的时间' };
  return null;
}

/** The first month a report may ask for; the last is the current month (community time). */
export const FIRST_REPORT_MONTH = '2000-01';

/** A report month (YYYY-MM, already well-formed) between FIRST_REPORT_MONTH and the current month. */
export function reportMonthIssues(month: string, now: number): FieldIssues | null {
  const current = toIso(now).slice(0, 7);
  if (month > current) return { month: '还没有该月的数据，请选择本月或以前的月份' };
  if (month < FIRST_REPORT_MONTH) return { month: '请选择 2000 年 1 月以后的月份' };
  return null;
}

/** How far ahead a complaint's "by when" may lie (一般 complaints are due in 2 days anyway). */
export const COMPLAINT_WANTED_HORIZON_MS = 30 * DAY;

/** A complaint's times (R-CMP-1): it happened in the past (within a year), its "by when" lies ahead. */
export function complaintTimeIssues(v: { occurredAt?: string; wantedBy?: string }, now: number): FieldIssues | null {
  if (v.occurredAt !== undefined) {
    const at = parseIso(v.occurredAt);
    if (!Number.isFinite(at)) return { occurredAt: '时间格式有误' };
    if (at > now + APPOINTMENT_PAST_GRACE_MS) return { occurredAt: '发生时间不能晚于现在，请重新选择' };
    if (at < now - 365 * DAY) return { occurredAt: '请选择一年以内的发生时间' };
  }
  if (v.wantedBy !== undefined) {
    const by = parseIso(v.wantedBy);
    if (!Number.isFinite(by)) return { wantedBy: '时间格式有误' };
    if (by <= now) return { wantedBy: '期望解决时间已经过去，请重新选择' };
    if (by > now + COMPLAINT_WANTED_HORIZON_MS) return { wantedBy: '请选择 30 天以内的时间' };
  }
  return null;
}
