import type { Kysely } from 'kysely';
import type { RenovationEvent, RenovationState } from '../../../core/domain/renovation/state';
import { allFilesOf } from '../../../core/domain/renovation/documents';
import type { RenovationTx } from '../../../core/ports/renovationStore';
import type { DB } from './schema';
import { dueRenovationsQuery } from './dueQueries';

function time(t: number | null): number | null {
  if (t !== null && !Number.isFinite(t)) throw new Error(`renovation row: next_due_at is not a time (${t})`);
  return t;
}

const columns = (s: RenovationState, nextDueAt: number | null) => ({
  community_id: s.communityId,
  household_id: s.householdId,
  status: s.status,
  version: s.version,
  next_due_at: time(nextDueAt),
  state_json: JSON.stringify(s),
  created_at: s.createdAt,
  updated_at: s.updatedAt,
});

const eventRows = (id: string, from: number, events: RenovationEvent[]) =>
  events.map((e, i) => ({ renovation_id: id, seq: from + i, type: e.type, at: e.at, by_user: e.by, data_json: JSON.stringify(e) }));

const toState = (r: { state_json: string }): RenovationState => JSON.parse(r.state_json) as RenovationState;

/**
 * Renovation applications (migration 0024_renovations): `renovations` is the projection (the folded
 * state as JSON with the columns lists and the sweep read), `renovation_events` the log, numbered per
 * application (seq = the version the event made). `locking` (MySQL/MariaDB): reads that decide a write
 * take FOR UPDATE; SQLite runs each write transaction alone.
 */
export function renovationTx(db: Kysely<DB>, dialect: { insertIgnore: 'or ignore' | 'ignore' }): RenovationTx {
  const locking = dialect.insertIgnore === 'ignore';
  async function showFiles(s: RenovationState) {
    const files = allFilesOf(s);
    if (files.length === 0) return;
    const q = dialect.insertIgnore === 'or ignore' ? db.insertInto('renovation_files').orIgnore() : db.insertInto('renovation_files').ignore();
    await q.values(files.map((f) => ({ file_id: f, renovation_id: s.id }))).execute();
  }
  return {
    async insertRenovation(state, nextDueAt, events) {
      await db.insertInto('renovations').values({ id: state.id, ...columns(state, nextDueAt) }).execute();
      if (events.length) await db.insertInto('renovation_events').values(eventRows(state.id, state.version - events.length + 1, events)).execute();
      await showFiles(state);
    },
    async appendRenovationEvents(state, nextDueAt, expectedVersion, events) {
      if (state.version !== expectedVersion + events.length) throw new Error(`renovation ${state.id}: version ${state.version} after ${events.length} events on ${expectedVersion}`);
      const r = await db.updateTable('renovations').set(columns(state, nextDueAt)).where('id', '=', state.id).where('version', '=', expectedVersion).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return false;
      if (events.length) await db.insertInto('renovation_events').values(eventRows(state.id, expectedVersion + 1, events)).execute();
      await showFiles(state);
      return true;
    },
    async renovation(id, opts) {
      let q = db.selectFrom('renovations').select('state_json').where('id', '=', id);
      if (opts?.lock && locking) q = q.forUpdate();
      const r = await q.executeTakeFirst();
      return r && toState(r);
    },
    async renovationEvents(id) {
      const rows = await db.selectFrom('renovation_events').select('data_json').where('renovation_id', '=', id).orderBy('seq').execute();
      return rows.map((r) => JSON.parse(r.data_json) as RenovationEvent);
    },
    async renovationsOfHousehold(householdId) {
      const rows = await db.selectFrom('renovations').select('state_json').where('household_id', '=', householdId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
      return rows.map(toState);
    },
    async renovationsOfCommunities(communityIds, q) {
      if (communityIds.length === 0) return [];
      let s = db.selectFrom('renovations').select('state_json').where('community_id', 'in', communityIds);
      if (q.statuses?.length) s = s.where('status', 'in', q.statuses);
      const rows = await s.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
      return rows.map(toState);
    },
    async renovationsShowingFile(fileId, limit) {
      const rows = await db
        .selectFrom('renovation_files')
        .innerJoin('renovations', 'renovations.id', 'renovation_files.renovation_id')
        .select('renovations.state_json')
        .where('renovation_files.file_id', '=', fileId)
        .orderBy('renovations.id')
        .limit(limit)
        .execute();
      return rows.map(toState);
    },
    async dueRenovationIds(now, limit) {
      const rows = await dueRenovationsQuery(db, now).limit(limit).execute();
      return rows.map((r) => r.id);
    },
  };
}
