import type { z } from 'zod';
import { fail, type Outcome } from '../../errors';
import type { caseFields } from '../../schemas/case';
import type { Channel } from '../../schemas/common';
import { commitCaseEvent } from '../../domain/case/commit';
import { departmentFor, responsibleFor } from '../../domain/case/routing';
import { arrivalDueFor } from '../../domain/case/deadlines';
import { caseNumberKey, formatCaseNumber } from '../../domain/case/number';
import { WORK_KINDS } from '../../domain/case/transition';
import { EMERGENCY_DEFAULT_LOCATION, isEmergencyIntake } from '../../domain/case/emergency';
import type { CaseEvent, SubmittedEvent } from '../../domain/case/types';
import { parseIso } from '../../time';
import { appointmentIssues } from '../../domain/dateBounds';
import { onDutyTechnicianOf } from '../../domain/community/rota';
import type { CaseOpeningRow } from '../../ports/store';
import type { CaseView } from '../../domain/case/view';
import { viewAfter } from './loadCase';
import { complaintIntake } from './complaintIntake';
import { rolesFromStaff } from './names';
import type { UseCaseContext } from '../context';

type Fields = z.output<z.ZodObject<ReturnType<typeof caseFields>>>;

/**
 * Creates a case in the one shared store, whatever the channel (R-INT-2, R-INT-3): routed to a
 * department and a responsible person (R-INT-5), its clocks starting now (R-INT-1).
 */
export async function openCase(
  ctx: UseCaseContext,
  at: CaseOpeningRow,
  fields: Fields,
  source: { channel: Channel; contactName: string; contactPhone: string; submittedBy: string; recordedBy: { id: string; name: string } },
): Promise<Outcome<CaseView>> {
  const { household } = at;
  const badTime = appointmentIssues(fields.preferredTime, ctx.now);
  if (badTime) return fail('INPUT.INVALID', badTime);
  const files = new Map(at.files.map((f) => [f.id, f]));
  for (const id of fields.photos) {
    const f = files.get(id);
    if (!f || f.ownerId !== source.recordedBy.id) return fail('FILE.NOT_FOUND');
  }
  const community = at.community();
  if (!community) return fail('HOUSEHOLD.NOT_FOUND');
  const category = fields.category ?? null;
  const department = departmentFor(fields.kind, category);
  const owner = responsibleFor(community.responsible, department);
  const work = WORK_KINDS.includes(fields.kind);
  // 急修 by category (R-REP-3), or when the resident says so: the on-duty technician is paged at once.
  const emergency = isEmergencyIntake({ kind: fields.kind, category, emergency: fields.emergency });
  const sla = community.sla;
  const preferredTime = fields.preferredTime ? { from: parseIso(fields.preferredTime.from), to: parseIso(fields.preferredTime.to) } : null;
  const onDuty = emergency ? onDutyTechnician(at.staff, at.rotaTechnician) : null;
  const cmp = complaintIntake(fields, source.channel, owner, at.staff, ctx.now);
  if (!cmp.ok) return cmp;

  const key = caseNumberKey(fields.kind, ctx.now);
  const number = formatCaseNumber(key, await ctx.tx.nextCaseSequence(household.communityId, key.prefix, key.day));

  const event: SubmittedEvent = {
    type: 'submitted',
    at: ctx.now,
    by: source.recordedBy.id,
    byName: source.recordedBy.name,
    note: source.channel === 'miniprogram' ? null : `代为登记（${{ phone: '来电', visit: '来访', letter: '信函' }[source.channel as 'phone']}）`,
    case: {
      id: ctx.ids.next('c'),
      number,
      communityId: household.communityId,
      householdId: household.id,
      kind: fields.kind,
      category,
      content: fields.content,
      photos: fields.photos,
      location: fields.location ?? (emergency ? EMERGENCY_DEFAULT_LOCATION : null),
      preferredTime,
      // 急修, or a complaint whose harm is still going on (R-CMP-4): flagged urgent.
      emergency: emergency || cmp.emergency,
      level: cmp.level,
      channel: source.channel,
      contactName: source.contactName,
      contactPhone: source.contactPhone,
      submittedBy: source.submittedBy,
      owner,
      department,
      createdAt: ctx.now,
    },
    ...cmp.event,
    ...(work ? { arrivalDue: arrivalDueFor({ emergency, preferredTime }, ctx.now, sla), onDuty } : {}),
  };
  const state = await commitCaseEvent(ctx, undefined, event, sla);
  // The view from what this call read and wrote: the events as stored (JSON), names from the staff read.
  const names: Record<string, string> = {};
  for (const m of at.staff) if (m.name !== null) names[m.userId] = m.name;
  const roles = rolesFromStaff(at.staff.filter((m) => m.userId === state.owner));
  return viewAfter(ctx, state, { events: [JSON.parse(JSON.stringify(event)) as CaseEvent], sla, names, roles });
}

/** The technician to page (core/domain/community/rota.ts `onDutyTechnicianOf`), with a name to show. */
function onDutyTechnician(staff: CaseOpeningRow['staff'], rota: string | null): { id: string; name: string } | null {
  const duty = onDutyTechnicianOf(staff, rota ? [rota] : [])?.member;
  return duty && duty.name !== null ? { id: duty.userId, name: duty.name } : null;
}
