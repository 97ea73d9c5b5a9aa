import { notify, toHousehold } from './effects';
import { caseFacts } from './messages';
import type { TransitionResult } from './effects';
import type { CallbackEvent, CaseEvent, CaseState, ClassifiedEvent, ComplaintLevel, ComplaintState, RepliedEvent, SubmittedEvent } from './types';

/** 重大 / 重要 / 一般 (R-CMP-2): the words staff use. */
export const LEVEL_LABELS: Record<ComplaintLevel, string> = { major: '重大', serious: '重要', minor: '一般' };

/** The complaint's promises the household follows; 报告经理、移交主管、回访 are the desk's own. */
export const RESIDENT_COMPLAINT_CLOCKS: readonly string[] = ['contact', 'reply', 'resolution'];

type Bump = (patch: Partial<CaseState>) => CaseState;

/** The manager told of a complaint classified 重大 at a staff intake (R-CMP-2). */
export function intakeInform(e: SubmittedEvent) {
  const m = e.case.kind === 'complaint' && e.case.level === 'major' ? e.classified?.manager : null;
  return m ? notify(m, 'complaint.major', { ...caseFacts(e.case), level: LEVEL_LABELS.major, content: e.case.content.slice(0, 60) }) : [];
}

/** A new complaint's record (R-CMP-1) and its steps, all still ahead. */
export function complaintOf(e: SubmittedEvent): ComplaintState {
  const intake = e.complaint ?? { occurredAt: null, place: null, subject: null, asks: null, wantedBy: null, harmOngoing: false };
  const informed = e.classified && e.case.level === 'major' && e.classified.manager ? e.at : null;
  return {
    ...intake,
    aboutStaff: null,
    classifiedAt: e.classified && e.case.level ? e.at : null,
    informedAt: informed,
    handedAt: null,
    contactedAt: null,
    repliedAt: null,
    handler: null,
    callbackAt: null,
    invalidReason: null,
  };
}

/**
 * 重要: handed to the department supervisor within an hour (R-CMP-2). The first hand-on after the
 * classification — an assignment, or the escalation that makes the supervisor the owner — meets it.
 */
export function handOn(s: CaseState, at: number): ComplaintState | null {
  const c = s.complaint;
  if (!c || c.classifiedAt === null || c.handedAt !== null) return c;
  return { ...c, handedAt: at };
}

/** Re-classification starts the level's clocks anew: their warnings go, breaches already recorded stay. */
const LEVEL_CLOCKS = ['inform', 'reply', 'handover', 'contact', 'resolution'];

/** classify, contact, markInvalid, close: the complaint's own steps. */
export function complaintStep(s: CaseState, e: CaseEvent, bump: Bump): TransitionResult {
  const c = s.complaint!;
  const data = caseFacts(s);
  switch (e.type) {
    case 'classified':
      return classified(s, e, bump);
    case 'contacted':
      return { ok: true, next: bump({ complaint: { ...c, contactedAt: c.contactedAt ?? e.at } }), effects: [] };
    case 'markedInvalid': {
      // R-CMP-5: an invalid complaint is still answered, with the reason, and kept on record.
      const next = bump({ status: 'resolved', finishedAt: e.at, resolution: e.note, complaint: { ...c, invalidReason: e.note ?? '' } });
      return { ok: true, next, effects: toHousehold(s, 'complaint.invalid', { ...data, reason: e.note ?? '' }) };
    }
    case 'closed':
      return { ok: true, next: bump({ status: 'closed' }), effects: [] };
    default:
      return { ok: false };
  }
}

function classified(s: CaseState, e: ClassifiedEvent, bump: Bump): TransitionResult {
  const c = s.complaint!;
  if (e.level === s.level && e.aboutStaff === c.aboutStaff) return { ok: false };
  // 重大: the manager is told now (the same day, R-CMP-2); once is enough.
  const inform = e.level === 'major' && c.informedAt === null;
  const next = bump({
    status: s.status === 'submitted' ? 'processing' : s.status,
    level: e.level,
    complaint: { ...c, aboutStaff: e.aboutStaff, classifiedAt: c.classifiedAt ?? e.at, informedAt: inform && e.manager ? e.at : c.informedAt },
    sla: { ...s.sla, warned: s.sla.warned.filter((n) => !LEVEL_CLOCKS.includes(n)) },
  });
  const data = { ...caseFacts(s), level: LEVEL_LABELS[e.level] };
  return { ok: true, next, effects: inform ? notify(e.manager, 'complaint.major', { ...data, content: s.content.slice(0, 60) }) : [] };
}

/** The result told to the resident (R-CMP-3): handling ends, the callback is due from a designated person. */
export function complaintReplied(s: CaseState, e: RepliedEvent, bump: Bump): TransitionResult {
  const c = s.complaint!;
  const owner = e.callbackOwner ?? s.owner;
  const next = bump({
    status: 'awaiting_callback',
    owner,
    finishedAt: e.at,
    resolution: e.note,
    complaint: { ...c, repliedAt: e.at, handler: e.by },
  });
  const data = caseFacts(s);
  return {
    ok: true,
    next,
    effects: [...toHousehold(s, 'complaint.replied', { ...data, reply: e.note ?? '' }), ...notify(owner === e.by ? null : owner, 'complaint.callbackDue', { ...data, handler: e.byName })],
  };
}

/** The callback (R-CMP-3): satisfied closes it; a problem found sends it back to the handler, unresolved. */
export function complaintCallback(s: CaseState, e: CallbackEvent, bump: Bump): TransitionResult {
  const c = s.complaint!;
  const data = caseFacts(s);
  if (e.outcome === 'satisfied') {
    return { ok: true, next: bump({ status: 'closed', complaint: { ...c, callbackAt: e.at } }), effects: toHousehold(s, 'case.closed', data) };
  }
  const handler = c.handler ?? s.owner;
  const next = bump({
    status: 'processing',
    owner: handler,
    finishedAt: null,
    complaint: { ...c, callbackAt: e.at, repliedAt: null },
    sla: { ...s.sla, warned: s.sla.warned.filter((n) => n !== 'callback'), breached: s.sla.breached.filter((n) => n !== 'callback') },
  });
  return { ok: true, next, effects: notify(handler, 'complaint.reopened', { ...data, reason: e.note ?? '回访发现问题' }) };
}
