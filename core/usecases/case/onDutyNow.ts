import { dutyShiftAt, onDutyTechnicianOf } from '../../domain/community/rota';
import type { StaffRow, Tx } from '../../ports/store';

/**
 * Who is on duty in a community at `now`, as the emergency pager decides (R-REP-3): the technician the
 * duty rota names for the shift holding `now` while still a technician there, else the community's
 * default on-duty technician (the `on_duty` flag); `source` says which.
 */
export async function onDutyNow(tx: Tx, communityId: string, now: number, staff?: StaffRow[]): Promise<{ id: string; source: 'rota' | 'default' } | null> {
  const shift = dutyShiftAt(now);
  const [members, entries] = await Promise.all([staff ?? tx.staffOfCommunity(communityId), tx.rota(communityId, shift.day, shift.day)]);
  const duty = onDutyTechnicianOf(members, entries.filter((e) => e.shift === shift.shift).map((e) => e.userId));
  return duty && { id: duty.member.userId, source: duty.source };
}
