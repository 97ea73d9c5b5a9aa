import { REPAIR_CATEGORIES, isRepairCategory, type CaseKind } from '../../vocabulary';

/** Kinds worked on a work order by a technician (repeated here: the schemas read this file, not the transition table). */
const WORKED: readonly CaseKind[] = ['repair', 'service'];

/**
 * 急修 (R-REP-3): a worked case whose category is one of the four emergencies (水管爆裂、关键部位漏水、
 * 室内返水、停电), or that the resident flags as urgent. Someone standing in water reports it in seconds:
 * the description may be a few words, only a photo, or nothing beyond the category, and the place
 * defaults to 户内 (R-REP-1 still holds: the category says what is broken).
 */
export function isEmergencyIntake(v: { kind: string; category?: string | null; emergency?: boolean }): boolean {
  if (!WORKED.includes(v.kind as CaseKind)) return false;
  return !!v.emergency || (isRepairCategory(v.category) && REPAIR_CATEGORIES[v.category].emergency);
}

/** Where an emergency happens when the resident does not say: at home (户内). */
export const EMERGENCY_DEFAULT_LOCATION = 'in_home' as const;

/** The fewest characters an ordinary description takes (an emergency takes none). */
export const CONTENT_MIN = 5;
