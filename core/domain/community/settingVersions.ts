/**
 * Service settings are versioned (history kept): each save is a new version effective from an instant
 * (the start of a Shanghai day, or the moment of saving when that day is today). The settings in force at
 * time T are the newest version effective at or before T (ties: the later save); the community row holds
 * the version in force now, which the case engine reads.
 */
export interface SettingVersionRow {
  id: string;
  communityId: string;
  effectiveAt: number;
  /** The settings as saved (the JSON value `parseCommunitySettings` accepted). */
  settings: unknown;
  savedBy: string;
  savedAt: number;
}

export function versionAt<V extends { effectiveAt: number; savedAt: number; id: string }>(rows: V[], t: number): V | undefined {
  let best: V | undefined;
  for (const r of rows) {
    if (r.effectiveAt > t) continue;
    if (!best || r.effectiveAt > best.effectiveAt || (r.effectiveAt === best.effectiveAt && (r.savedAt > best.savedAt || (r.savedAt === best.savedAt && r.id > best.id)))) best = r;
  }
  return best;
}
