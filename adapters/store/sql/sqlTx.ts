import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import { foldEvents, replay, sameState } from '../../../core/domain/case/replay';
import type { CaseEvent, CaseState } from '../../../core/domain/case/types';
import type { CaseFilter, CaseReach, FileRow, MessageRow, Tx } from '../../../core/ports/store';
import { caseOpeningRead, identityRead, jsonAggregateOf } from './reads';
import { toBinding, toCommunity, toFile, toHousehold, toOutbox, toReply, toStaff, toUser } from './rows';
import type { DB } from './schema';
import { pushTx } from './pushSql';
import { householdTx } from './householdSql';
import { setupTx } from './setupSql';
import { feeTx } from './feeSql';
import { cashierTx } from './cashierSql';
import { renovationTx } from './renovationSql';
import { reportTx } from './reportSql';
import { afterKey } from './keyset';
import { dueCasesQuery, dueOutboxQuery } from './dueQueries';
import { insertCaseEventRows, insertCaseFileRows, insertCaseRow, insertMessageRows, insertOutboxRows, insertReplyRow, nextCaseNumberMysql, nextCaseNumberSqlite } from './hotWrites';

/** A case's sweep and queue times are whole ms or null: a NaN would be stored as NULL and drop the case out of the sweep. */
function time(name: string, t: number | null): number | null {
  if (t !== null && !Number.isFinite(t)) throw new Error(`case row: ${name} is not a time (${t})`);
  return t;
}

/** The `cases` row of a state: the state itself and the columns indexed beside it. */
export const caseRow = (s: CaseState, nextDueAt: number | null, urgentAt: number | null | undefined) => ({
  community_id: s.communityId,
  household_id: s.householdId,
  kind: s.kind,
  category: s.category,
  status: s.status,
  department: s.department,
  owner: s.owner,
  emergency: s.emergency ? 1 : 0,
  created_at: s.createdAt,
  updated_at: s.updatedAt,
  next_due_at: time('next_due_at', nextDueAt),
  urgent_at: time('urgent_at', urgentAt === undefined ? nextDueAt : urgentAt),
  technician: s.work.technician,
  breached: s.sla.breached.length ? 1 : 0,
  version: s.version,
  number: s.number,
  about_staff: s.complaint?.aboutStaff ?? null,
  state_json: JSON.stringify(s),
  // Any write of the case releases it from the sweep's quarantine.
  sweep_error: null,
});

/** A case write whose state is not the fold of the stored state and the new events: a bug, never stored. */
export class StateNotFromEvents extends Error {
  constructor(readonly caseId: string) {
    super(`case ${caseId}: the state to store does not follow from its events`);
    this.name = 'StateNotFromEvents';
  }
}

/** Ignores a duplicate-key insert; each dialect spells it its own way. */
export interface Dialect {
  insertIgnore: 'or ignore' | 'ignore';
}

/** The store's one implementation over Kysely; SQLite and MySQL/MariaDB differ only in `Dialect`. */
export function sqlTx(db: Kysely<DB>, dialect: Dialect): Tx {
  let depth = 0;
  const agg = jsonAggregateOf(dialect.insertIgnore);
  /**
   * Row locks for reads that decide a write (MySQL/MariaDB, READ COMMITTED): SELECT … FOR UPDATE. SQLite
   * needs none: each write transaction runs alone (BEGIN IMMEDIATE), and it has no FOR UPDATE.
   */
  const locking = dialect.insertIgnore === 'ignore';
  /** Messages in one statement; a `source_id` already stored is skipped (a delivery retried). */
  async function insertMessages(rows: MessageRow[]) {
    if (rows.length === 0) return 0;
    const values = rows.map((m) => ({
      id: m.id,
      user_id: m.userId,
      title: m.title,
      body: m.body,
      case_id: m.caseId,
      created_at: m.createdAt,
      read_at: m.readAt,
      source_id: m.sourceId,
    }));
    const r = await insertMessageRows.run(db, values, dialect.insertIgnore);
    return Number(r.numAffectedRows ?? 0);
  }
  const own: Omit<Tx, keyof Parts> = {
    async userByOpenid(openid) {
      const r = await db.selectFrom('users').selectAll().where('openid', '=', openid).executeTakeFirst();
      return r && toUser(r);
    },
    async userById(id) {
      const r = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toUser(r);
    },
    async usersByIds(ids) {
      if (ids.length === 0) return [];
      return (await db.selectFrom('users').selectAll().where('id', 'in', ids).execute()).map(toUser);
    },
    async insertUser(u) {
      await db.insertInto('users').values({ id: u.id, openid: u.openid, name: u.name, phone: u.phone, created_at: u.createdAt }).execute();
    },
    async insertUserIfNew(u) {
      const values = { id: u.id, openid: u.openid, name: u.name, phone: u.phone, created_at: u.createdAt };
      // SQLite: ON CONFLICT(openid) DO NOTHING. MySQL/MariaDB: INSERT IGNORE (a no-op ON DUPLICATE KEY
      // UPDATE would not do: mysql2 connects with FOUND_ROWS, so it reports 1 row either way). A concurrent
      // first insert of the same OPENID holds its key's lock until it commits: this waits, then ignores.
      // The values are ids and a fixed name, all within their columns: IGNORE has no truncation to hide.
      const r = await (dialect.insertIgnore === 'or ignore'
        ? db.insertInto('users').values(values).onConflict((oc) => oc.column('openid').doNothing())
        : db.insertInto('users').ignore().values(values)
      ).executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
    },
    async staffOfUser(userId) {
      return (await db.selectFrom('staff').selectAll().where('user_id', '=', userId).execute()).map(toStaff);
    },
    async staffOfCommunity(communityId) {
      return (await db.selectFrom('staff').selectAll().where('community_id', '=', communityId).orderBy('user_id').execute()).map(toStaff);
    },
    async community(id) {
      const r = await db.selectFrom('communities').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toCommunity(r);
    },
    async communities() {
      return (await db.selectFrom('communities').selectAll().orderBy('id').execute()).map(toCommunity);
    },
    async household(id) {
      let q = db.selectFrom('households').selectAll().where('id', '=', id);
      if (locking) q = q.forUpdate();
      const r = await q.executeTakeFirst();
      return r && toHousehold(r);
    },
    identity: (openid, replyKeySuffix, opts) => identityRead(db, agg, openid, replyKeySuffix, locking && opts?.lock === true),
    caseOpening: (householdId, q) => caseOpeningRead(db, agg, householdId, q),
    async insertBinding(b) {
      await db
        .insertInto('bindings')
        .values({
          id: b.id,
          user_id: b.userId,
          household_id: b.householdId,
          community_id: b.communityId,
          name: b.name,
          phone: b.phone,
          relation: b.relation,
          status: b.status,
          phone_check: b.phoneCheck,
          created_at: b.createdAt,
          decided_at: b.decidedAt,
          decided_by: b.decidedBy,
          reason: b.reason,
        })
        .execute();
    },
    async binding(id) {
      let q = db.selectFrom('bindings').selectAll().where('id', '=', id);
      if (locking) q = q.forUpdate();
      const r = await q.executeTakeFirst();
      return r && toBinding(r);
    },
    async bindingsOfUser(userId) {
      return (await db.selectFrom('bindings').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').execute()).map(toBinding);
    },
    async bindingsOfHousehold(householdId) {
      return (await db.selectFrom('bindings').selectAll().where('household_id', '=', householdId).orderBy('created_at', 'desc').execute()).map(toBinding);
    },
    async bindingsInCommunities(communityIds, { status, limit, after }) {
      if (communityIds.length === 0) return { items: [], next: null };
      // Pending first, then decided ones, each newest first: two index-ordered scans, each after the key.
      const want = limit + 1;
      const base = db.selectFrom('bindings').selectAll().where('community_id', 'in', communityIds);
      const scan = async (pending: boolean, n: number) => {
        let q = pending ? base.where('status', '=', 'pending') : base.where('status', status ? '=' : '<>', status ?? 'pending');
        if (after && after.pending === pending) q = q.where(afterKey([{ column: 'created_at', dir: 'desc', value: after.createdAt }, { column: 'id', dir: 'desc', value: after.id }]));
        return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(n).execute();
      };
      let rows: DB['bindings'][] = [];
      const pendingToo = (!status || status === 'pending') && (!after || after.pending);
      if (pendingToo) rows = await scan(true, want);
      if (status !== 'pending' && rows.length < want) rows = rows.concat(await scan(false, want - rows.length));
      const items = rows.slice(0, limit).map(toBinding);
      const last = items[items.length - 1];
      return { items, next: rows.length > limit ? { pending: last.status === 'pending', createdAt: last.createdAt, id: last.id } : null };
    },
    async updateBinding(b) {
      await db
        .updateTable('bindings')
        .set({ status: b.status, decided_at: b.decidedAt, decided_by: b.decidedBy, reason: b.reason })
        .where('id', '=', b.id)
        .execute();
    },
    async insertCase(state, nextDueAt, events, urgentAt) {
      // The store writes the fold of the events, never a state it is merely handed (R-INT-4).
      const folded = replay(events);
      if (!folded || !sameState(folded, state)) throw new StateNotFromEvents(state.id);
      await insertCaseRow.run(db, { id: folded.id, ...caseRow(folded, nextDueAt, urgentAt) });
      await insertEvents(db, folded.id, 1, events);
      if (folded.photos.length) {
        await insertCaseFileRows.run(
          db,
          folded.photos.map((f) => ({ file_id: f, case_id: folded.id, household_id: folded.householdId })),
        );
      }
    },
    async appendCaseEvents(state, nextDueAt, expectedVersion, events, urgentAt) {
      const row = await db.selectFrom('cases').select(['version', 'state_json']).where('id', '=', state.id).executeTakeFirst();
      if (!row || Number(row.version) !== expectedVersion) return false;
      // The stored state with the new events applied is what is written; a caller whose state differs has a bug.
      const folded = foldEvents(JSON.parse(row.state_json) as CaseState, events);
      if (!folded || !sameState(folded, state)) throw new StateNotFromEvents(state.id);
      const r = await db
        .updateTable('cases')
        .set(caseRow(folded, nextDueAt, urgentAt))
        .where('id', '=', folded.id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return false;
      await insertEvents(db, folded.id, expectedVersion + 1, events);
      return true;
    },
    async caseById(id) {
      // On MySQL the case row is locked (FOR UPDATE) until the transaction ends: a call that reads a case
      // to change it queues behind another writer of the same case, as every writer does on SQLite,
      // instead of deciding on a version that is about to go stale (which the version check would refuse).
      let q = db.selectFrom('cases').select('state_json').where('id', '=', id);
      if (locking) q = q.forUpdate();
      const r = await q.executeTakeFirst();
      return r && (JSON.parse(r.state_json) as CaseState);
    },
    async caseEvents(id) {
      const rows = await db.selectFrom('case_events').select('data_json').where('case_id', '=', id).orderBy('seq').execute();
      return rows.map((r) => JSON.parse(r.data_json) as CaseEvent);
    },
    async cases(f: CaseFilter) {
      if (f.communityIds.length === 0) return { items: [], next: null };
      let q = db.selectFrom('cases').select(['state_json', 'urgent_at', 'created_at', 'id']).where('community_id', 'in', f.communityIds);
      if (f.reach) q = withinReach(q, f.reach);
      if (f.hiddenFrom) {
        const who = f.hiddenFrom;
        q = q.where((eb) => eb.or([eb('about_staff', 'is', null), eb('about_staff', '<>', who)]));
      }
      if (f.householdIds) q = f.householdIds.length ? q.where('household_id', 'in', f.householdIds) : q.where(sql<boolean>`1 = 0`);
      if (f.status?.length) q = q.where('status', 'in', f.status);
      if (f.kind) q = q.where('kind', '=', f.kind);
      if (f.department) q = q.where('department', '=', f.department);
      if (f.owner) q = q.where('owner', '=', f.owner);
      if (f.technician) q = q.where('technician', '=', f.technician);
      if (f.breached !== undefined) q = q.where('breached', '=', f.breached ? 1 : 0);
      const want = f.limit + 1;
      const a = f.after;
      let rows: { state_json: string; urgent_at: number | null; created_at: number; id: string }[];
      if (f.order === 'urgent') {
        // Order: open cases by their nearest promise (urgent_at; missed ones first), then finished ones,
        // newest first; ties by id. Read as two index-ordered range scans (cases_reach) rather than one
        // `ORDER BY CASE WHEN urgent_at IS NULL …`, which no index can serve: it sorted every case of
        // the community on each call (about 4 s at 1 M cases). A page after a finished case reads only
        // the second scan; each scan starts after the key (keyset), never skipping rows (offset).
        rows = [];
        if (!a || a.urgentAt !== null) {
          let open = q.where('urgent_at', 'is not', null);
          if (a) open = open.where(afterKey([{ column: 'urgent_at', dir: 'asc', value: a.urgentAt! }, { column: 'created_at', dir: 'desc', value: a.createdAt }, { column: 'id', dir: 'asc', value: a.id }]));
          rows = await open.orderBy('urgent_at').orderBy('created_at', 'desc').orderBy('id').limit(want).execute();
        }
        if (rows.length < want) {
          let done = q.where('urgent_at', 'is', null);
          if (a && a.urgentAt === null) done = done.where(afterKey([{ column: 'created_at', dir: 'desc', value: a.createdAt }, { column: 'id', dir: 'asc', value: a.id }]));
          rows = rows.concat(await done.orderBy('created_at', 'desc').orderBy('id').limit(want - rows.length).execute());
        }
      } else {
        if (a) q = q.where(afterKey([{ column: 'created_at', dir: 'desc', value: a.createdAt }, { column: 'id', dir: 'desc', value: a.id }]));
        rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(want).execute();
      }
      const page = rows.slice(0, f.limit);
      const last = page[page.length - 1];
      const next = rows.length > f.limit ? { urgentAt: last.urgent_at === null ? null : Number(last.urgent_at), createdAt: Number(last.created_at), id: last.id } : null;
      return { items: page.map((r) => JSON.parse(r.state_json) as CaseState), next };
    },
    async casesCreatedBetween(communityIds, kinds, from, to) {
      if (communityIds.length === 0 || kinds.length === 0) return [];
      const rows = await db
        .selectFrom('cases')
        .select('state_json')
        .where('community_id', 'in', communityIds)
        .where('kind', 'in', kinds)
        .where('created_at', '>=', from)
        .where('created_at', '<', to)
        .orderBy('created_at')
        .execute();
      return rows.map((r) => JSON.parse(r.state_json) as CaseState);
    },
    async dueCaseIds(now, limit) {
      const rows = await dueCasesQuery(db, now).limit(limit).execute();
      return rows.map((r) => r.id);
    },
    async quarantineCase(id, retryAt, reason) {
      await db.updateTable('cases').set({ next_due_at: time('next_due_at', retryAt), sweep_error: reason.slice(0, 300) }).where('id', '=', id).execute();
    },
    async quarantinedCases(limit) {
      const rows = await db.selectFrom('cases').select(['id', 'sweep_error', 'next_due_at']).where('sweep_error', 'is not', null).orderBy('id').limit(limit).execute();
      return rows.map((r) => ({ id: r.id, reason: r.sweep_error!, retryAt: Number(r.next_due_at) }));
    },
    async isolated(fn) {
      // A savepoint: what `fn` wrote is undone when it throws, and the transaction goes on (SQLite and
      // MySQL/MariaDB both speak SAVEPOINT / ROLLBACK TO / RELEASE; Kysely 0.28 offers typed savepoints
      // only on a controlled transaction, so the statements are written out here).
      // Named by depth, not by count: the same few statement texts, so prepared statements are reused.
      const name = sql.raw(`unit_${++depth}`);
      try {
        await sql`savepoint ${name}`.execute(db);
        try {
          const out = await fn();
          await sql`release savepoint ${name}`.execute(db);
          return out;
        } catch (e) {
          await sql`rollback to savepoint ${name}`.execute(db);
          await sql`release savepoint ${name}`.execute(db);
          throw e;
        }
      } finally {
        depth--;
      }
    },
    async countCases() {
      const r = await db.selectFrom('cases').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async nextCaseSequence(communityId, prefix, day) {
      // One statement takes the row's lock (insert or increment), so concurrent submissions queue on it.
      const key = { community_id: communityId, prefix, day };
      if (dialect.insertIgnore === 'or ignore') {
        // SQLite answers the number in the same statement (RETURNING).
        const r = await nextCaseNumberSqlite.run(db, { ...key, last: 1 });
        return Number(r.rows[0].last);
      }
      // MySQL/MariaDB: LAST_INSERT_ID(expr) hands the number to the statement's OK packet (insertId).
      const r = await nextCaseNumberMysql.run(db, key);
      return Number(r.insertId);
    },
    async casesOpenedBy(userId, since, cap) {
      const r = await db
        .selectFrom((q) =>
          q.selectFrom('case_events').select('case_id').where('by_user', '=', userId).where('at', '>=', since).where('type', '=', 'submitted').limit(cap).as('opened'),
        )
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async enqueue(messages, deliveredAt) {
      if (messages.length === 0) return;
      const delivered = deliveredAt !== undefined;
      await insertOutboxRows.run(
        db,
        messages.map((m) => ({
          id: m.id,
          channel: m.channel,
          to_user: m.to,
          template: m.template,
          data_json: JSON.stringify(m.data),
          created_at: m.createdAt,
          status: delivered ? 'delivered' : 'pending',
          attempts: delivered ? 1 : 0,
          next_attempt_at: m.createdAt,
          delivered_at: delivered ? deliveredAt : null,
          last_error: null,
        })),
      );
    },
    async dueOutbox(now, limit) {
      const rows = await dueOutboxQuery(db, now).limit(limit).execute();
      return rows.map(toOutbox);
    },
    async markOutbox(id, p) {
      await db
        .updateTable('outbox')
        .set({ status: p.status, attempts: p.attempts, next_attempt_at: p.nextAttemptAt, delivered_at: p.deliveredAt, last_error: p.lastError })
        .where('id', '=', id)
        .execute();
    },
    async outboxAll() {
      return (await db.selectFrom('outbox').selectAll().orderBy('created_at').orderBy('id').execute()).map(toOutbox);
    },
    insertMessage: async (m) => (await insertMessages([m])) === 1,
    insertMessages: (rows) => insertMessages(rows),
    async messagesOf(userId, limit, after) {
      let q = db.selectFrom('messages').selectAll().where('user_id', '=', userId);
      if (after) q = q.where(afterKey([{ column: 'created_at', dir: 'desc', value: after.createdAt }, { column: 'id', dir: 'desc', value: after.id }]));
      const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map((r) => ({
        id: r.id,
        userId: r.user_id,
        title: r.title,
        body: r.body,
        caseId: r.case_id,
        createdAt: Number(r.created_at),
        readAt: r.read_at === null ? null : Number(r.read_at),
        sourceId: r.source_id,
      }));
    },
    async unreadMessages(userId) {
      const r = await db.selectFrom('messages').select((e) => e.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async markMessagesRead(userId, ids, at) {
      let q = db.updateTable('messages').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
      if (ids !== 'all') {
        if (ids.length === 0) return;
        q = q.where('id', 'in', ids);
      }
      await q.execute();
    },
    async insertFile(f: FileRow) {
      await db.insertInto('files').values({ id: f.id, owner_id: f.ownerId, mime: f.mime, size: f.size, created_at: f.createdAt, cloud_id: f.cloudId ?? null }).execute();
    },
    async file(id) {
      const r = await db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toFile(r);
    },
    async fileByCloudId(cloudId) {
      const r = await db.selectFrom('files').selectAll().where('cloud_id', '=', cloudId).executeTakeFirst();
      return r && toFile(r);
    },
    async casesShowingFile(fileId, limit) {
      const rows = await db
        .selectFrom('case_files')
        .innerJoin('cases', 'cases.id', 'case_files.case_id')
        .select('cases.state_json')
        .where('case_files.file_id', '=', fileId)
        .orderBy('cases.id')
        .limit(limit)
        .execute();
      return rows.map((r) => JSON.parse(r.state_json) as CaseState);
    },
    async idempotency(key) {
      const r = await db.selectFrom('idempotency').selectAll().where('key', '=', key).executeTakeFirst();
      return r && toReply(r);
    },
    async saveIdempotency(row) {
      await insertReplyRow.run(db, { key: row.key, body_hash: row.bodyHash, result_json: JSON.stringify(row.result), created_at: row.createdAt });
    },
    async purgeIdempotency(before, limit) {
      // Keys first, then delete them: DELETE … LIMIT is not portable (SQLite lacks it, MySQL refuses LIMIT in IN-subqueries).
      const keys = (await db.selectFrom('idempotency').select('key').where('created_at', '<', before).orderBy('created_at').limit(limit).execute()).map((r) => r.key);
      if (keys.length === 0) return 0;
      await db.deleteFrom('idempotency').where('key', 'in', keys).execute();
      return keys.length;
    },
  };
  // Object.assign, not `{ ...parts, methods }`: V8 builds an object literal that spreads objects of
  // ~130 methods through a slow path (measured ~4 ms and ~300 KB of garbage per transaction, most of a
  // submission's time); copying the same properties with Object.assign takes some 25 µs.
  const parts = Object.assign(Object.assign({}, pushTx(db, dialect), householdTx(db, dialect), feeTx(db, dialect)), cashierTx(db, dialect), renovationTx(db, dialect), setupTx(db));
  return Object.assign(parts, reportTx(db), own);
}

type Parts = ReturnType<typeof pushTx> &
  ReturnType<typeof householdTx> &
  ReturnType<typeof feeTx> &
  ReturnType<typeof cashierTx> &
  ReturnType<typeof renovationTx> &
  ReturnType<typeof setupTx> &
  ReturnType<typeof reportTx>;

/**
 * Cases within reach (CaseFilter.reach): per community, all of them or those the reader handles or that
 * are routed to their roles.
 */
function withinReach<Q extends SelectQueryBuilder<DB, 'cases', any>>(q: Q, reach: CaseReach[]): Q {
  if (reach.length === 0) return q.where(sql<boolean>`1 = 0`) as Q;
  const all = reach.filter((r) => r.all).map((r) => r.communityId);
  const limited = reach.filter((r) => !r.all);
  if (limited.length === 0) return q.where('community_id', 'in', all) as Q;
  return q.where((eb) => {
    const parts = all.length ? [eb('community_id', 'in', all)] : [];
    for (const r of limited) {
      const mine = [eb('owner', '=', r.owner)];
      if (r.technician) mine.push(eb('technician', '=', r.technician));
      if (r.categories.length) mine.push(eb('category', 'in', r.categories));
      parts.push(eb.and([eb('community_id', '=', r.communityId), eb.or(mine)]));
    }
    return eb.or(parts);
  }) as Q;
}

async function insertEvents(db: Kysely<DB>, caseId: string, firstSeq: number, events: CaseEvent[]) {
  if (events.length === 0) return;
  await insertCaseEventRows.run(
    db,
    events.map((e, i) => ({ case_id: caseId, seq: firstSeq + i, type: e.type, at: e.at, by_user: e.by, data_json: JSON.stringify(e) })),
  );
}

