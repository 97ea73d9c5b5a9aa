import type { CaseOpeningRow } from '../../ports/store';
import { complaintTimeIssues } from '../../domain/dateBounds';
import type { ComplaintIntake, ComplaintLevel, SubmittedEvent } from '../../domain/case/types';
import type { Channel } from '../../schemas/common';
import { parseIso } from '../../time';
import { fail } from '../../errors';

interface Fields {
  kind: string;
  level?: ComplaintLevel;
  occurredAt?: string;
  place?: string;
  subject?: string;
  asks?: string;
  wantedBy?: string;
  harmOngoing?: boolean;
}

const nameOf = (staff: CaseOpeningRow['staff'], id: string) => staff.find((m) => m.userId === id && m.name !== null)?.name ?? id;

/**
 * What a new complaint adds to its `submitted` event (R-CMP-1): the resident's record; the harm still
 * going on flags it urgent and pages the responsible person of its department at once (R-CMP-4). The
 * level is the desk's to set (R-CMP-2): taken from a staff intake (来电/来访 classified on the phone, the
 * manager told of a 重大 one), never from the resident's own submission.
 */
export function complaintIntake(
  fields: Fields,
  channel: Channel,
  owner: string,
  staff: CaseOpeningRow['staff'],
  now: number,
): { ok: false; error: ReturnType<typeof fail>['error'] } | { ok: true; level: ComplaintLevel | null; emergency: boolean; event: Partial<SubmittedEvent> } {
  if (fields.kind !== 'complaint') return { ok: true, level: null, emergency: false, event: {} };
  const issues = complaintTimeIssues(fields, now);
  if (issues) return fail('INPUT.INVALID', issues);
  const complaint: ComplaintIntake = {
    occurredAt: fields.occurredAt ? parseIso(fields.occurredAt) : null,
    place: fields.place ?? null,
    subject: fields.subject ?? null,
    asks: fields.asks ?? null,
    wantedBy: fields.wantedBy ? parseIso(fields.wantedBy) : null,
    harmOngoing: fields.harmOngoing ?? false,
  };
  const level = channel === 'miniprogram' ? null : (fields.level ?? null);
  const manager = level === 'major' ? (staff.find((m) => m.role === 'manager')?.userId ?? null) : null;
  return {
    ok: true,
    level,
    emergency: complaint.harmOngoing,
    event: {
      complaint,
      ...(complaint.harmOngoing ? { paged: { id: owner, name: nameOf(staff, owner) } } : {}),
      ...(level ? { classified: { manager } } : {}),
    },
  };
}
