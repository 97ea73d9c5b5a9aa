/**
 * The community's wall time (Asia/Shanghai) by fixed-offset arithmetic. China has kept UTC+8 all year,
 * with no daylight saving, since 1991, so a Shanghai day, month or clock reading is the UTC one of the
 * instant moved 8 hours on: no time-zone database, and never the host's own zone (a server or phone in a
 * zone with daylight saving gave wrong days through Date's local getters and dayjs' tz plugin).
 * Instants are epoch milliseconds; days are 'YYYY-MM-DD', months 'YYYY-MM'. Shared by core and the app.
 */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const shifted = (ms: number) => {
  if (!Number.isFinite(ms)) throw new RangeError(`not an instant: ${ms}`);
  return new Date(ms + SHANGHAI_OFFSET_MS);
};

/** Wall-clock fields in Shanghai; `weekday` 0 = 周日 … 6 = 周六. */
export function wallClock(ms: number) {
  const d = shifted(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  };
}

/** ISO 8601 with the +08:00 offset, to the second: 2026-11-24T10:32:00+08:00 (contract: times carry +08:00). */
export function isoAt(ms: number): string {
  const t = wallClock(ms);
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}+08:00`;
}

/** 'YYYY-MM-DD' of the Shanghai day holding the instant. */
export const dayOf = (ms: number): string => isoAt(ms).slice(0, 10);

/** 'YYYY-MM' of the Shanghai month holding the instant. */
export const monthOf = (ms: number): string => isoAt(ms).slice(0, 7);

/** The Shanghai midnight that starts the day holding the instant. */
export const startOfDay = (ms: number): number => Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;

/** The Shanghai midnight that ends the day holding the instant (exclusive end: the next day's start). */
export const endOfDay = (ms: number): number => startOfDay(ms) + DAY_MS;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The instant of a Shanghai wall time: at('2026-11-24', 9, 30) is 2026-11-24T09:30:00+08:00. */
export function at(day: string, hour = 0, minute = 0): number {
  const m = DATE.exec(day);
  if (!m) throw new RangeError(`not a day (YYYY-MM-DD): ${day}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), hour, minute) - SHANGHAI_OFFSET_MS;
  if (dayOf(ms - hour * 3_600_000 - minute * 60_000) !== day) throw new RangeError(`no such day: ${day}`);
  return ms;
}

/** A Shanghai calendar month as instants [from, to): from its first midnight to the next month's. */
export function monthRange(month: string): { from: number; to: number } {
  const m = MONTH.exec(month);
  if (!m) throw new RangeError(`not a month (YYYY-MM): ${month}`);
  const y = Number(m[1]);
  const mo = Number(m[2]) - 1;
  return { from: Date.UTC(y, mo, 1) - SHANGHAI_OFFSET_MS, to: Date.UTC(y, mo + 1, 1) - SHANGHAI_OFFSET_MS };
}

/** 'YYYY-MM' moved by n months (n may be negative). */
export function addMonths(month: string, n: number): string {
  const m = MONTH.exec(month);
  if (!m || !Number.isInteger(n)) throw new RangeError(`not a month (YYYY-MM) or a whole number: ${month}, ${n}`);
  const total = Number(m[1]) * 12 + Number(m[2]) - 1 + n;
  return `${pad(Math.floor(total / 12), 4)}-${pad((total % 12) + 1)}`;
}
