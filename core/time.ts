import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

export const ZONE = 'Asia/Shanghai';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/**
 * ISO 8601 with the community's offset, e.g. 2026-11-24T10:32:00+08:00 (contract: times carry +08:00).
 * China has kept +08:00 all year since 1991, so Asia/Shanghai skips the time-zone database (hot path:
 * every case view formats a dozen times); other zones go through dayjs.
 */
export const toIso = (ms: number, zone: string = ZONE): string =>
  zone === ZONE && ms >= 694_195_200_000
    ? `${new Date(Math.floor(ms / 1000) * 1000 + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19)}+08:00`
    : dayjs(ms).tz(zone).format('YYYY-MM-DDTHH:mm:ssZ');

export const parseIso = (iso: string): number => dayjs(iso).valueOf();

/** Named durations, as in configuration (`PT15M`). */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export { dayjs };
