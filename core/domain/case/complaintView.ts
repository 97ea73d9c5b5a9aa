import { toIso } from '../../time';
import type { Audience } from './audience';
import { LEVEL_LABELS } from './complaint';
import type { CaseState } from './types';

const iso = (ms: number | null) => (ms === null ? null : toIso(ms));

/**
 * A complaint's record as its reader sees it (R-CMP-1): the resident's own words (when, where, about
 * whom, what they ask for) for whoever may read the content; the level and its steps. Who on the staff
 * it is about is the desk's business alone: the household reads only its own words.
 */
export function complaintView(s: CaseState, audience: Audience, content: boolean) {
  const c = s.complaint;
  if (!c) return null;
  return {
    occurredAt: iso(c.occurredAt),
    place: content ? c.place : null,
    subject: content ? c.subject : null,
    asks: content ? c.asks : null,
    wantedBy: iso(c.wantedBy),
    harmOngoing: c.harmOngoing,
    levelLabel: s.level ? LEVEL_LABELS[s.level] : null,
    classifiedAt: iso(c.classifiedAt),
    contactedAt: iso(c.contactedAt),
    repliedAt: iso(c.repliedAt),
    callbackAt: iso(c.callbackAt),
    invalidReason: c.invalidReason,
    ...(audience === 'staff' ? { aboutStaff: c.aboutStaff, informedAt: iso(c.informedAt), handedAt: iso(c.handedAt), handler: c.handler } : {}),
  };
}
