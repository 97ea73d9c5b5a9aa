import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { isoAt } from './shanghai';

dayjs.extend(utc);

/**
 * Time in core. Instants are epoch milliseconds, injected through the Clock port; the community's days,
 * months and offsets are Asia/Shanghai by fixed-offset arithmetic (`./shanghai`: no daylight saving since
 * 1991), never through the host's zone nor dayjs' tz plugin, which both gave wrong days and +09:00 offsets
 * on a host whose own zone keeps daylight saving. dayjs stays for parsing instants that carry an offset.
 */
export * from './shanghai';

export const ZONE = 'Asia/Shanghai';

/** ISO 8601 with the community's offset, e.g. 2026-11-24T10:32:00+08:00 (contract: times carry +08:00). */
export const toIso = (ms: number): string => isoAt(ms);

/** A written time must say which instant it is: with Z or ±hh:mm (a bare wall time would be read in the host's zone). */
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** Epoch milliseconds of an ISO 8601 time with an offset; NaN for anything else (never the host's zone). */
export const parseIso = (iso: string): number => (WITH_OFFSET.test(iso) ? dayjs(iso).valueOf() : NaN);

/** Named durations, as in configuration (`PT15M`). */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export { dayjs };
