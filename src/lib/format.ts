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

/** 剩余 1 天 3 小时 / 已超时 2 小时 */
export function remaining(iso: string, now = Date.now()): { text: string; overdue: boolean } {
  const diff = Date.parse(iso) - now;
  const abs = Math.abs(diff);
  const mins = Math.floor(abs / 60000);
  const days = Math.floor(mins / 1440);
  const hours = Math.floor((mins % 1440) / 60);
  const m = mins % 60;
  const span = days > 0 ? `${days} 天 ${hours} 小时` : hours > 0 ? `${hours} 小时 ${m} 分钟` : `${Math.max(m, 1)} 分钟`;
  return diff >= 0 ? { text: `剩余 ${span}`, overdue: false } : { text: `已超时 ${span}`, overdue: true };
}

/** 1-2-201 → 1栋2单元201室 */
export function roomLabel(householdId: string): string {
  const m = /^(\d+)-(\d+)-(\d+)$/.exec(householdId);
  return m ? `${m[1]}栋${m[2]}单元${m[3]}室` : householdId;
}

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

/** 14:58, or 1:02:03 for an hour or more (a countdown's face). */
export function countdown(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${pad(m)}:${pad(s % 60)}`;
}

/** 11月25日 09:00–12:00 */
export function timeRange(r: { from: string; to: string } | null | undefined): string {
  if (!r) return '';
  const a = parts(r.from);
  const b = parts(r.to);
  if (!a || !b) return '';
  const sameDay = a.y === b.y && a.mo === b.mo && a.d === b.d;
  return `${Number(a.mo)}月${Number(a.d)}日 ${a.h}:${a.mi}–${sameDay ? '' : `${Number(b.mo)}月${Number(b.d)}日 `}${b.h}:${b.mi}`;
}
