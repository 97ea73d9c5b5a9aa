import type { RenovationEvent, RenovationState } from '../domain/renovation/state';

/**
 * Renovation applications (migration 0024_renovations): the event log (`renovation_events`, the source
 * of truth and the household's archive, R-REN-11) and the projection (`renovations`: the folded state,
 * its version, and when the sweep must next look at it).
 */
export interface RenovationTx {
  /** Writes a new application with its first events (a unique violation when the id exists). */
  insertRenovation(state: RenovationState, nextDueAt: number | null, events: RenovationEvent[]): Promise<void>;
  /** Appends events and stores the new state, only if the stored version is still `expectedVersion`; false otherwise. */
  appendRenovationEvents(state: RenovationState, nextDueAt: number | null, expectedVersion: number, events: RenovationEvent[]): Promise<boolean>;
  /** `lock`: held until the transaction ends (MySQL/MariaDB: FOR UPDATE). */
  renovation(id: string, opts?: { lock?: boolean }): Promise<RenovationState | undefined>;
  /** The log, oldest first. */
  renovationEvents(id: string): Promise<RenovationEvent[]>;
  /** A household's applications, newest first (the archive, R-REN-11). */
  renovationsOfHousehold(householdId: string): Promise<RenovationState[]>;
  /** The applications of these communities (optionally of some statuses), newest first, at most `limit`. */
  renovationsOfCommunities(communityIds: string[], q: { statuses?: RenovationState['status'][]; limit: number }): Promise<RenovationState[]>;
  /** The applications that show an uploaded file (at most `limit`): who may read it. */
  renovationsShowingFile(fileId: string, limit: number): Promise<RenovationState[]>;
  /** Applications whose next sweep moment has come (indexed on next_due_at), soonest first. */
  dueRenovationIds(now: number, limit: number): Promise<string[]>;
}
