import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

export const ZONE = 'Asia/Shanghai';

/** ISO 8601 with the community's offset, e.g. 2026-11-24T10:32:00+08:00 (contract: times carry +08:00). */
export const toIso = (ms: number, zone: string = ZONE): string => dayjs(ms).tz(zone).format('YYYY-MM-DDTHH:mm:ssZ');

export const parseIso = (iso: string): number => dayjs(iso).valueOf();

/** Named durations, as in configuration (`PT15M`). */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export { dayjs };
