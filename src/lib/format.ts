/** Formats times the API sends (ISO 8601 with the community's +08:00 offset) as the community's wall time. */
import { isoAt, wallClock } from '../../core/shanghai';

export { isoAt };

const parts = (iso: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  return m ? { y: m[1], mo: m[2], d: m[3], h: m[4], mi: m[5] } : null;
};

export function formatTime(iso: string | null | undefined, withYear = false): string {
  if (!iso) return '';
  const p = parts(iso);
  if (!p) return iso;
  const date = `${withYear ? `${p.y}年` : ''}${Number(p.mo)}月${Number(p.d)}日`;
  return `${date} ${p.h}:${p.mi}`;
}

/**
 * A promise as time left, never as a clock face: 剩余 14 分 57 秒 (with `seconds`, under an hour),
 * 剩余 2 小时 5 分, 剩余 1 天 3 小时; once past, 已超时 3 分 / 已超时 2 小时 5 分 (at least 1 分).
 * Counted against `now`, the platform's time (src/lib/clock.ts), never the phone's.
 */
export function remaining(iso: string, now = Date.now(), seconds = false): { text: string; overdue: boolean } {
  const diff = Date.parse(iso) - now;
  const overdue = diff < 0;
  const secs = Math.floor(Math.abs(diff) / 1000);
  const mins = Math.floor(secs / 60);
  const days = Math.floor(mins / 1440);
  const hours = Math.floor((mins % 1440) / 60);
  const m = mins % 60;
  let span: string;
  if (days > 0) span = `${days} 天 ${hours} 小时`;
  else if (hours > 0) span = `${hours} 小时 ${m} 分`;
  else if (seconds && !overdue) span = m > 0 ? `${m} 分 ${secs % 60} 秒` : `${secs % 60} 秒`;
  else span = `${Math.max(m, 1)} 分`;
  return { text: `${overdue ? '已超时' : '剩余'} ${span}`, overdue };
}

/** 1-1-101 → 1栋1单元101室: the same words as the messages (core/vocabulary.ts). */
export { roomCode, roomLabel } from '../../core/vocabulary';

export const excerpt = (s: string, n = 48) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** 早上好… by the community's (Shanghai) hour, not the phone's zone. */
export const greeting = (now: number = Date.now()) => {
  const h = wallClock(now).hour;
  return h < 6 ? '夜深了' : h < 11 ? '早上好' : h < 13 ? '中午好' : h < 18 ? '下午好' : '晚上好';
};

/** 10:32 (the community's wall time of an ISO time). */
export function clockTime(iso: string | null | undefined): string {
  const p = iso ? parts(iso) : null;
  return p ? `${p.h}:${p.mi}` : '';
}

/** 10:32 today, 明天 10:32, or 11月26日 10:32, relative to `now` (community wall time). */
export function dayTime(iso: string, now: number): string {
  const p = parts(iso);
  if (!p) return iso;
  const day = (ms: number) => isoAt(ms).slice(0, 10);
  const d = `${p.y}-${p.mo}-${p.d}`;
  if (d === day(now)) return `${p.h}:${p.mi}`;
  if (d === day(now + 86_400_000)) return `明天 ${p.h}:${p.mi}`;
  return `${Number(p.mo)}月${Number(p.d)}日 ${p.h}:${p.mi}`;
}

/**
 * A time inside a sentence: a space sets digits off from the words before them (将于 10:32 前), none goes
 * between words (将于明天 10:32 前, not 将于 明天).
 */
export const spaced = (t: string) => (/^\d/.test(t) ? ` ${t}` : t);

/** 11月25日 09:00–12:00 */
export function timeRange(r: { from: string; to: string } | null | undefined): string {
  if (!r) return '';
  const a = parts(r.from);
  const b = parts(r.to);
  if (!a || !b) return '';
  const sameDay = a.y === b.y && a.mo === b.mo && a.d === b.d;
  return `${Number(a.mo)}月${Number(a.d)}日 ${a.h}:${a.mi}–${sameDay ? '' : `${Number(b.mo)}月${Number(b.d)}日 `}${b.h}:${b.mi}`;
}

/**
 * What must not split across lines inside running text: case numbers (BX20261202-0007), rooms
 * (1栋1单元101室), dates and times with their ranges (12月2日 09:00–12:00, 明天 10:32, 10:32), amounts
 * (¥35.50), phones (13800001234, 138****5678), spans of time (14 分 57 秒, 2 小时 5 分, 15 分钟), counts
 * with their unit (3 单, 1 个) and rates (95%).
 */
const NUMBER_RUN = new RegExp(
  [
    '[A-Z]{2}\\d{8}-\\d{4,}',
    '\\d+栋\\d+单元\\d+室',
    '\\d{1,3}-\\d{1,2}-\\d{3,4}',
    '(?:\\d{4}年)?\\d{1,2}月\\d{1,2}日(?: \\d{1,2}:\\d{2})?(?:–(?:\\d{1,2}月\\d{1,2}日 )?\\d{1,2}:\\d{2})?',
    '明天 \\d{1,2}:\\d{2}(?:–\\d{1,2}:\\d{2})?',
    '\\d{1,2}:\\d{2}(?:–\\d{1,2}:\\d{2})?',
    '¥\\d+(?:\\.\\d{1,2})?',
    '1\\d{2}(?:\\*{4}|\\d{4})\\d{4}',
    '\\d+(?:\\.\\d+)? ?(?:天|小时|分钟|分|秒)(?: \\d+ ?(?:小时|分钟|分|秒))*',
    '\\d+(?:\\.\\d+)? ?(?:次|个|张|条|字|星|元|单|件)',
    '\\d+(?:\\.\\d+)?%',
  ].join('|'),
  'g',
);

/** Splits running text into plain parts and the number runs to keep whole (`num: true`). */
export function numberRuns(text: string): { text: string; num: boolean }[] {
  const out: { text: string; num: boolean }[] = [];
  let at = 0;
  for (const m of text.matchAll(NUMBER_RUN)) {
    if (m.index! > at) out.push({ text: text.slice(at, m.index), num: false });
    out.push({ text: m[0], num: true });
    at = m.index! + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at), num: false });
  return out;
}
