/** Formats times the API sends (ISO 8601 with the community's +08:00 offset) as the community's wall time. */
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

export const greeting = (d = new Date()) => {
  const h = d.getHours();
  return h < 6 ? '夜深了' : h < 11 ? '早上好' : h < 13 ? '中午好' : h < 18 ? '下午好' : '晚上好';
};
