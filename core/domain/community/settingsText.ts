import { DAY, HOUR, MINUTE } from '../../time';
import type { CommunitySettings } from './settings';

/** A duration as configuration names it (the inverse of durationMs): P2D, PT24H, P1DT12H, PT15M. */
export function durationText(ms: number): string {
  if (!Number.isSafeInteger(ms) || ms < 0 || ms % MINUTE !== 0) throw new RangeError(`not a whole number of minutes: ${ms}`);
  // Under two days in hours, as the rule book says them (24 小时, 36 小时); longer ones in days.
  const d = ms < 2 * DAY ? 0 : Math.floor(ms / DAY);
  const h = Math.floor((ms - d * DAY) / HOUR);
  const m = Math.floor((ms % HOUR) / MINUTE);
  const time = `${h ? `${h}H` : ''}${m ? `${m}M` : ''}`;
  if (!d && !time) return 'PT0M';
  return `P${d ? `${d}D` : ''}${time ? `T${time}` : ''}`;
}

/** Parsed settings written back as a complete settings value (what a version stores and the page edits). */
export function settingsAsInput(s: CommunitySettings) {
  const t = s.sla;
  return {
    responsible: { ...s.responsible },
    sla: {
      emergencyArrival: durationText(t.emergencyArrivalMs),
      repairResponse: durationText(t.repairResponseMs),
      reply: durationText(t.replyMs),
      complaintResolution: {
        major: durationText(t.complaintResolutionMs.major),
        serious: durationText(t.complaintResolutionMs.serious),
        minor: durationText(t.complaintResolutionMs.minor),
      },
      callback: durationText(t.callbackMs),
      leakCallback: durationText(t.leakCallbackMs),
      supervisorAfter: durationText(t.supervisorAfterMs),
      managerAfter: durationText(t.managerAfterMs),
      warnShare: t.warnShare,
    },
    renovation: {
      inspectionInterval: durationText(s.renovation.inspectionIntervalMs),
      closureTest: durationText(s.renovation.closureTestMs),
    },
  };
}
