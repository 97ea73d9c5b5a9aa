import { DAY, HOUR, MINUTE } from '../../time';

const PATTERN = /^P(?:(\d{1,3})D)?(?:T(?:(\d{1,4})H)?(?:(\d{1,5})M)?)?$/;

/**
 * A named duration of configuration (ISO 8601: `PT15M`, `PT24H`, `P2D`, `P1DT12H`) in ms; NaN when it
 * is not one. Days, hours and minutes only: months and years have no fixed length, and seconds are
 * finer than the sweep, which looks once a minute.
 */
export function durationMs(text: string): number {
  const m = PATTERN.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return NaN;
  const [, d, h, min] = m;
  return Number(d ?? 0) * DAY + Number(h ?? 0) * HOUR + Number(min ?? 0) * MINUTE;
}

/** The Chinese reading of a duration, for messages: 15 分钟, 24 小时, 2 天, 1 天 12 小时. */
export function durationLabel(ms: number): string {
  const parts: string[] = [];
  const d = Math.floor(ms / DAY);
  const h = Math.floor((ms % DAY) / HOUR);
  const m = Math.round((ms % HOUR) / MINUTE);
  if (d) parts.push(`${d} 天`);
  if (h) parts.push(`${h} 小时`);
  if (m || parts.length === 0) parts.push(`${m} 分钟`);
  return parts.join(' ');
}
