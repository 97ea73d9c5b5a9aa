import type { z } from 'zod';
import { fail, ok, type Outcome } from '../../errors';
import type { caseFields } from '../../schemas/case';
import type { Channel } from '../../schemas/common';
import { commitCaseEvent } from '../../domain/case/commit';
import { departmentFor, responsibleFor } from '../../domain/case/routing';
import type { CaseEvent, CaseState, SubmittedEvent } from '../../domain/case/types';
import { parseIso } from '../../time';
import type { HouseholdRow } from '../../ports/store';
import type { UseCaseContext } from '../context';

type Fields = z.output<z.ZodObject<typeof caseFields>>;

/**
 * Creates a case in the one shared store, whatever the channel (R-INT-2, R-INT-3): routed to a
 * department and a responsible person (R-INT-5), its clocks starting now (R-INT-1).
 */
export async function openCase(
  ctx: UseCaseContext,
  household: HouseholdRow,
  fields: Fields,
  source: { channel: Channel; contactName: string; contactPhone: string; submittedBy: string; recordedBy: { id: string; name: string } },
): Promise<Outcome<{ state: CaseState; events: CaseEvent[] }>> {
  for (const id of fields.photos) {
    const f = await ctx.tx.file(id);
    if (!f || f.ownerId !== source.recordedBy.id) return fail('FILE.NOT_FOUND');
  }
  const community = await ctx.tx.community(household.communityId);
  if (!community) return fail('HOUSEHOLD.NOT_FOUND');
  const category = fields.category ?? null;
  const department = departmentFor(fields.kind, category);
  const owner = responsibleFor(community.responsible, department);

  const event: SubmittedEvent = {
    type: 'submitted',
    at: ctx.now,
    by: source.recordedBy.id,
    byName: source.recordedBy.name,
    note: source.channel === 'miniprogram' ? null : `代为登记（${{ phone: '来电', visit: '来访', letter: '信函' }[source.channel as 'phone']}）`,
    case: {
      id: ctx.ids.next('c'),
      communityId: household.communityId,
      householdId: household.id,
      kind: fields.kind,
      category,
      content: fields.content,
      photos: fields.photos,
      location: fields.location ?? null,
      preferredTime: fields.preferredTime ? { from: parseIso(fields.preferredTime.from), to: parseIso(fields.preferredTime.to) } : null,
      emergency: fields.emergency,
      level: fields.kind === 'complaint' ? (fields.level ?? null) : null,
      channel: source.channel,
      contactName: source.contactName,
      contactPhone: source.contactPhone,
      submittedBy: source.submittedBy,
      owner,
      department,
      createdAt: ctx.now,
    },
  };
  const state = await commitCaseEvent(ctx, undefined, event);
  return ok({ state, events: [event] });
}
